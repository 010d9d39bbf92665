package dev.rampart.packsigning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rampart.engine.VerifyingKey;
import dev.rampart.engine.value.KeyFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key files as the signing tools make and read them: standard PEM, PKCS#8 for the private key and
 * SubjectPublicKeyInfo for the public one, so that keys made with OpenSSL work too; the private key
 * file is its owner's alone. How a public key file that is none is refused is specified in the
 * engine's VerifyingKeyFilesTest.
 */
class KeyFilesTest {

  /** The Ed25519 private key of RFC 8410, section 10.3. */
  private static final String RFC_8410_PRIVATE = """
      -----BEGIN PRIVATE KEY-----
      MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC
      -----END PRIVATE KEY-----
      """;

  /** Its public key, as {@code openssl pkey -pubout} writes it. */
  private static final String RFC_8410_PUBLIC = """
      -----BEGIN PUBLIC KEY-----
      MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=
      -----END PUBLIC KEY-----
      """;

  @TempDir Path temp;

  @Test
  void aWrittenKeyPairReadsBack() throws Exception {
    SigningKey key = SigningKey.generate();
    key.writeTo(temp.resolve("k.key"));
    key.writePublicKeyTo(temp.resolve("k.pub"));

    SigningKey read = SigningKey.read(temp.resolve("k.key"));
    byte[] message = "manifest".getBytes(StandardCharsets.UTF_8);

    assertEquals(key.id(), read.id());
    assertEquals(key.verifyingKey(), VerifyingKey.read(temp.resolve("k.pub")));
    assertTrue(VerifyingKey.read(temp.resolve("k.pub")).verifies(message, read.sign(message)));
    assertFalse(SigningKey.generate().verifyingKey().verifies(message, read.sign(message)));
    assertTrue(Files.readString(temp.resolve("k.pub")).startsWith("-----BEGIN PUBLIC KEY-----\n"));
    assertTrue(Files.readString(temp.resolve("k.key")).startsWith("-----BEGIN PRIVATE KEY-----\n"));
  }

  @Test
  void thePrivateKeyFileIsReadableByItsOwnerOnly() throws Exception {
    assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    SigningKey.generate().writeTo(temp.resolve("k.key"));

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("k.key"))));
  }

  @Test
  void aKeyPairIsWrittenWholeOrNotAtAll() throws Exception {
    SigningKey key = SigningKey.generate();
    Files.writeString(temp.resolve("k.key"), "someone else's key\n");

    assertThrows(FileAlreadyExistsException.class, () -> key.writePairTo(temp.resolve("k.key"), temp.resolve("k.pub")));

    // the public key, moved into place first, is taken back; no temporary file remains
    try (var files = Files.list(temp)) {
      assertEquals(List.of("k.key"), files.map(f -> f.getFileName().toString()).toList());
    }
    assertEquals("someone else's key\n", Files.readString(temp.resolve("k.key")));
  }

  @Test
  void aWrittenKeyPairReadsBackWithThePrivateKeyItsOwnersOnly() throws Exception {
    assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    SigningKey key = SigningKey.generate();

    key.writePairTo(temp.resolve("k.key"), temp.resolve("k.pub"));

    assertEquals(key.id(), SigningKey.read(temp.resolve("k.key")).id());
    assertEquals(key.verifyingKey(), VerifyingKey.read(temp.resolve("k.pub")));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("k.key"))));
  }

  @Test
  void anExistingKeyFileIsNeverReplaced() throws Exception {
    SigningKey first = SigningKey.generate();
    first.writeTo(temp.resolve("k.key"));

    assertThrows(FileAlreadyExistsException.class, () -> SigningKey.generate().writeTo(temp.resolve("k.key")));
    assertEquals(first.id(), SigningKey.read(temp.resolve("k.key")).id());
  }

  @Test
  void keysMadeWithOpenSslAreRead() throws Exception {
    SigningKey key = SigningKey.fromPem(RFC_8410_PRIVATE, "rfc8410.key");

    assertEquals(VerifyingKey.fromPem(RFC_8410_PUBLIC, "rfc8410.pub"), key.verifyingKey());
    assertEquals(RFC_8410_PUBLIC, key.verifyingKey().toPem());
    assertArrayEquals(Base64.getDecoder().decode("Gb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE="), key.verifyingKey().encoded());
  }

  @Test
  void aPublicKeyWhereThePrivateKeyBelongs() {
    KeyFileException refused = assertThrows(KeyFileException.class, () -> SigningKey.fromPem(RFC_8410_PUBLIC, "k.pub"));

    assertEquals("k.pub:1: holds a public key, not the Ed25519 PRIVATE KEY expected here (give the private key"
        + " file, e.g. rampart-signing.key as 'rampart pack keygen' writes it; an encrypted one must be decrypted"
        + " with 'openssl pkey -in KEY -out PLAIN.key')", refused.getMessage());
  }

  @Test
  void aKeyOfAnotherAlgorithm() throws Exception {
    byte[] der = PrivateKeyInfoFactory.createPrivateKeyInfo(new Ed448PrivateKeyParameters(new SecureRandom()))
        .getEncoded(ASN1Encoding.DER);
    String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END PRIVATE KEY-----\n";

    KeyFileException refused = assertThrows(KeyFileException.class, () -> SigningKey.fromPem(pem, "ed448.key"));

    assertEquals("ed448.key: holds an Ed448 private key; rampart signs packs with Ed25519 keys only (make a key pair"
        + " with 'rampart pack keygen --out DIR', or with 'openssl genpkey -algorithm ed25519')", refused.getMessage());
  }

  @Test
  void theTextOfAKeyNeverShowsThePrivateKey() {
    SigningKey key = SigningKey.generate();

    assertEquals("Ed25519 private key " + key.id(), key.toString());
  }
}
