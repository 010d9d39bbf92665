package dev.rampart.adapter.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.adapter.testkit.RecordingSink;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificates source: each device certificate of a file, a bundle or a directory is the device
 * its common name (or file name) names; a certificate that cannot be read is skipped with its place.
 */
class CertificateFilesSourceTest {

  private static final String FIX_BLOCK =
      "(copy the certificate again, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----)";

  @TempDir Path dir;

  @Test
  void eachDeviceCertificateOfABundleIsTheDeviceItsCommonNameNamesAndTheCaIsNoDevice() throws SourceException {
    RecordingSink read = read(CertificateFilesContractTest.files("bundle.pem"));

    assertEquals(List.of("cam-01", "cam-02"), read.facts().stream().map(Fact::id).toList());
    Path bundle = CertificateFiles.path("bundle.pem");
    assertEquals(List.of(new Origin("certificates", bundle.toString(), 2, 1), new Origin("certificates", bundle.toString(), 14, 1)),
        read.origins());
    assertEquals(Certificate.builder()
        .subject("CN=cam-01,O=Harbourside Works")
        .issuer("CN=Harbourside Device CA,O=Harbourside Works")
        .serialNumber("1001")
        .keyAlgorithm("EC")
        .keySize(256)
        .signatureAlgorithm("SHA256withECDSA")
        .notBefore(Instant.parse("2026-12-07T14:26:10Z"))
        .notAfter(Instant.parse("2126-11-13T14:26:10Z"))
        .selfSigned(false)
        .ca(false)
        .subjectAltNames(List.of("cam-01.iot.harbourside.example"))
        .sha256Fingerprint("b273941716ab93087923e8288d22c937f3d02ee265853739dda5fbf0190f3195")
        .build(), certificate(read.facts().get(0)));
  }

  @Test
  void aDirectoryIsReadFileByFileInPemOrDerAndOtherFilesArePassedOver() throws SourceException {
    RecordingSink read = read(CertificateFilesContractTest.files("fleet"));

    // cam-01.pem, cam-02.crt and gw-04.der; ca.pem holds the CA, README.txt and cam-01.pub are no certificate files
    assertEquals(List.of("cam-01", "cam-02", "gw-04"), read.facts().stream().map(Fact::id).toList());
    assertEquals(new Origin("certificates", CertificateFiles.path("fleet/gw-04.der").toString(), 0, 0), read.origins().get(2));
    assertEquals("0315cf0e2f93d41879b704ff4db00553dd110946f7ab90a50c721449db829988",
        certificate(read.facts().get(2)).sha256Fingerprint());
  }

  @Test
  void devicesMayBeNamedByTheirFilesInstead() throws SourceException {
    RecordingSink read = read(new SourceConfig(CertificateFiles.path("fleet").toString(), Map.of("deviceId", "fileName")));

    assertEquals(List.of("cam-01", "cam-02", "gw-04"), read.facts().stream().map(Fact::id).toList());
  }

  @Test
  void badCertificatesOfADirectoryAreSkippedWithTheirFileAndLineAndTheOthersAreRead() throws SourceException {
    RecordingSink read = read(CertificateFilesContractTest.files("partly-bad-fleet"));

    assertEquals(List.of("cam-01", "gw-04"), read.facts().stream().map(Fact::id).toList());
    assertEquals(expected("partly-bad-fleet", """
        DIR/cam-02.pem:1:1: certificate 1: the block is not an X.509 certificate \
        (corrupted stream - out of bounds length found: 467 >= 240) FIX
        DIR/cam-03.pem: the PEM text holds no CERTIFICATE block \
        (name a file of PEM or DER certificates; a key or a CRL is not one)
        """), problems(read.skippedRecords()));
    assertEquals(List.of("a device", "a record"), read.skippedRecords().stream().map(SkippedRecord::describeFact).toList());
  }

  @Test
  void aCertificateThatNamesNoDeviceOrADeviceAlreadyNamedIsSkipped() throws SourceException {
    assertEquals(expected("no-cn-bundle.pem", """
        DIR:13:1: certificate 2: the subject 'OU=Gates,O=Harbourside Works' has no common name (CN) to name the \
        device by (name each file after its device and give the source option deviceId=fileName)
        """), problems(read(CertificateFilesContractTest.files("no-cn-bundle.pem")).skippedRecords()));

    RecordingSink twice = read(CertificateFilesContractTest.files("duplicate-cn.pem"));
    assertEquals(List.of("cam-01", "cam-02"), twice.facts().stream().map(Fact::id).toList());
    assertEquals(expected("duplicate-cn.pem", """
        DIR:13:1: certificate 2 (device 'cam-01'): device 'cam-01' already has the certificate at DIR:1:1 \
        (keep one certificate per device; a renewed device keeps only its current one here)
        """), problems(twice.skippedRecords()));
    assertEquals("device 'cam-01'", twice.skippedRecords().get(0).describeFact());
  }

  @Test
  void readStrictlyABundleWithABadCertificateFailsNamingIt() {
    SourceException failure = assertThrows(SourceException.class,
        () -> new CertificateFilesProvider().create(CertificateFilesContractTest.files("unclosed.pem"))
            .read((fact, origin) -> {}));

    assertEquals(List.of(CertificateFiles.path("unclosed.pem")
        + ":13:1: certificate 2: the block has no -----END CERTIFICATE----- line " + FIX_BLOCK), failure.problems());
  }

  @Test
  void aDirectoryWithoutCertificateFilesIsAProblem() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "the certificates are on the provisioning server\n");

    SourceException failure = assertThrows(SourceException.class,
        () -> read(SourceConfig.of(dir.toString())));

    assertEquals(List.of("certificates source '" + dir + "': the directory holds no certificate file (name a directory"
        + " of *.pem, *.crt, *.cer, *.cert, *.der files, or one such file)"), failure.problems());
  }

  @Test
  void onlyCaCertificatesAreAProblemNotAnEmptyPass() {
    SourceException failure = assertThrows(SourceException.class,
        () -> read(CertificateFilesContractTest.files("ca-only.pem")));

    assertEquals(List.of("certificates source '" + CertificateFiles.path("ca-only.pem") + "': holds no device"
        + " certificate, only 1 CA certificate (name the device certificates; CA certificates only complete the chains"
        + " of the device certificates in the same file)"), failure.problems());
  }

  private static RecordingSink read(SourceConfig config) throws SourceException {
    return RecordingSink.readPartially(new CertificateFilesProvider().create(config));
  }

  private static Certificate certificate(Fact fact) {
    return ((Device) fact).credentials().certificate();
  }

  private static String problems(List<SkippedRecord> records) {
    return records.stream().flatMap(record -> record.problems().stream()).map(line -> line + "\n")
        .collect(Collectors.joining());
  }

  private static String expected(String fixture, String text) {
    return text.replace("DIR", CertificateFiles.path(fixture).toString()).replace("FIX", FIX_BLOCK);
  }
}
