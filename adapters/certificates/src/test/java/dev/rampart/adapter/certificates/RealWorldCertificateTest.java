package dev.rampart.adapter.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.adapter.testkit.RecordingSink;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.source.SourceConfig;
import java.nio.file.Path;
import java.util.stream.Collectors;

import dev.rampart.spi.fact.Certificate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Certificates we did not write, from pyca/cryptography's test vectors and the AWS IoT Device SDK
 * for Embedded C (see PROVENANCE.md). The
 * expected values were read with {@code openssl x509 -text -fingerprint -sha256}, not with this adapter.
 */
class RealWorldCertificateTest {

  private static final String END = "-----END CERTIFICATE-----\n";
  private static final Path REAL_WORLD = Path.of("src/test/resources/real-world");

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

  @Test
  void amazonRootCa1TheAnchorOfAwsIotDeviceCertificatesIsASelfSignedRsaRoot() throws Exception {
    Certificate certificate = CertificateAnalyzer.analyze(resource("AmazonRootCA1.crt"));

    assertEquals(Certificate.builder()
        .subject("CN=Amazon Root CA 1,O=Amazon,C=US")
        .issuer("CN=Amazon Root CA 1,O=Amazon,C=US")
        .serialNumber("66c9fcf99bf8c0a39e2f0788a43e696365bca")
        .keyAlgorithm("RSA")
        .keySize(2048)
        .signatureAlgorithm("SHA256withRSA")
        .notBefore(Instant.parse("2015-05-26T00:00:00Z"))
        .notAfter(Instant.parse("2038-01-17T00:00:00Z"))
        .selfSigned(true)
        .ca(true)
        .subjectAltNames(List.of())
        .sha256Fingerprint("8ecde6884f3d87b1125ba31ac3fcb13d7016de7f57cc904fe1cb97c6ae98196e")
        .build(), certificate);
  }

  @Test
  void amazonRootCa1ChainsToItselfAsAnAnchorButNotToAnotherPki() throws Exception {
    byte[] root = resource("AmazonRootCA1.crt");

    assertEquals(true, CertificateAnalyzer.analyze(root, TrustMaterial.anchors(root)).chainValid());
    assertEquals(false, CertificateAnalyzer.analyze(root, TrustMaterial.organisationPki(resource("pyca-ca.pem")))
        .issuedByOrganisationPki());
  }

  @Test
  void theAwsSdkDemoClientCertificateIsASelfSignedCaWithAnEmailInItsSubject() throws Exception {
    Certificate certificate = CertificateAnalyzer.analyze(resource("aws-demo-client.crt"));

    assertEquals(Certificate.builder()
        .subject("E=primary@amazon.com,CN=amazon.com,OU=AWS,O=Amazon,L=Seattle,ST=Washington,C=US")
        .issuer("E=primary@amazon.com,CN=amazon.com,OU=AWS,O=Amazon,L=Seattle,ST=Washington,C=US")
        .serialNumber("8a2c6e05b34a0b0a")
        .keyAlgorithm("RSA")
        .keySize(2048)
        .signatureAlgorithm("SHA256withRSA")
        .notBefore(Instant.parse("2020-06-02T01:18:07Z"))
        .notAfter(Instant.parse("2047-10-18T01:18:07Z"))
        .selfSigned(true)
        .ca(true)
        .subjectAltNames(List.of())
        .sha256Fingerprint("6e747568e3554e3e6cdc3b368e8368777a4144a6b07e83c89e76d85b0b89ec80")
        .build(), certificate);
  }

  @Test
  void anEcdsaRootWhoseValidityEndsIn2100IsReadWithItsGeneralizedTime() throws Exception {
    Certificate certificate = CertificateAnalyzer.analyze(resource("pyca-ca.pem"));

    assertEquals(Certificate.builder()
        .subject("CN=cryptography CA,C=US")
        .issuer("CN=cryptography CA,C=US")
        .serialNumber("309")
        .keyAlgorithm("EC")
        .keySize(256)
        .signatureAlgorithm("SHA256withECDSA")
        .notBefore(Instant.parse("2017-01-01T01:00:00Z"))
        .notAfter(Instant.parse("2100-01-01T00:00:00Z"))
        .selfSigned(true)
        .ca(true)
        .subjectAltNames(List.of())
        .sha256Fingerprint("adfb145d3a0d31a1d5719b90707342ea6c23809cb20f02dfe92a3b0292d09575")
        .build(), certificate);
  }

  @Test
  void aCertificateOfAVersionX509DoesNotHaveIsRefusedWithAMessage() {
    CertificateParseException refused = assertThrows(CertificateParseException.class,
        () -> CertificateAnalyzer.analyze(resource("invalid_version.pem")));

    assertEquals("not a PEM or DER certificate: a PEM block is damaged (problem parsing cert: malformed data: version number"
        + " not recognised)", refused.getMessage());
  }

  @Test
  void theDirectoryOfSamplesReadAsACertificatesSourceGivesItsOneDeviceAndSkipsTheRest() throws Exception {
    RecordingSink read = RecordingSink.readPartially(
        new CertificateFilesProvider().create(SourceConfig.of(REAL_WORLD.toString())));

    // the CA certificates (Amazon Root CA 1, the AWS demo's, pyca's, the RapidSSL intermediate) name no device
    assertEquals(List.of("www.cryptography.io"), read.facts().stream().map(Fact::id).toList());
    assertEquals("dc4f4d1400d4526052b5da693394dc8560b29cc21df90b9e2ec7416261c73888",
        ((Device) read.facts().get(0)).credentials().certificate().sha256Fingerprint());
    assertEquals("""
        DIR/invalid_version.pem:1:1: certificate 1: the block is not an X.509 certificate (malformed data: version \
        number not recognised) (copy the certificate again, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----)
        DIR/san_ipaddr.pem:1:1: certificate 1: the subject 'O=PyCA' has no common name (CN) to name the device by \
        (name each file after its device and give the source option deviceId=fileName)
        """.replace("DIR", REAL_WORLD.toString()), read.skippedRecords().stream()
            .flatMap(record -> record.problems().stream()).map(line -> line + "\n").collect(Collectors.joining()));
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
