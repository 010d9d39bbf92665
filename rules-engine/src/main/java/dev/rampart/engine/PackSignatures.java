package dev.rampart.engine;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.internal.load.BuiltinPacks;
import dev.rampart.engine.internal.load.PackComposer;
import dev.rampart.engine.internal.load.PackProblems;
import dev.rampart.engine.internal.load.PackSource;
import dev.rampart.engine.internal.signing.PackVerifier;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.PackSignature;
import dev.rampart.engine.value.PackSignatureException;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Checks the signatures of rule packs.
 *
 * <p>A signature covers a pack's directory: the SHA-256 of every regular file under it (the pack
 * file, its tests, any base file kept beside it), except the signature itself, listed in a canonical
 * manifest that is signed with Ed25519, together with the id and version of the pack and of each base
 * in its chain. It is kept beside the pack file as {@code pack.sig}. A base in another directory
 * carries its own signature. The format is described in docs/pack-signing.md.
 * Loading a pack only when its signatures check out is {@link RulePacks#loadVerified}; making keys and
 * signing packs are the authoring tools of the module rampart-pack-signing.
 */
@API(status = STABLE, since = "0.1")
public final class PackSignatures {

  /** The signature file's name, in the pack's directory. */
  public static final String SIGNATURE_FILE = "pack.sig";

  private PackSignatures() {}

  /**
   * Checks the signature of a pack and of every base in its chain, as {@link RulePacks#loadVerified}
   * does before it loads them.
   *
   * @param pack a pack file, or a directory holding {@code pack.yaml}
   * @return the signatures, of the pack first, then of its bases
   * @throws PackSignatureException naming the pack refused and why
   * @throws PackLoadException if a pack, once its signature checked out, has mistakes
   */
  public static List<PackSignature> verify(Path pack, TrustedKeys trusted)
      throws PackSignatureException, PackLoadException {
    return verify(pack, trusted, MinimumVersions.none());
  }

  /**
   * Checks signatures as {@link #verify(Path, TrustedKeys)} does, and refuses a pack or base whose
   * version is below its minimum.
   */
  public static List<PackSignature> verify(Path pack, TrustedKeys trusted, MinimumVersions minimum)
      throws PackSignatureException, PackLoadException {
    return verify(PackSource.file(pack), Boundary.verifier(trusted, minimum));
  }

  /**
   * Checks the signature of a built-in pack and of its bases; the built-in key is trusted for them
   * beside {@code trusted}.
   *
   * @throws PackSignatureException naming the pack refused and why
   * @throws PackLoadException if there is no such built-in pack, or it has mistakes
   */
  public static List<PackSignature> verifyBuiltin(String id, TrustedKeys trusted)
      throws PackSignatureException, PackLoadException {
    return verifyBuiltin(id, trusted, MinimumVersions.none());
  }

  /** Checks a built-in pack as {@link #verifyBuiltin(String, TrustedKeys)} does, refusing a version below its minimum. */
  public static List<PackSignature> verifyBuiltin(String id, TrustedKeys trusted, MinimumVersions minimum)
      throws PackSignatureException, PackLoadException {
    RulePacks.checkBuiltin(id);
    return verify(BuiltinPacks.source(id), Boundary.verifier(trusted, minimum));
  }

  private static List<PackSignature> verify(PackSource source, PackVerifier verifier)
      throws PackSignatureException, PackLoadException {
    try {
      PackComposer.load(source, verifier);
    } catch (PackProblems e) {
      throw new PackLoadException(e.problems());
    }
    return verifier.signatures();
  }
}
