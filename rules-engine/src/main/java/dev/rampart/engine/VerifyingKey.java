package dev.rampart.engine;

import dev.rampart.engine.internal.signing.Ed25519;
import dev.rampart.engine.internal.signing.KeyFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * An Ed25519 public key, which checks the signatures of rule packs. Its file is a standard PEM
 * {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo), as {@code rampart pack keygen} and
 * {@code openssl pkey -pubout} write it.
 */
public final class VerifyingKey {

  private final byte[] key;
  private final String id;

  private VerifyingKey(byte[] key) {
    this.key = key.clone();
    this.id = Ed25519.keyId(this.key);
  }

  /**
   * The key from its 32 raw bytes (RFC 8032).
   *
   * @throws IllegalArgumentException if there are not 32 bytes
   */
  public static VerifyingKey of(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length != Ed25519.KEY_BYTES) {
      throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + key.length);
    }
    return new VerifyingKey(key);
  }

  /**
   * Reads a PEM public key file.
   *
   * @throws KeyFileException if the file cannot be read or holds no Ed25519 public key, saying why
   */
  public static VerifyingKey read(Path file) throws KeyFileException {
    return fromPem(KeyFiles.readText(file), file.toString());
  }

  /**
   * The key in the text of a PEM public key file; {@code name} is used in messages.
   *
   * @throws KeyFileException if the text holds no Ed25519 public key, saying why
   */
  public static VerifyingKey fromPem(String text, String name) throws KeyFileException {
    return new VerifyingKey(Ed25519.readPublicKey(text, name));
  }

  /**
   * The key id that signature files name: the first 16 hex digits of the SHA-256 of the 32 raw
   * key bytes.
   */
  public String id() {
    return id;
  }

  /** The 32 raw key bytes (RFC 8032); a copy. */
  public byte[] encoded() {
    return key.clone();
  }

  /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
  public boolean verifies(byte[] message, byte[] signature) {
    return Ed25519.verifies(key, message, signature);
  }

  /** The PEM text of the key file. */
  public String toPem() {
    return Ed25519.publicKeyPem(key);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VerifyingKey that && Arrays.equals(key, that.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "Ed25519 public key " + id;
  }
}
