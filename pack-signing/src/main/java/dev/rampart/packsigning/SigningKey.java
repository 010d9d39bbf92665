package dev.rampart.packsigning;

import dev.rampart.engine.VerifyingKey;
import dev.rampart.engine.internal.signing.Ed25519;
import dev.rampart.engine.internal.signing.KeyFiles;
import dev.rampart.engine.value.KeyFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * An Ed25519 private key, which signs rule packs. Its file is a standard PEM {@code PRIVATE KEY}
 * (PKCS#8), as {@code rampart pack keygen} and {@code openssl genpkey -algorithm ed25519} write it.
 */
public final class SigningKey {

  private final byte[] key;
  private final VerifyingKey verifyingKey;

  private SigningKey(byte[] key) {
    this.key = key.clone();
    this.verifyingKey = VerifyingKey.of(Ed25519.publicKey(this.key));
  }

  /** A new key from a strong random source. */
  public static SigningKey generate() {
    return new SigningKey(Ed25519.newPrivateKey());
  }

  /**
   * Reads a PEM private key file.
   *
   * @throws KeyFileException if the file cannot be read or holds no Ed25519 private key, saying why
   */
  public static SigningKey read(Path file) throws KeyFileException {
    return fromPem(KeyFiles.readText(file), file.toString());
  }

  /**
   * The key in the text of a PEM private key file; {@code name} is used in messages.
   *
   * @throws KeyFileException if the text holds no Ed25519 private key, saying why
   */
  public static SigningKey fromPem(String text, String name) throws KeyFileException {
    return new SigningKey(Ed25519.readPrivateKey(text, name));
  }

  /** The public half, which verifies this key's signatures. */
  public VerifyingKey verifyingKey() {
    return verifyingKey;
  }

  /** The id of the public half. */
  public String id() {
    return verifyingKey.id();
  }

  /** The Ed25519 signature of {@code message}. */
  public byte[] sign(byte[] message) {
    return Ed25519.sign(key, message);
  }

  /**
   * Writes the PEM key file, readable and writable by its owner only where the file system has
   * POSIX permissions; refuses to replace an existing file.
   *
   * @throws java.nio.file.FileAlreadyExistsException if the file exists
   */
  public void writeTo(Path file) throws IOException {
    NewFiles.write(file, Ed25519.privateKeyPem(key), true);
  }

  /**
   * Writes the PEM file of the public half, {@link VerifyingKey#toPem()}, which
   * {@link VerifyingKey#read(Path)} reads; refuses to replace an existing file.
   *
   * @throws java.nio.file.FileAlreadyExistsException if the file exists
   */
  public void writePublicKeyTo(Path file) throws IOException {
    NewFiles.write(file, verifyingKey.toPem(), false);
  }

  /**
   * Writes the PEM key file as {@link #writeTo(Path)} does and its public half's as
   * {@link #writePublicKeyTo(Path)} does, both or neither: each is written beside its place first,
   * then moved there atomically, the public key first, so a write stopped at any point leaves no key
   * cut short and no private key without its public one.
   *
   * @throws java.nio.file.FileAlreadyExistsException if either file exists; then neither is written
   */
  public void writePairTo(Path privateKey, Path publicKey) throws IOException {
    NewFiles.write(List.of(
        new NewFiles.NewFile(publicKey, verifyingKey.toPem(), false),
        new NewFiles.NewFile(privateKey, Ed25519.privateKeyPem(key), true)));
  }

  /** Names the key by its public id; never shows the key. */
  @Override
  public String toString() {
    return "Ed25519 private key " + id();
  }
}
