package dev.rampart.engine.internal.signing;

import java.util.Arrays;

/**
 * An Ed25519 public key as verifying needs it: its 32 raw bytes (RFC 8032) and the id that
 * signature files name it by.
 */
public final class Ed25519PublicKey {

  private final byte[] key;
  private final String id;

  /**
   * @param key the 32 raw key bytes; copied
   * @throws IllegalArgumentException if there are not 32 bytes
   */
  public Ed25519PublicKey(byte[] key) {
    if (key.length != Ed25519.KEY_BYTES) {
      throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + key.length);
    }
    this.key = key.clone();
    this.id = Ed25519.keyId(this.key);
  }

  /** The first {@value Ed25519#KEY_ID_DIGITS} hex digits of the SHA-256 of the raw key bytes. */
  public String id() {
    return id;
  }

  /** The 32 raw key bytes; a copy. */
  public byte[] encoded() {
    return key.clone();
  }

  /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
  public boolean verifies(byte[] message, byte[] signature) {
    return Ed25519.verifies(key, message, signature);
  }

  /** The PEM text of the key's SubjectPublicKeyInfo file. */
  public String pem() {
    return Ed25519.publicKeyPem(key);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Ed25519PublicKey that && Arrays.equals(key, that.key);
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
