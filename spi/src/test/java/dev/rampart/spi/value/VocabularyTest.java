package dev.rampart.spi.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class VocabularyTest {

  @ParameterizedTest(name = "protocol {0} is {1}")
  @CsvSource({
      "Telnet, telnet", "MQTT, mqtt", "secure-mqtt, mqtts", "ssl/http, https", "ssl/mqtt, mqtts", "HTTPS, https",
      "ms-wbt-server, rdp", "microsoft-ds, smb", "domain, dns", "http-proxy, http", "mbap, modbus", "' ssh ', ssh",
      "ssl/ftp, ftps", "ssl/ssh, ssh",
  })
  void protocolsFromTheSpellingsToolsUse(String spelling, String canonical) {
    assertEquals(canonical, Vocabulary.PROTOCOL.canonical(spelling));
  }

  @ParameterizedTest(name = "TLS version {0} is {1}")
  @CsvSource({
      "TLSv1.0, 1.0", "TLSv1, 1.0", "tls1.1, 1.1", "TLS 1.2, 1.2", "TLSv1_3, 1.3", "1.2, 1.2", "SSLv3, ssl3",
      "SSLv2, ssl2", "ssl3, ssl3", "SSL 3.0, ssl3", "3.0, ssl3", "DTLSv1.2, dtls1.2", "DTLSv1, dtls1.0", "tls1_1, 1.1",
      "TLS1.3, 1.3",
  })
  void tlsVersionsFromTheSpellingsToolsUse(String spelling, String canonical) {
    assertEquals(canonical, Vocabulary.TLS_VERSION.canonical(spelling));
  }

  @ParameterizedTest(name = "key algorithm {0} is {1}")
  @CsvSource({"rsaEncryption, RSA", "rsa, RSA", "id-ecPublicKey, EC", "ECDSA, EC", "ED25519, Ed25519", "dsa, DSA"})
  void keyAlgorithms(String spelling, String canonical) {
    assertEquals(canonical, Vocabulary.KEY_ALGORITHM.canonical(spelling));
  }

  @ParameterizedTest(name = "signature algorithm {0} is {1}")
  @CsvSource({
      "sha1WithRSAEncryption, SHA1withRSA", "sha256WithRSAEncryption, SHA256withRSA", "SHA-1withDSA, SHA1withDSA",
      "ecdsa-with-SHA256, SHA256withECDSA", "SHA256withECDSA, SHA256withECDSA", "md5WithRSAEncryption, MD5withRSA",
      "dsa_with_SHA256, SHA256withDSA", "RSA-SHA256, SHA256withRSA", "rsassaPss, RSASSA-PSS",
      "SHA256withRSAandMGF1, RSASSA-PSS", "ED25519, Ed25519", "SHA256WITHRSA, SHA256withRSA",
      "sha384WithRSAEncryption, SHA384withRSA",
  })
  void signatureAlgorithms(String spelling, String canonical) {
    assertEquals(canonical, Vocabulary.SIGNATURE_ALGORITHM.canonical(spelling));
  }

  // OpenAPI 3.1 securitySchemes types and HTTP schemes; nmap http-auth prints each WWW-Authenticate challenge
  // as "Basic realm=WebAdmin" or "Digest realm=... nonce=..."; AWS SigV4 signs with AWS4-HMAC-SHA256
  @ParameterizedTest(name = "authentication scheme {0} is {1}")
  @CsvSource(delimiter = '|', value = {
      "mutualTLS | mutual-tls", "oauth2 | oauth2", "openIdConnect | openid-connect", "apiKey | api-key",
      "bearer | bearer", "Basic realm=WebAdmin | basic", "Digest realm=\"Login\", nonce=\"f00d\", qop=\"auth\" | digest",
      "NTLM | ntlm", "Negotiate | negotiate", "AWS4-HMAC-SHA256 | sigv4", "JWT | jwt", "mTLS | mutual-tls",
      "client certificate | mutual-tls", "Basic | basic", "OAuth 2.0 | oauth2", "username/password | password",
      "anonymous | none", "X-API-Key | api-key",
  })
  void authenticationSchemesFromOpenApiAndHttpChallenges(String spelling, String canonical) {
    assertEquals(canonical, Vocabulary.AUTH_SCHEME.canonical(spelling));
  }

  @Test
  void anUnknownAuthenticationSchemeIsKeptAndNeverGuessed() {
    // a scheme word that merely starts like a known one is not that scheme
    assertEquals("Basically", Vocabulary.AUTH_SCHEME.canonical("Basically"));
    assertFalse(Vocabulary.AUTH_SCHEME.isKnown("Basically"));
    assertEquals("HOBA", Vocabulary.AUTH_SCHEME.canonical("HOBA"));
    assertFalse(Vocabulary.AUTH_SCHEME.isKnown("HOBA"));
  }

  @Test
  void anUnknownSpellingIsKeptAsWrittenAndIsNotKnown() {
    assertEquals("quic-ish", Vocabulary.PROTOCOL.canonical(" quic-ish "));
    assertFalse(Vocabulary.PROTOCOL.isKnown("quic-ish"));
    assertEquals("TLSv9", Vocabulary.TLS_VERSION.canonical("TLSv9"));
    assertFalse(Vocabulary.TLS_VERSION.isKnown("TLSv9"));
    assertEquals("GOST3411withGOST3410", Vocabulary.SIGNATURE_ALGORITHM.canonical("GOST3411withGOST3410"));
    assertEquals("SHA256withRSAfoo", Vocabulary.SIGNATURE_ALGORITHM.canonical("SHA256withRSAfoo"));
  }

  @Test
  void blankIsAbsent() {
    assertNull(Vocabulary.PROTOCOL.canonical(" "));
    assertNull(Vocabulary.PROTOCOL.canonical((String) null));
    assertEquals(List.of("1.0", "1.2"), Vocabulary.TLS_VERSION.canonical(Arrays.asList("TLSv1.0", " ", "TLSv1.2")));
  }

  @ParameterizedTest
  @EnumSource(Vocabulary.class)
  void canonicalValuesAreKnownAndTheirOwnCanonicalForm(Vocabulary vocabulary) {
    for (String value : vocabulary.canonicalValues()) {
      assertEquals(value, vocabulary.canonical(value));
      assertTrue(vocabulary.isKnown(value));
    }
  }

  @ParameterizedTest
  @CsvSource({"PROTOCOL, SSL/HTTP", "PROTOCOL, Secure-MQTT", "TLS_VERSION, TLSv1.0", "TLS_VERSION, SSL 3.0",
      "SIGNATURE_ALGORITHM, sha1WithRSAEncryption", "KEY_ALGORITHM, id-ecPublicKey", "PROTOCOL, gopher+"})
  void normalisingTwiceIsNormalisingOnce(Vocabulary vocabulary, String spelling) {
    String once = vocabulary.canonical(spelling);
    assertEquals(once, vocabulary.canonical(once));
  }
}
