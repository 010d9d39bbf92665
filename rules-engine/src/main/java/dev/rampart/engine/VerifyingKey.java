package dev.rampart.engine;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.internal.signing.Ed25519;
import dev.rampart.engine.internal.signing.Ed25519PublicKey;
import dev.rampart.engine.internal.signing.KeyFiles;
import dev.rampart.engine.value.KeyFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An Ed25519 public key, which checks the signatures of rule packs. Its file is a standard PEM
 * {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo), as {@code rampart pack keygen} and
 * {@code openssl pkey -pubout} write it.
 */
@API(status = STABLE, since = "0.1")
public final class VerifyingKey {

  private final Ed25519PublicKey key;

  private VerifyingKey(Ed25519PublicKey key) {
    this.key = key;
  }

  /**
   * The key from its 32 raw bytes (RFC 8032).
   *
   * @throws IllegalArgumentException if there are not 32 bytes
   */
  public static VerifyingKey of(byte[] key) {
    Objects.requireNonNull(key, "key");
    return new VerifyingKey(new Ed25519PublicKey(key));
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
    return new VerifyingKey(new Ed25519PublicKey(Ed25519.readPublicKey(text, name)));
  }

  /**
   * The key id that signature files name: the first 16 hex digits of the SHA-256 of the 32 raw
   * key bytes.
   */
  public String id() {
    return key.id();
  }

  /** The 32 raw key bytes (RFC 8032); a copy. */
  public byte[] encoded() {
    return key.encoded();
  }

  /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
  public boolean verifies(byte[] message, byte[] signature) {
    return key.verifies(message, signature);
  }

  /** The PEM text of the key file. */
  public String toPem() {
    return key.pem();
  }

  /** The key as the engine's internals take it; see {@link Boundary#verifier}. */
  Ed25519PublicKey internal() {
    return key;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VerifyingKey that && key.equals(that.key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return key.toString();
  }
}
