package dev.rampart.packsigning;

import dev.rampart.engine.PackSignatures;
import dev.rampart.engine.internal.signing.PackToSign;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.PackSignature;
import dev.rampart.engine.value.PackSignatureException;
import dev.rampart.spi.source.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Signs rule packs: writes a pack directory's {@code pack.sig}, which
 * {@link dev.rampart.engine.RulePacks#loadVerified} and {@link PackSignatures#verify} check.
 *
 * <p>A signature covers a pack's directory: the SHA-256 of every regular file under it (the pack
 * file, its tests, any base file kept beside it), except the signature itself, listed in a canonical
 * manifest that is signed with Ed25519, together with the id and version of the pack and of each base
 * in its chain. A base in another directory carries its own signature. The format is described in
 * docs/pack-signing.md.
 */
public final class PackSigning {

  private PackSigning() {}

  /**
   * Signs a pack: writes {@code pack.sig} into the directory of the pack file, replacing any
   * signature there, atomically. The signature covers every file of the directory, the pack's id and
   * version, and the id and version of each base in its chain: the pack loads under
   * {@link dev.rampart.engine.RulePacks#loadVerified} only as that pack, on those very bases.
   *
   * @param pack a pack file, or a directory holding {@code pack.yaml}
   * @return what was signed
   * @throws IOException if the pack does not exist or a file cannot be read or written
   * @throws PackSignatureException if the directory holds what cannot be signed, e.g. a symbolic link
   * @throws PackLoadException if the pack or a base has mistakes, so what it is cannot be signed
   */
  public static PackSignature sign(Path pack, SigningKey key)
      throws IOException, PackSignatureException, PackLoadException {
    Path directory;
    Path file;
    // whatever stands there is read: a FIFO or a link is refused for what it is, not called missing
    if (Files.isDirectory(pack)) {
      file = pack.resolve("pack.yaml");
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new NoSuchFileException(file.toString(), null, "a pack directory holds pack.yaml");
      }
      directory = pack;
    } else if (Files.exists(pack, LinkOption.NOFOLLOW_LINKS)) {
      file = pack;
      directory = pack.getParent() == null ? Path.of("") : pack.getParent();
    } else {
      throw new NoSuchFileException(pack.toString());
    }
    PackToSign toSign = PackToSign.read(directory, file);
    write(directory, toSign.signatureFile(key.id(), key.sign(toSign.signedText())));
    return toSign.signature(key.id());
  }

  /**
   * Replaces {@code pack.sig} whole, through a temporary file beside it, so a reader never sees half a
   * signature; it is as public as the pack.
   */
  private static void write(Path directory, byte[] text) throws IOException {
    String signature = new String(text, StandardCharsets.UTF_8);
    AtomicFiles.write(directory.resolve(PackSignatures.SIGNATURE_FILE), out -> out.write(signature));
  }
}
