package dev.rampart.engine.internal.signing;

import dev.rampart.engine.value.KeyFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * Ed25519 with Bouncy Castle's lightweight API (no JCA provider is registered), and the standard PEM
 * files of its keys: PKCS#8 {@code PRIVATE KEY} and X.509 SubjectPublicKeyInfo {@code PUBLIC KEY},
 * the files {@code openssl genpkey -algorithm ed25519} and {@code openssl pkey -pubout} write.
 */
public final class Ed25519 {

  /** Bytes of a private key (its seed) and of a public key. */
  public static final int KEY_BYTES = 32;

  /** Bytes of a signature. */
  public static final int SIGNATURE_BYTES = 64;

  /** Hex digits of a key id: the start of the SHA-256 of the 32-byte public key. */
  public static final int KEY_ID_DIGITS = 16;

  /** The algorithm's object identifier, RFC 8410. */
  private static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");
  private static final String PRIVATE_LABEL = "PRIVATE KEY";
  private static final String PUBLIC_LABEL = "PUBLIC KEY";
  private static final String MAKE_ONE = "make a key pair with 'rampart pack keygen --out DIR',"
      + " or with 'openssl genpkey -algorithm ed25519'";
  private static final Map<String, String> ALGORITHMS = Map.of(
      "1.2.840.113549.1.1.1", "an RSA",
      "1.2.840.10045.2.1", "an elliptic-curve (ECDSA)",
      "1.2.840.10040.4.1", "a DSA",
      "1.3.101.110", "an X25519",
      "1.3.101.111", "an X448",
      "1.3.101.113", "an Ed448");

  private Ed25519() {}

  /** A new private key from a strong random source. */
  public static byte[] newPrivateKey() {
    return new Ed25519PrivateKeyParameters(new SecureRandom()).getEncoded();
  }

  /** The public key of a private key. */
  public static byte[] publicKey(byte[] privateKey) {
    return new Ed25519PrivateKeyParameters(privateKey, 0).generatePublicKey().getEncoded();
  }

  public static byte[] sign(byte[] privateKey, byte[] message) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, new Ed25519PrivateKeyParameters(privateKey, 0));
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  public static boolean verifies(byte[] publicKey, byte[] message, byte[] signature) {
    if (signature.length != SIGNATURE_BYTES) {
      return false;
    }
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }

  /** The key id: the first {@value #KEY_ID_DIGITS} hex digits of the SHA-256 of the public key. */
  public static String keyId(byte[] publicKey) {
    return HexFormat.of().formatHex(sha256(publicKey)).substring(0, KEY_ID_DIGITS);
  }

  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * The private key as a PKCS#8 PEM file, version 1 (RFC 8410: the key alone, without its public
   * key), as OpenSSL writes and reads it.
   */
  public static String privateKeyPem(byte[] privateKey) {
    try {
      PrivateKeyInfo info = new PrivateKeyInfo(new AlgorithmIdentifier(ID_ED25519), new DEROctetString(privateKey));
      return pem(PRIVATE_LABEL, info.getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode an Ed25519 private key", e);
    }
  }

  /** The public key as a SubjectPublicKeyInfo PEM file. */
  public static String publicKeyPem(byte[] publicKey) {
    try {
      return pem(PUBLIC_LABEL, SubjectPublicKeyInfoFactory
          .createSubjectPublicKeyInfo(new Ed25519PublicKeyParameters(publicKey, 0)).getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode an Ed25519 public key", e);
    }
  }

  /**
   * The private key in a PKCS#8 PEM file's text.
   *
   * @param name the file, for messages
   * @throws KeyFileException saying what the text holds instead, with the line
   */
  public static byte[] readPrivateKey(String text, String name) throws KeyFileException {
    byte[] der = unarmor(text, name, PRIVATE_LABEL);
    PrivateKeyInfo info;
    try {
      info = PrivateKeyInfo.getInstance(der);
    } catch (RuntimeException e) {
      throw new KeyFileException(
          name + ": the " + PRIVATE_LABEL + " is not a valid PKCS#8 structure (" + MAKE_ONE + ")");
    }
    ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
    checkEd25519(algorithm, name, "private");
    AsymmetricKeyParameter key;
    try {
      key = PrivateKeyFactory.createKey(info);
    } catch (IOException | RuntimeException e) {
      throw new KeyFileException(name + ": the Ed25519 private key cannot be decoded (" + MAKE_ONE + ")");
    }
    byte[] privateKey = ((Ed25519PrivateKeyParameters) key).getEncoded();
    if (info.getPublicKeyData() != null
        && !Arrays.equals(info.getPublicKeyData().getOctets(), publicKey(privateKey))) {
      throw new KeyFileException(name + ": the public key stored with the private key does not belong to it"
          + " (the file was altered; " + MAKE_ONE + ")");
    }
    return privateKey;
  }

  /**
   * The public key in a SubjectPublicKeyInfo PEM file's text.
   *
   * @param name the file, for messages
   * @throws KeyFileException saying what the text holds instead, with the line
   */
  public static byte[] readPublicKey(String text, String name) throws KeyFileException {
    byte[] der = unarmor(text, name, PUBLIC_LABEL);
    SubjectPublicKeyInfo info;
    try {
      info = SubjectPublicKeyInfo.getInstance(der);
    } catch (RuntimeException e) {
      throw new KeyFileException(name + ": the " + PUBLIC_LABEL + " is not a valid SubjectPublicKeyInfo structure"
          + " (export the public key with 'rampart pack keygen' or 'openssl pkey -in KEY -pubout')");
    }
    checkEd25519(info.getAlgorithm().getAlgorithm(), name, "public");
    try {
      return ((Ed25519PublicKeyParameters) PublicKeyFactory.createKey(info)).getEncoded();
    } catch (IOException | RuntimeException e) {
      throw new KeyFileException(name + ": the Ed25519 public key cannot be decoded");
    }
  }

  private static void checkEd25519(ASN1ObjectIdentifier algorithm, String name, String kind) throws KeyFileException {
    if (!algorithm.equals(ID_ED25519)) {
      String known = ALGORITHMS.get(algorithm.getId());
      String what = known != null
          ? known + " " + kind + " key"
          : "a " + kind + " key of algorithm " + algorithm.getId();
      throw new KeyFileException(
          name + ": holds " + what + "; rampart signs packs with Ed25519 keys only (" + MAKE_ONE + ")");
    }
  }

  private static String pem(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  /** The DER bytes between the {@code BEGIN} and {@code END} lines of {@code label}. */
  private static byte[] unarmor(String text, String name, String label) throws KeyFileException {
    List<String> lines = text.lines().map(String::strip).toList();
    int begin = -1;
    for (int i = 0; i < lines.size() && begin < 0; i++) {
      String line = lines.get(i);
      if (line.startsWith("-----BEGIN ") && line.endsWith("-----")) {
        String found = line.substring("-----BEGIN ".length(), line.length() - "-----".length());
        if (!found.equals(label)) {
          throw new KeyFileException(name + ":" + (i + 1) + ": holds " + describe(found) + ", not the Ed25519 "
              + label + " expected here (" + expected(label) + ")");
        }
        begin = i;
      }
    }
    if (begin < 0) {
      throw new KeyFileException(name + ": no '-----BEGIN " + label + "-----' line: this is no PEM key file ("
          + expected(label) + ")");
    }
    StringBuilder base64 = new StringBuilder();
    for (int i = begin + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.equals("-----END " + label + "-----")) {
        for (int after = i + 1; after < lines.size(); after++) {
          if (!lines.get(after).isEmpty()) {
            throw new KeyFileException(name + ":" + (after + 1) + ": text after the " + label + " ends on line "
                + (i + 1) + "; a key file holds one key and nothing else (remove the rest, or split it into files)");
          }
        }
        try {
          return Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
          throw new KeyFileException(
              name + ":" + (begin + 2) + ": the key is not valid base64 (" + e.getMessage() + ")");
        }
      }
      if (line.contains(":")) {
        throw new KeyFileException(name + ":" + (i + 1) + ": the key is encrypted or has PEM headers; rampart reads"
            + " plain PKCS#8 keys (decrypt it with 'openssl pkey -in KEY -out PLAIN.key')");
      }
      base64.append(line);
    }
    throw new KeyFileException(name + ": no '-----END " + label + "-----' line: the file is truncated");
  }

  private static String describe(String label) {
    return switch (label) {
      case PRIVATE_LABEL -> "a private key";
      case PUBLIC_LABEL -> "a public key";
      case "ENCRYPTED PRIVATE KEY" -> "an encrypted private key";
      case "OPENSSH PRIVATE KEY" -> "an OpenSSH private key";
      case "CERTIFICATE" -> "a certificate";
      default -> "a '" + label + "'";
    };
  }

  private static String expected(String label) {
    return label.equals(PUBLIC_LABEL)
        ? "give the public key file, e.g. rampart-signing.pub as 'rampart pack keygen' writes it"
        : "give the private key file, e.g. rampart-signing.key as 'rampart pack keygen' writes it;"
            + " an encrypted one must be decrypted with 'openssl pkey -in KEY -out PLAIN.key'";
  }
}
