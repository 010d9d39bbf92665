package dev.rampart.engine.internal.signing;

import dev.rampart.engine.PackLoadException;
import dev.rampart.engine.PackSignature;
import dev.rampart.engine.PackSignatureException;
import dev.rampart.engine.PackSignatureException.Reason;
import dev.rampart.engine.SigningKey;
import dev.rampart.engine.internal.ast.PackDef;
import dev.rampart.engine.internal.load.PackComposer;
import dev.rampart.engine.internal.load.PackProblems;
import dev.rampart.engine.internal.load.PackReader;
import dev.rampart.engine.internal.load.PackSource;
import dev.rampart.engine.value.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/** Signs a pack directory: writes its {@code pack.sig}, atomically. */
public final class PackSigner {

  private PackSigner() {}

  /**
   * Signs every file of the directory, and the id and version of {@code pack} and of each base in
   * its chain, with the key and writes {@code pack.sig} into the directory: to a temporary file in
   * the directory first, then moved over {@code pack.sig}, so a reader never sees half a signature.
   *
   * @param pack the pack file in {@code directory} that the signature is for
   * @throws PackSignatureException when the directory holds what cannot be signed (a symbolic link,
   *     too many files)
   * @throws PackLoadException when the pack or a base has mistakes, so its id and version are unknown
   */
  public static PackSignature sign(Path directory, Path pack, SigningKey key)
      throws IOException, PackSignatureException, PackLoadException {
    SignedChain chain = chainOf(pack);
    PackFiles files;
    try {
      files = PackFiles.ofDirectory(directory);
    } catch (UnreadablePack e) {
      String shown = directory.toString().isEmpty() ? "." : directory.toString();
      throw new PackSignatureException(Reason.UNREADABLE,
          "rule pack " + shown + " cannot be signed: " + Reason.UNREADABLE.description(), e.problems());
    }
    Manifest manifest = Manifest.of(files);
    String text = SignatureFile.format(key.id(), key.sign(SignatureFile.signedText(chain, manifest)), chain, manifest);
    Path target = directory.resolve(PackFiles.SIGNATURE);
    // not Files.createTempFile, whose file only its owner may read: pack.sig is as public as the pack
    Path temporary = directory.resolve("." + PackFiles.SIGNATURE + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
    return chain.signature(files.location().isEmpty() ? "." : files.location(), key.id(), false,
        manifest.digests().size());
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
