package dev.rampart.adapter.certificates;

import static dev.rampart.adapter.certificates.TestCertificates.NOT_AFTER;
import static dev.rampart.adapter.certificates.TestCertificates.NOT_BEFORE;
import static dev.rampart.adapter.certificates.TestCertificates.subject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.adapter.certificates.TestCertificates.Issued;
import dev.rampart.spi.fact.Certificate;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CertificateAnalyzerTest {

  static KeyPair caKeys;
  static Issued rootCa;
  static Issued otherCa;

  @BeforeAll
  static void createCas() {
    caKeys = TestCertificates.rsa(2048);
    rootCa = subject("C=DE,O=Acme,CN=Acme Device CA", caKeys).serial(1).ca().selfSigned();
    otherCa = subject("O=Elsewhere,CN=Elsewhere CA", TestCertificates.ecP256()).serial(2).ca().selfSigned();
  }

  @Nested
  class WhatTheCertificateSays {

    @Test
    void aWeakSelfSignedRsaCertificateHasEveryFieldItCanKnow() throws Exception {
      Issued weak = subject("C=DE,O=Acme,CN=cam-01", TestCertificates.rsa(1024))
          .serial(0xC0FFEE).signature("SHA1withRSA").selfSigned();

      Certificate certificate = CertificateAnalyzer.analyze(weak.pemBytes());

      assertEquals(new Certificate(
          "CN=cam-01,O=Acme,C=DE",
          "CN=cam-01,O=Acme,C=DE",
          "c0ffee",
          "RSA",
          1024,
          "SHA1withRSA",
          NOT_BEFORE,
          NOT_AFTER,
          true,
          null,
          null,
          null,
          false,
          List.of(),
          sha256(weak.der()), null, null, null, null, null), certificate);
    }

    @Test
    void aCaSignedRsa2048CertificateIsNotSelfSigned() throws Exception {
      Issued leaf = subject("O=Acme,CN=gw-01", TestCertificates.rsa(2048)).serial(0x1234).dns("gw-01.acme.example")
          .issuedBy(rootCa);

      Certificate certificate = CertificateAnalyzer.analyze(leaf.der());

      assertEquals(new Certificate(
          "CN=gw-01,O=Acme",
          "CN=Acme Device CA,O=Acme,C=DE",
          "1234",
          "RSA",
          2048,
          "SHA256withRSA",
          NOT_BEFORE,
          NOT_AFTER,
          false,
          null,
          null,
          null,
          false,
          List.of("gw-01.acme.example"),
          sha256(leaf.der()), null, null, null, null, null), certificate);
    }

    @Test
    void anEcP256KeyIsTwoHundredFiftySixBitsSignedWithEcdsa() throws Exception {
      Certificate certificate = CertificateAnalyzer.analyze(
          subject("CN=sensor-7", TestCertificates.ecP256()).selfSigned().pemBytes());

      assertEquals("EC", certificate.keyAlgorithm());
      assertEquals(256, certificate.keySize());
      assertEquals("SHA256withECDSA", certificate.signatureAlgorithm());
      assertEquals(true, certificate.selfSigned());
    }

    @Test
    void anEd25519KeyCountsAsTwoHundredFiftySixBits() throws Exception {
      Certificate certificate = CertificateAnalyzer.analyze(
          subject("CN=hub", TestCertificates.ed25519()).selfSigned().pemBytes());

      assertEquals("Ed25519", certificate.keyAlgorithm());
      assertEquals(256, certificate.keySize());
      assertEquals("Ed25519", certificate.signatureAlgorithm());
      assertEquals(true, certificate.selfSigned());
    }

    @Test
    void theCaFlagComesFromBasicConstraints() throws Exception {
      assertEquals(true, CertificateAnalyzer.analyze(rootCa.der()).ca());
    }

    @Test
    void subjectAlternativeNamesAreDnsNamesAddressesAndUrisInTheirOrder() throws Exception {
      Issued withNames = subject("CN=cam-02", TestCertificates.ecP256())
          .dns("cam-02.site.example").ip("10.1.2.3").ip("fd00::7").uri("urn:dev:mac:0024befffe804ff1")
          .email("ops@site.example").selfSigned();

      assertEquals(List.of("cam-02.site.example", "10.1.2.3", "fd00:0:0:0:0:0:0:7", "urn:dev:mac:0024befffe804ff1"),
          CertificateAnalyzer.analyze(withNames.pemBytes()).subjectAltNames());
    }

    @Test
    void namesAreWrittenAsRfc4514WithSpecialCharactersEscaped() throws Exception {
      Issued escaped = subject("C=US,O=Acme\\, Inc.,CN=cam\\+1", TestCertificates.ecP256()).selfSigned();

      assertEquals("CN=cam\\+1,O=Acme\\, Inc.,C=US", CertificateAnalyzer.analyze(escaped.der()).subject());
    }

    @Test
    void aCertificateNamingItselfAsIssuerWhoseSignatureDoesNotVerifyIsNotCountedAsNotSelfSigned() throws Exception {
      X500Name name = new X500Name("CN=lookalike");
      Issued forged = subject("CN=lookalike", TestCertificates.ecP256()).claimingIssuer(name, TestCertificates.ecP256());

      Certificate certificate = CertificateAnalyzer.analyze(forged.der());

      // Damaged, forged, or issued by another CA of the same name: the certificate alone cannot say which,
      // so a rule that wants a CA-issued certificate must not pass it.
      assertEquals(certificate.subject(), certificate.issuer());
      assertNull(certificate.selfSigned());
    }

    @Test
    void selfSignedMeansTheSignatureVerifiesWithTheCertificatesOwnKey() throws Exception {
      Issued genuine = subject("CN=lookalike", TestCertificates.ecP256()).selfSigned();
      Issued otherName = subject("CN=lookalike", TestCertificates.ecP256())
          .claimingIssuer(new X500Name("CN=Some CA"), TestCertificates.ecP256());

      assertEquals(true, CertificateAnalyzer.analyze(genuine.der()).selfSigned());
      assertEquals(false, CertificateAnalyzer.analyze(otherName.der()).selfSigned());
    }

    @Test
    void aKeyThatCannotHaveMadeTheSignatureIsNotSelfSigned() throws Exception {
      Issued ecSignedByRsa = subject("CN=cam-05", TestCertificates.ecP256()).issuedBy(rootCa);

      assertEquals(false, CertificateAnalyzer.analyze(ecSignedByRsa.der()).selfSigned());
    }

    @Test
    void anExpiredCertificateKeepsItsDates() throws Exception {
      Instant from = Instant.parse("2019-03-01T12:00:00Z");
      Instant to = Instant.parse("2021-03-01T12:00:00Z");
      Issued expired = subject("CN=old-cam", TestCertificates.rsa(2048)).validity(from, to).issuedBy(rootCa);

      Certificate certificate = CertificateAnalyzer.analyze(expired.pemBytes(), TrustMaterial.organisationPki(rootCa.pemBytes()));

      assertEquals(from, certificate.notBefore());
      assertEquals(to, certificate.notAfter());
      assertEquals(false, certificate.chainValid(), "a chain is judged at the current time");
    }

    @Test
    void theFirstCertificateOfABundleIsAnalysed() throws Exception {
      Issued leaf = subject("CN=leaf", TestCertificates.ecP256()).issuedBy(rootCa);

      Certificate certificate = CertificateAnalyzer.analyze(
          TestCertificates.pem(leaf, rootCa).getBytes(StandardCharsets.US_ASCII));

      assertEquals("CN=leaf", certificate.subject());
      assertEquals(sha256(leaf.der()), certificate.sha256Fingerprint());
    }
  }

  @Nested
  class WhatTheCallerTrusts {

    @Test
    void withoutTrustMaterialChainPkiAndRevocationStayUnknown() throws Exception {
      Certificate certificate = CertificateAnalyzer.analyze(
          subject("CN=gw-02", TestCertificates.ecP256()).issuedBy(rootCa).der());

      assertNull(certificate.chainValid());
      assertNull(certificate.issuedByOrganisationPki());
      assertNull(certificate.revoked());
    }

    @Test
    void aCertificateOfTheOrganisationsPkiHasAValidChain() throws Exception {
      Issued leaf = subject("CN=gw-03", TestCertificates.ecP256()).issuedBy(rootCa);

      Certificate certificate = CertificateAnalyzer.analyze(leaf.der(), TrustMaterial.organisationPki(rootCa.pemBytes()));

      assertEquals(true, certificate.chainValid());
      assertEquals(true, certificate.issuedByOrganisationPki());
    }

    @Test
    void aCertificateOfAnotherPkiIsNeitherValidNorTheOrganisations() throws Exception {
      Issued leaf = subject("CN=gw-04", TestCertificates.ecP256()).issuedBy(otherCa);

      Certificate certificate = CertificateAnalyzer.analyze(leaf.der(), TrustMaterial.organisationPki(rootCa.pemBytes()));

      assertEquals(false, certificate.chainValid());
      assertEquals(false, certificate.issuedByOrganisationPki());
    }

    @Test
    void aSelfSignedCertificateDoesNotChainToTheOrganisationsPki() throws Exception {
      Issued selfSigned = subject("CN=Acme Device CA", TestCertificates.rsa(1024)).signature("SHA1withRSA").selfSigned();

      Certificate certificate = CertificateAnalyzer.analyze(selfSigned.der(), TrustMaterial.organisationPki(rootCa.pemBytes()));

      assertEquals(false, certificate.chainValid());
      assertEquals(false, certificate.issuedByOrganisationPki());
    }

    @Test
    void otherAnchorsJudgeTheChainButNotWhetherTheOrganisationIssuedIt() throws Exception {
      Issued leaf = subject("CN=gw-05", TestCertificates.ecP256()).issuedBy(otherCa);

      Certificate certificate = CertificateAnalyzer.analyze(leaf.der(), TrustMaterial.anchors(otherCa.pemBytes()));

      assertEquals(true, certificate.chainValid());
      assertNull(certificate.issuedByOrganisationPki());
    }

    @Test
    void intermediatesFollowingTheLeafInTheBundleCompleteTheChain() throws Exception {
      Issued intermediate = subject("O=Acme,CN=Acme Issuing CA", TestCertificates.ecP256()).serial(3).ca().issuedBy(rootCa);
      Issued leaf = subject("CN=gw-06", TestCertificates.ecP256()).issuedBy(intermediate);
      TrustMaterial trust = TrustMaterial.organisationPki(rootCa.pemBytes());

      assertEquals(false, CertificateAnalyzer.analyze(leaf.der(), trust).chainValid());
      assertEquals(true, CertificateAnalyzer.analyze(
          TestCertificates.pem(leaf, intermediate).getBytes(StandardCharsets.US_ASCII), trust).chainValid());
    }

    @Test
    void aCrlOfTheIssuerTellsRevokedFromNotRevoked() throws Exception {
      Issued revoked = subject("CN=cam-lost", TestCertificates.ecP256()).serial(0x51).issuedBy(rootCa);
      Issued kept = subject("CN=cam-kept", TestCertificates.ecP256()).serial(0x52).issuedBy(rootCa);
      byte[] crl = TestCertificates.crl(rootCa, BigInteger.valueOf(0x51)).getEncoded();
      TrustMaterial trust = TrustMaterial.organisationPki(rootCa.pemBytes()).withCrl(crl);

      assertEquals(true, CertificateAnalyzer.analyze(revoked.der(), trust).revoked());
      assertEquals(false, CertificateAnalyzer.analyze(kept.der(), trust).revoked());
    }

    @Test
    void aCrlIsReadAsPemToo() throws Exception {
      Issued revoked = subject("CN=cam-lost", TestCertificates.ecP256()).serial(0x51).issuedBy(rootCa);
      String crl = TestCertificates.pem(TestCertificates.crl(rootCa, BigInteger.valueOf(0x51)));

      Certificate certificate = CertificateAnalyzer.analyze(revoked.der(),
          TrustMaterial.anchors(rootCa.pemBytes()).withCrl(crl.getBytes(StandardCharsets.US_ASCII)));

      assertEquals(true, certificate.revoked());
    }

    @Test
    void aCrlOfAnotherIssuerSaysNothing() throws Exception {
      Issued leaf = subject("CN=cam-03", TestCertificates.ecP256()).serial(0x51).issuedBy(rootCa);
      byte[] crl = TestCertificates.crl(otherCa, BigInteger.valueOf(0x51)).getEncoded();

      assertNull(CertificateAnalyzer.analyze(leaf.der(), TrustMaterial.anchors(otherCa.pemBytes()).withCrl(crl)).revoked());
    }

    @Test
    void aCrlWhoseSignatureDoesNotVerifyIsNotBelieved() throws Exception {
      Issued leaf = subject("CN=cam-04", TestCertificates.ecP256()).serial(0x51).issuedBy(rootCa);
      // Same issuer name as the real CA, different key.
      Issued impostor = subject("C=DE,O=Acme,CN=Acme Device CA", TestCertificates.rsa(2048)).ca().selfSigned();
      byte[] forgedCrl = TestCertificates.crl(impostor, BigInteger.valueOf(0x51)).getEncoded();

      Certificate certificate = CertificateAnalyzer.analyze(leaf.der(),
          TrustMaterial.organisationPki(rootCa.pemBytes()).withCrl(forgedCrl));

      assertNull(certificate.revoked());
    }

    @Test
    void aSelfSignedCertificateIsCheckedAgainstItsOwnCrl() throws Exception {
      byte[] crl = TestCertificates.crl(rootCa, BigInteger.ONE).getEncoded();

      assertEquals(true, CertificateAnalyzer.analyze(rootCa.der(), TrustMaterial.none().withCrl(crl)).revoked());
    }
  }

  @Nested
  class WhatIsNotACertificate {

    @Test
    void emptyInput() {
      assertProblem(new byte[0], "not a PEM or DER certificate: the input is empty");
    }

    @Test
    void bytesThatAreNotDer() {
      CertificateParseException failure = assertThrows(CertificateParseException.class,
          () -> CertificateAnalyzer.analyze("hello".getBytes(StandardCharsets.US_ASCII)));

      assertTrue(failure.getMessage().startsWith(
          "not a PEM or DER certificate: the bytes are not an X.509 certificate in DER encoding ("), failure.getMessage());
    }

    @Test
    void pemWithoutACertificate() {
      String key = TestCertificates.pem(TestCertificates.ecP256().getPublic());

      assertProblem(key.getBytes(StandardCharsets.US_ASCII),
          "not a PEM or DER certificate: the PEM text holds no CERTIFICATE block");
    }

    @Test
    void aDamagedPemBlock() {
      String damaged = "-----BEGIN CERTIFICATE-----\nMIIB!!notbase64\n-----END CERTIFICATE-----\n";

      CertificateParseException failure = assertThrows(CertificateParseException.class,
          () -> CertificateAnalyzer.analyze(damaged.getBytes(StandardCharsets.US_ASCII)));

      assertTrue(failure.getMessage().startsWith("not a PEM or DER certificate: a PEM block is damaged ("),
          failure.getMessage());
    }

    @Test
    void aCrlThatIsNotACrl() {
      CertificateParseException failure = assertThrows(CertificateParseException.class,
          () -> TrustMaterial.none().withCrl(rootCa.pemBytes()));

      assertEquals("not a PEM or DER CRL: the PEM text holds no X509 CRL block", failure.getMessage());
    }

    private void assertProblem(byte[] input, String expected) {
      CertificateParseException failure =
          assertThrows(CertificateParseException.class, () -> CertificateAnalyzer.analyze(input));
      assertEquals(expected, failure.getMessage());
    }
  }

  @Test
  void pemAndDerGiveTheSameFacts() throws Exception {
    assertEquals(CertificateAnalyzer.analyze(rootCa.der()), CertificateAnalyzer.analyze(rootCa.pemBytes()));
  }

  private static String sha256(byte[] der) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
  }
}
