package dev.rampart.adapter.inventory;

import static dev.rampart.adapter.inventory.GeneratedCertificates.CA;
import static dev.rampart.adapter.inventory.GeneratedCertificates.CAMERA;
import static dev.rampart.adapter.inventory.GeneratedCertificates.REVOKED;
import static dev.rampart.adapter.inventory.GeneratedCertificates.WEAK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.adapter.certificates.CertificateAnalyzer;
import dev.rampart.spi.fact.AuthMethod;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device's certificate given by reference (inline PEM, or a file relative to the inventory) is
 * analysed, judged against the trust material of the inventory or of the source's options, and
 * fills the certificate fields the inventory left out.
 */
class InventoryCertificatesTest {

  @TempDir Path dir;

  @BeforeEach
  void writeCertificates() throws IOException {
    Files.createDirectories(dir.resolve("certs"));
    Files.createDirectories(dir.resolve("pki"));
    Files.writeString(dir.resolve("certs/cam-01.pem"), CAMERA.pem());
    Files.write(dir.resolve("certs/cam-01.der"), CAMERA.der());
    Files.writeString(dir.resolve("certs/cam-03.pem"), REVOKED.pem());
    Files.writeString(dir.resolve("certs/factory.pem"), WEAK.pem());
    Files.writeString(dir.resolve("pki/root-ca.pem"), CA.pem());
    Files.writeString(dir.resolve("pki/root-ca.crl"), GeneratedCertificates.crl());
  }

  @Test
  void inlinePemFillsEveryFieldTheCertificateItselfTells() throws Exception {
    Device device = device("""
        devices:
          - id: cam-01
            credentials:
              authMethod: certificate
              certificate:
                pem: |
        %s
        """.formatted(CAMERA.pem().indent(10).stripTrailing()));

    Certificate certificate = device.credentials().certificate();
    assertEquals(CertificateAnalyzer.analyze(CAMERA.der()), certificate);
    assertEquals("EC", certificate.keyAlgorithm());
    assertEquals(256, certificate.keySize());
    assertEquals(false, certificate.selfSigned());
    assertNull(certificate.chainValid(), "without trust material the chain is unknown");
    assertNull(certificate.revoked(), "without a CRL revocation is unknown");
    assertEquals(AuthMethod.CERTIFICATE, device.credentials().authMethod());
  }

  @Test
  void aFileIsFoundRelativeToTheInventoryFileInPemOrDer() throws Exception {
    Path inventory = write("site/inventory.yaml", """
        devices:
          - id: cam-01
            credentials: {certificate: {file: ../certs/cam-01.pem}}
          - id: cam-01-der
            credentials: {certificate: {file: ../certs/cam-01.der}}
        """);

    List<Device> devices = devices(inventory);

    assertEquals(CertificateAnalyzer.analyze(CAMERA.der()), devices.get(0).credentials().certificate());
    assertEquals(devices.get(0).credentials().certificate(), devices.get(1).credentials().certificate());
  }

  @Test
  void theTrustSectionJudgesChainOriginAndRevocation() throws Exception {
    List<Device> devices = devices(write("inventory.yaml", """
        trust:
          anchors: [pki/root-ca.pem]
          crl: pki/root-ca.crl
        devices:
          - id: cam-01
            credentials: {certificate: {file: certs/cam-01.pem}}
          - id: cam-03
            credentials: {certificate: {file: certs/cam-03.pem}}
          - id: factory
            credentials: {certificate: {file: certs/factory.pem}}
        """));

    assertEquals(List.of(true, true, false), judged(devices.get(0)));
    assertEquals(List.of(true, true, true), judged(devices.get(1)));
    assertEquals(Arrays.asList(false, false, null), judged(devices.get(2)), "the CA's CRL says nothing of another issuer");
  }

  @Test
  void anchorsOfAnotherPkiJudgeTheChainButNotTheOrigin() throws Exception {
    List<Device> devices = devices(write("inventory.json", """
        {"trust": {"anchors": ["pki/root-ca.pem"], "organisationPki": false},
         "devices": [{"id": "cam-01", "credentials": {"certificate": {"file": "certs/cam-01.pem"}}}]}
        """));

    Certificate certificate = devices.get(0).credentials().certificate();
    assertEquals(true, certificate.chainValid());
    assertNull(certificate.issuedByOrganisationPki());
    assertNull(certificate.revoked());
  }

  @Test
  void sourceOptionsGiveTheTrustMaterialToo() throws Exception {
    Path inventory = write("inventory.yaml", """
        devices:
          - id: cam-03
            credentials: {certificate: {file: certs/cam-03.pem}}
        """);
    SourceConfig config = new SourceConfig(inventory.toString(), Map.of(
        InventoryFileProvider.TRUST_ANCHORS, dir.resolve("pki/root-ca.pem").toString(),
        InventoryFileProvider.TRUST_CRL, dir.resolve("pki/root-ca.crl").toString()));

    List<Device> devices = new ArrayList<>();
    new InventoryFileProvider().create(config).read((fact, origin) -> devices.add((Device) fact));

    assertEquals(List.of(true, true, true), judged(devices.get(0)));
  }

  @Test
  void fieldsTheInventoryGivesAgreeingWithTheCertificateAreKeptAndUnknownOnesAdded() throws Exception {
    Device device = device("""
        devices:
          - id: cam-01
            credentials:
              certificate:
                file: certs/cam-01.pem
                keyAlgorithm: ec
                keySize: 256
                sha256Fingerprint: "%s"
                chainValid: true
        """.formatted(colons(CertificateAnalyzer.analyze(CAMERA.der()).sha256Fingerprint())));

    Certificate certificate = device.credentials().certificate();
    assertEquals("EC", certificate.keyAlgorithm(), "the inventory's value is kept, in canonical form");
    assertEquals(true, certificate.chainValid(), "what the analysis cannot know comes from the inventory");
    assertEquals(CertificateAnalyzer.analyze(CAMERA.der()).notAfter(), certificate.notAfter());
  }

  @Test
  void aFieldTheCertificateContradictsIsAProblemWhereItIsWritten() throws IOException {
    Path inventory = write("inventory.yaml", """
        devices:
          - id: factory
            credentials:
              certificate:
                file: certs/factory.pem
                keySize: 4096
                selfSigned: false
          - id: fine
        """);

    assertEquals("""
        FILE:6:9: devices[0] (id 'factory').credentials.certificate.keySize: keySize 4096 contradicts the \
        certificate in 'certs/factory.pem', which says 1024 (remove 'keySize': it is read from the certificate)
        FILE:7:9: devices[0] (id 'factory').credentials.certificate.selfSigned: selfSigned false contradicts the \
        certificate in 'certs/factory.pem', which says true (remove 'selfSigned': it is read from the certificate)
        """.replace("FILE", inventory.toString()), problems(inventory));
  }

  @Test
  void referencesThatCannotBeReadAreProblemsWithTheirPlace() throws IOException {
    Files.writeString(dir.resolve("certs/notes.txt"), "not a certificate");
    Files.write(dir.resolve("certs/huge.pem"), new byte[2 * 1024 * 1024]);
    Path inventory = write("inventory.yaml", """
        devices:
          - id: a
            credentials: {certificate: {file: certs/missing.pem}}
          - id: b
            credentials: {certificate: {file: certs/notes.txt}}
          - id: c
            credentials: {certificate: {pem: "-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\\n"}}
          - id: d
            credentials: {certificate: {pem: 42}}
          - id: e
            credentials: {certificate: {pem: x, file: certs/cam-01.pem}}
          - id: f
            credentials: {certificate: {file: certs/huge.pem}}
          - id: g
            credentials: {certificate: {file: certs}}
          - id: h
            credentials: {certificate: {fle: certs/cam-01.pem}}
        """);

    assertEquals("""
        FILE:3:33: devices[0] (id 'a').credentials.certificate.file: cannot read the certificate file \
        'certs/missing.pem': no such file (the path is relative to the inventory file's directory, DIR)
        FILE:5:33: devices[1] (id 'b').credentials.certificate.file: not a PEM or DER certificate: the bytes are \
        not an X.509 certificate in DER encoding (DEF length 111 object truncated by 96) (name a PEM or DER \
        certificate file)
        FILE:7:33: devices[2] (id 'c').credentials.certificate.pem: not a PEM or DER certificate: a PEM block is \
        damaged (problem parsing cert: unexpected end-of-contents marker) (give the certificate as PEM text starting with -----BEGIN CERTIFICATE-----)
        FILE:9:33: devices[3] (id 'd').credentials.certificate.pem: expected PEM text but found 42 (write the \
        certificate under 'pem: |', from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----)
        FILE:11:41: devices[4] (id 'e').credentials.certificate.file: the certificate is given both as 'pem' and as \
        'file' (keep one of them)
        FILE:13:33: devices[5] (id 'f').credentials.certificate.file: cannot read the certificate file \
        'certs/huge.pem': it is larger than 1048576 bytes (a certificate file is a few kilobytes; is this the right file?)
        FILE:15:33: devices[6] (id 'g').credentials.certificate.file: cannot read the certificate file 'certs': it is \
        not a regular file (name a file)
        FILE:17:33: devices[7] (id 'h').credentials.certificate: unknown field 'fle' (did you mean 'file'?)
        """.replace("FILE", inventory.toString()).replace("DIR", dir.toString()), problems(inventory));
  }

  @Test
  void trustMaterialThatCannotBeUsedIsAProblem() throws IOException {
    Path inventory = write("inventory.yaml", """
        trust:
          anchors: [pki/missing.pem, certs/notes.txt]
          crl: pki/root-ca.pem
          crls: [pki/root-ca.crl]
        devices:
          - id: cam-01
            credentials: {certificate: {file: certs/cam-01.pem}}
        """);
    Files.writeString(dir.resolve("certs/notes.txt"), "not a certificate");

    assertEquals("""
        FILE:4:3: trust: unknown field 'crls' (did you mean 'crl'?)
        """.replace("FILE", inventory.toString()), problems(inventory));

    Files.writeString(inventory, Files.readString(inventory).replace("  crls: [pki/root-ca.crl]\n", ""));
    assertEquals("""
        FILE:2:3: trust.anchors[0]: cannot read the trust anchor file 'pki/missing.pem': no such file (the path is \
        relative to the inventory file's directory, DIR)
        FILE:2:3: trust.anchors[1]: 'certs/notes.txt' is not a PEM or DER certificate: the bytes are not an X.509 \
        certificate in DER encoding (DEF length 111 object truncated by 96) (name a PEM or DER CA certificate)
        FILE:3:3: trust.crl: 'pki/root-ca.pem' is not a PEM or DER CRL: the PEM text holds no X509 CRL block \
        (name a PEM or DER CRL)
        """.replace("FILE", inventory.toString()).replace("DIR", dir.toString()), problems(inventory));
  }

  @Test
  void trustAfterAnalysedCertificatesOrTwiceIsAProblem() throws IOException {
    Path late = write("late.yaml", """
        devices:
          - id: cam-01
            credentials: {certificate: {file: certs/cam-01.pem}}
        trust:
          anchors: [pki/root-ca.pem]
        """);
    assertEquals(late + ":4:1: trust: 'trust' comes after certificates that were already analysed without it"
        + " (move 'trust:' above 'devices:')\n", problems(late));

    Path both = write("both.yaml", "trust: {anchors: [pki/root-ca.pem]}\n");
    SourceConfig config = new SourceConfig(both.toString(),
        Map.of(InventoryFileProvider.TRUST_ANCHORS, dir.resolve("pki/root-ca.pem").toString()));
    SourceException e = assertThrows(SourceException.class,
        () -> new InventoryFileProvider().create(config).read((fact, origin) -> { }));
    assertEquals(List.of(both + ":1:1: trust: trust material is given both here and as the source options"
        + " trust.anchors and trust.crl (give it in one place)"), e.problems());
  }

  @Test
  void sourceOptionsThatCannotBeUsedAreProblems() {
    SourceConfig config = new SourceConfig("inventory.yaml", Map.of(
        InventoryFileProvider.TRUST_ANCHORS, "missing.pem",
        InventoryFileProvider.TRUST_ORGANISATION_PKI, "yes"));

    SourceException e = assertThrows(SourceException.class, () -> new InventoryFileProvider().create(config));

    assertEquals(List.of(
        "inventory source 'inventory.yaml': option trust.organisationPki is 'yes' (write true or false)",
        "inventory source 'inventory.yaml': option trust.anchors: cannot read the trust anchor file 'missing.pem':"
            + " no such file (paths in options are relative to the working directory)"), e.problems());
  }

  private Device device(String yaml) throws Exception {
    return devices(write("inventory.yaml", yaml)).get(0);
  }

  private static List<Device> devices(Path inventory) throws SourceException {
    return Fixtures.read(inventory).facts().stream().map(Device.class::cast).toList();
  }

  /** chainValid, issuedByOrganisationPki, revoked. */
  private static List<Boolean> judged(Device device) {
    Credentials credentials = device.credentials();
    Certificate certificate = credentials.certificate();
    return Arrays.asList(certificate.chainValid(), certificate.issuedByOrganisationPki(), certificate.revoked());
  }

  private static String colons(String hex) {
    return String.join(":", hex.toUpperCase().split("(?<=\\G..)"));
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static String problems(Path inventory) {
    return Fixtures.problems(inventory);
  }
}
