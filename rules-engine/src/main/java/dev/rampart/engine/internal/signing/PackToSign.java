package dev.rampart.engine.internal.signing;

import dev.rampart.engine.internal.ast.PackDef;
import dev.rampart.engine.internal.load.PackComposer;
import dev.rampart.engine.internal.load.PackProblems;
import dev.rampart.engine.internal.load.PackReader;
import dev.rampart.engine.internal.load.PackSource;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.PackSignature;
import dev.rampart.engine.value.PackSignatureException;
import dev.rampart.engine.value.PackSignatureException.Reason;
import dev.rampart.engine.value.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A pack directory as its signature will bind it: the id and version of the pack and of each base in
 * its chain, as loading finds them, and the manifest of the directory's files. This is the part of the
 * signature format that signing needs, exported to {@code dev.rampart.packsigning} alone, which signs
 * {@link #signedText()} with its key and writes {@link #signatureFile} as {@code pack.sig}.
 */
public final class PackToSign {

  private final String location;
  private final SignedChain chain;
  private final Manifest manifest;

  private PackToSign(String location, SignedChain chain, Manifest manifest) {
    this.location = location;
    this.chain = chain;
    this.manifest = manifest;
  }

  /**
   * Loads the pack and its bases to learn their ids and versions, then reads every file of the
   * directory.
   *
   * @param pack the pack file in {@code directory} that the signature is for
   * @throws PackSignatureException when the directory holds what cannot be signed (a symbolic link,
   *     too many files), or a version cannot be written into {@code pack.sig}
   * @throws PackLoadException when the pack or a base has mistakes, so its id and version are unknown
   */
  public static PackToSign read(Path directory, Path pack) throws PackSignatureException, PackLoadException {
    Objects.requireNonNull(directory, "directory");
    SignedChain chain = chainOf(pack);
    PackFiles files;
    try {
      files = PackFiles.ofDirectory(directory);
    } catch (UnreadablePack e) {
      String shown = directory.toString().isEmpty() ? "." : directory.toString();
      throw new PackSignatureException(Reason.UNREADABLE,
          "rule pack " + shown + " cannot be signed: " + Reason.UNREADABLE.description(), e.problems());
    }
    return new PackToSign(files.location().isEmpty() ? "." : files.location(), chain, Manifest.of(files));
  }

  /** The bytes a key signs: the format line, the pack and base lines, a blank line, the manifest. */
  public byte[] signedText() {
    return SignatureFile.signedText(chain, manifest);
  }

  /** The bytes of {@code pack.sig} holding {@code signature}, key {@code keyId}'s signature of the signed text. */
  public byte[] signatureFile(String keyId, byte[] signature) {
    return SignatureFile.format(keyId, signature, chain, manifest).getBytes(StandardCharsets.UTF_8);
  }

  /** What a signature by key {@code keyId} binds the pack to, as the API shows it. */
  public PackSignature signature(String keyId) {
    return chain.signature(location, keyId, false, manifest.digests().size());
  }

  /** The id and version of the pack and of each of its bases, as loading the pack finds them. */
  private static SignedChain chainOf(Path pack) throws PackLoadException, PackSignatureException {
    SortedMap<Integer, SignedChain.Identity> byDepth = new TreeMap<>();
    try {
      PackComposer.load(PackSource.file(pack), new PackReader<RuntimeException>() {
        @Override
        public String read(PackSource source, List<PackSource> below) throws PackProblems {
          return source.read();
        }

        @Override
        public void loaded(PackSource source, PackDef loaded, List<PackSource> below) {
          byDepth.put(below.size(), new SignedChain.Identity(loaded.id(), loaded.version()));
        }
      });
    } catch (PackProblems e) {
      throw new PackLoadException(e.problems());
    }
    SignedChain chain = new SignedChain(byDepth.get(0), List.copyOf(byDepth.tailMap(1).values()));
    for (SignedChain.Identity identity : byDepth.values()) {
      if (!SignatureFile.canHold(identity)) {
        throw new PackSignatureException(Reason.UNREADABLE, "rule pack " + pack + " cannot be signed: its version"
            + " cannot be written into pack.sig", List.of(new Problem(pack.toString(), 0, 0, null,
                "pack '" + identity.id() + "' has the version '" + identity.version().replaceAll("\\p{Cntrl}", "?")
                    + "', which holds a control character", "write the version without control characters")));
      }
    }
    return chain;
  }
}
