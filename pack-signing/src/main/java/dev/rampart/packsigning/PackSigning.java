package dev.rampart.packsigning;

import dev.rampart.engine.PackSignatures;
import dev.rampart.engine.internal.signing.PackToSign;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.PackSignature;
import dev.rampart.engine.value.PackSignatureException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

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
    if (Files.isDirectory(pack)) {
      file = pack.resolve("pack.yaml");
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException(file.toString(), null, "a pack directory holds pack.yaml");
      }
      directory = pack;
    } else if (Files.isRegularFile(pack)) {
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
   * Writes {@code pack.sig} to a temporary file in the directory first, then moves it over
   * {@code pack.sig}, so a reader never sees half a signature.
   */
  private static void write(Path directory, byte[] text) throws IOException {
    Path target = directory.resolve(PackSignatures.SIGNATURE_FILE);
    // not Files.createTempFile, whose file only its owner may read: pack.sig is as public as the pack
    Path temporary = directory.resolve("." + PackSignatures.SIGNATURE_FILE + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.write(temporary, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
