package dev.rampart.adapter.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.spi.fact.Certificate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Certificates we did not write, from pyca/cryptography's test vectors (see PROVENANCE.md). The
 * expected values were read with {@code openssl x509 -text -fingerprint -sha256}, not with this adapter.
 */
class RealWorldCertificateTest {

  private static final String END = "-----END CERTIFICATE-----\n";

  @Test
  void aPublicCaIssuedWebServerLeafIsReadFromTheFirstCertificateOfItsChain() throws Exception {
    Certificate certificate = CertificateAnalyzer.analyze(resource("cryptography.io.chain.pem"));

    assertEquals(new Certificate(
        "CN=www.cryptography.io,OU=Domain Control Validated - RapidSSL(R),"
            + "OU=See www.rapidssl.com/resources/cps (c)14,OU=GT48742965",
        "CN=RapidSSL SHA256 CA - G3,O=GeoTrust Inc.,C=US",
        "3f20",
        "RSA",
        4096,
        "SHA256withRSA",
        Instant.parse("2014-10-15T12:09:32Z"),
        Instant.parse("2018-11-16T01:15:03Z"),
        false,
        null,
        null,
        null,
        false,
        List.of("www.cryptography.io", "cryptography.io"),
        "dc4f4d1400d4526052b5da693394dc8560b29cc21df90b9e2ec7416261c73888", null, null, null, null, null), certificate);
  }

  @Test
  void theChainsIntermediateIsACaCertificate() throws Exception {
    Certificate certificate = CertificateAnalyzer.analyze(intermediate());

    assertEquals("CN=RapidSSL SHA256 CA - G3,O=GeoTrust Inc.,C=US", certificate.subject());
    assertEquals("CN=GeoTrust Global CA,O=GeoTrust Inc.,C=US", certificate.issuer());
    assertEquals("23a77", certificate.serialNumber());
    assertEquals(2048, certificate.keySize());
    assertEquals(true, certificate.ca());
    assertEquals(false, certificate.selfSigned());
    assertEquals(Instant.parse("2022-05-20T21:39:32Z"), certificate.notAfter());
    assertEquals("bc3f03a436240edba5f83714f6f677e34b37f9b1f0c08c1e558d981e279e8209", certificate.sha256Fingerprint());
  }

  @Test
  void theLeafDoesNotBuildToItsOwnIssuerBecauseBothHaveExpired() throws Exception {
    // openssl verify -no_check_time -partial_chain accepts the leaf under this intermediate; at the
    // current time both are expired (2018 and 2022), so the path is not valid.
    Certificate certificate = CertificateAnalyzer.analyze(
        resource("cryptography.io.chain.pem"), TrustMaterial.anchors(intermediate()));

    assertEquals(false, certificate.chainValid());
    assertEquals(null, certificate.issuedByOrganisationPki());
    assertEquals(null, certificate.revoked());
  }

  @Test
  void aSelfSignedSha1CertificateWithIpAddressesOnly() throws Exception {
    Certificate certificate = CertificateAnalyzer.analyze(resource("san_ipaddr.pem"));

    assertEquals(new Certificate(
        "O=PyCA",
        "O=PyCA",
        "669f96ae12802d010c96ea3a7527027fc3033",
        "RSA",
        2048,
        "SHA1withRSA",
        Instant.parse("2015-04-29T20:35:35Z"),
        Instant.parse("2016-04-28T20:35:35Z"),
        true,
        null,
        null,
        null,
        false,
        List.of("127.0.0.1", "ff:0:0:0:0:0:0:0"),
        "4072fc2ac19927d165de7e100995a66a48ef1808583d0ea0e507221ec4bade5f", null, null, null, null, null), certificate);
  }

  private static byte[] intermediate() throws IOException {
    String chain = new String(resource("cryptography.io.chain.pem"), StandardCharsets.US_ASCII);
    return chain.substring(chain.indexOf(END) + END.length()).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = RealWorldCertificateTest.class.getResourceAsStream("/real-world/" + name)) {
      if (in == null) {
        throw new IOException("no test resource " + name);
      }
      return in.readAllBytes();
    }
  }
}
