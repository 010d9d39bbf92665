package dev.rampart.engine.internal.signing;

import dev.rampart.engine.PackSignature;
import dev.rampart.engine.PackSignatureException;
import dev.rampart.engine.PackSignatureException.Reason;
import dev.rampart.engine.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Signs a pack directory: writes its {@code pack.sig}, atomically. */
public final class PackSigner {

  private PackSigner() {}

  /**
   * Signs every file of the directory with the key and writes {@code pack.sig} into it: to a
   * temporary file in the directory first, then moved over {@code pack.sig}, so a reader never sees
   * half a signature.
   *
   * @throws PackSignatureException when the directory holds what cannot be signed (a symbolic link,
   *     too many files)
   */
  public static PackSignature sign(Path directory, SigningKey key) throws IOException, PackSignatureException {
    PackFiles files;
    try {
      files = PackFiles.ofDirectory(directory);
    } catch (UnreadablePack e) {
      String shown = directory.toString().isEmpty() ? "." : directory.toString();
      throw new PackSignatureException(Reason.UNREADABLE,
          "rule pack " + shown + " cannot be signed: " + Reason.UNREADABLE.description(), e.problems());
    }
    Manifest manifest = Manifest.of(files);
    String text = SignatureFile.format(key.id(), key.sign(manifest.canonical()), manifest);
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
    return new PackSignature(files.location().isEmpty() ? "." : files.location(), key.id(), false,
        manifest.digests().size());
  }
}
