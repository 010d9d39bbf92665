package dev.rampart.engine.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.engine.VerifyingKey;
import dev.rampart.engine.value.KeyFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Public key files, which verified loading reads: standard PEM SubjectPublicKeyInfo, and a clear
 * message for anything else. Private key files, made and read by the signing tools, are specified in
 * rampart-pack-signing's KeyFilesTest.
 */
class VerifyingKeyFilesTest {

  /** An Ed25519 private key, as {@code openssl genpkey -algorithm ed25519} writes it. */
  private static final String OPENSSL_PRIVATE = """
      -----BEGIN PRIVATE KEY-----
      MC4CAQAwBQYDK2VwBCIEIGxU9UQs6tRu1Q9WkX0rH9LF9wIP0zq1j0jBqBHUByEq
      -----END PRIVATE KEY-----
      """;

  /** Its public key, as {@code openssl pkey -pubout} writes it. */
  private static final String OPENSSL_PUBLIC = """
      -----BEGIN PUBLIC KEY-----
      MCowBQYDK2VwAyEAoeRr4Otqqhx1soHYPYLYEKEUEehah2Ozd8kX8NxQkDI=
      -----END PUBLIC KEY-----
      """;

  @TempDir Path temp;

  @Test
  void aPrivateKeyWhereThePublicKeyBelongs() {
    KeyFileException refused =
        assertThrows(KeyFileException.class, () -> VerifyingKey.fromPem(OPENSSL_PRIVATE, "k.key"));

    assertEquals("k.key:1: holds a private key, not the Ed25519 PUBLIC KEY expected here (give the public key file,"
        + " e.g. rampart-signing.pub as 'rampart pack keygen' writes it)", refused.getMessage());
  }

  @Test
  void textThatIsNoKeyFile() {
    KeyFileException refused = assertThrows(KeyFileException.class, () -> VerifyingKey.fromPem("hello\n", "notes.txt"));

    assertEquals("notes.txt: no '-----BEGIN PUBLIC KEY-----' line: this is no PEM key file (give the public key file,"
        + " e.g. rampart-signing.pub as 'rampart pack keygen' writes it)", refused.getMessage());
  }

  @Test
  void aTruncatedKeyFile() {
    String truncated = OPENSSL_PUBLIC.substring(0, OPENSSL_PUBLIC.indexOf("-----END"));

    KeyFileException refused = assertThrows(KeyFileException.class, () -> VerifyingKey.fromPem(truncated, "k.pub"));

    assertEquals("k.pub: no '-----END PUBLIC KEY-----' line: the file is truncated", refused.getMessage());
  }

  @Test
  void aKeyFileThatIsNotThere() {
    Path missing = temp.resolve("missing.pub");

    KeyFileException refused = assertThrows(KeyFileException.class, () -> VerifyingKey.read(missing));

    assertEquals(missing + ": the key file does not exist (check the path)", refused.getMessage());
  }
}
