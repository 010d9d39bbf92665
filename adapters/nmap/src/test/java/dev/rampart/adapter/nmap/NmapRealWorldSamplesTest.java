package dev.rampart.adapter.nmap;

import static dev.rampart.spi.fact.ServiceState.OPEN;
import static dev.rampart.spi.fact.Transport.TCP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rampart.adapter.testkit.RecordingSink;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Service;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Scans that nmap wrote for someone else: python-libnmap's test files (Apache-2.0), trimmed as
 * {@code src/test/resources/PROVENANCE.md} says, and the facts they must give.
 */
class NmapRealWorldSamplesTest {

  private static final String DIONAEA = "real-world/libnmap-dionaea-scan.xml";
  private static final String NMAP_551 = "real-world/libnmap-os-banner-scripts-nmap551.xml";
  private static final String PING_791 = "real-world/libnmap-host-ping-nmap791.xml";
  private static final String ALL_FILTERED_551 = "real-world/libnmap-all-filtered-nmap551.xml";

  /** Nmap 7.91, {@code -sV -O --script default,safe}, of a dionaea honeypot posing as an IoT/NAS box. */
  @Nested
  class Nmap791DefaultAndSafeScripts {

    private final Device honeypot = Fixtures.devices(DIONAEA).get(0);

    Nmap791DefaultAndSafeScripts() throws SourceException {}

    @Test
    void theOneHostIsUpAndIdentifiedByItsIpv4Address() throws SourceException {
      assertEquals(List.of("172.28.1.3"), Fixtures.devices(DIONAEA).stream().map(Device::id).toList());
      assertEquals(List.of("172.28.1.3"), honeypot.ipAddresses());
    }

    @Test
    void theMacIsLowerCasedTheUserHostnameWinsAndNoVendorIsInvented() {
      assertEquals("02:42:ac:1c:01:03", honeypot.macAddress(), "nmap wrote 02:42:AC:1C:01:03");
      assertEquals("dionaea", honeypot.name(), "type=\"user\" wins over the PTR record");
      assertEquals(Map.of(), honeypot.attributes(), "nmap wrote no vendor for a Docker MAC");
    }

    @Test
    void everyListedPortIsAServiceInNmapsOrder() {
      assertEquals(List.of(
          new Service("ftp", 21, TCP, "ftp", OPEN, null, false, null, null, null, null, null, null,
              "Synology DiskStation NAS ftpd", null, null),
          new Service("telnet", 23, TCP, "telnet", OPEN, null, false, null, null, null, null, null, true, null, null, null),
          new Service("tcpwrapped", 42, TCP, null, OPEN, null, null, null, null, null, null, null, null, null, null, null),
          new Service("domain", 53, TCP, "dns", OPEN, null, null, null, null, null, null, null, null, null, null, null),
          new Service("http", 80, TCP, "http", OPEN, null, false, null, null, null, null, null, null, "nginx", null, null),
          new Service("msrpc", 135, TCP, "msrpc", OPEN, null, null, null, null, null, null, null, null, null, null, null),
          new Service("https", 443, TCP, "https", OPEN, null, true, null, null, null, null, null, null, null, null, null),
          new Service("microsoft-ds", 445, TCP, "smb", OPEN, null, null, null, null, null, null, null, null,
              "Windows XP microsoft-ds", null, null),
          new Service("ms-sql-s", 1433, TCP, "ms-sql-s", OPEN, null, null, null, null, null, null, null, null,
              "Microsoft SQL Server 2000", "8.00.528.00; SP1+", null),
          new Service("pptp", 1723, TCP, "pptp", OPEN, null, null, null, null, null, null, null, null,
              null, "(Firmware: 1)", null),
          new Service("mqtt", 1883, TCP, "mqtt", OPEN, null, false, null, null, null, null, null, null, null, null, null),
          new Service("mysql", 3306, TCP, "mysql", OPEN, null, null, null, null, null, null, null, null,
              "MySQL", "5.7.16", null),
          new Service("sip", 5060, TCP, "sip", OPEN, null, null, null, null, null, null, null, null, null, null, null),
          new Service("jetdirect", 9100, TCP, "jetdirect", OPEN, null, null, null, null, null, null, null, null,
              null, null, null),
          new Service("memcached", 11211, TCP, "memcached", OPEN, null, null, null, null, null, null, null, null,
              "Memcached", "1.4.25", null),
          new Service("mongodb", 27017, TCP, "mongodb", OPEN, null, null, null, null, null, null, null, null,
              "MongoDB", null, null)),
          honeypot.services());
    }

    @Test
    void anEmptyProductAttributeIsUnknownNotAnEmptyName() {
      assertNull(honeypot.services().get(9).product(), "nmap wrote product=\"\" for pptp on 1723");
    }

    @Test
    void otherSslScriptsAndFailedScriptsAreNoEvidenceOfTls() {
      Service mssql = honeypot.services().get(8);

      assertNull(mssql.tls(), "ssl-ccs-injection timed out and tls-ticketbleed failed on 1433");
    }

    @Test
    void theSelfSignedMd5CertificateFromThePemIsAnalysedInFull() {
      // Checked independently with openssl x509 on the PEM: serial 0x5fba9ab2, md5WithRSAEncryption, no extensions
      // but Netscape's (so no CA flag and no alternative names), self-signature verifies, the SHA-256 below; the
      // MD5 and SHA-1 digests nmap printed (f7db96c5..., 0822fefe...) match, so the PEM was copied intact.
      assertEquals(new Certificate(
          "OU=anv,O=dionaea.carnivore.it,CN=Nepenthes Development Team,C=DE",
          "OU=anv,O=dionaea.carnivore.it,CN=Nepenthes Development Team,C=DE",
          "5fba9ab2",
          "RSA",
          2048,
          "MD5withRSA",
          Instant.parse("2020-11-22T17:06:58Z"),
          Instant.parse("2021-11-22T17:06:58Z"),
          true,
          null,
          null,
          null,
          false,
          List.of(),
          "7335ccca3ec0c141ef5132ba67d5a45800dfe92905418d66b3c783181731d8dd", null, null, null, null, null), honeypot.credentials().certificate());
    }

    @Test
    void theDeviceCarriesItsHostElementAndTheScanStart() throws SourceException {
      String file = Fixtures.path(DIONAEA).toString();

      assertEquals(List.of(new Origin("nmap", file, 16, 51, Instant.ofEpochSecond(1606064907))),
          Fixtures.read(Fixtures.path(DIONAEA)).origins());
    }
  }

  /** Nmap 5.51 (XML output 1.03), {@code -sV -O --script http-headers,http-methods} of localhost. */
  @Nested
  class Nmap551VersionScan {

    private final Device localhost = Fixtures.devices(NMAP_551).get(0);

    Nmap551VersionScan() throws SourceException {}

    @Test
    void aPtrHostnameNamesTheDeviceWhenNoneWasGiven() {
      assertEquals("127.0.0.1", localhost.id());
      assertEquals("localhost", localhost.name());
      assertNull(localhost.macAddress());
    }

    @Test
    void versionDetectionGivesProductsAndVersionsTcpwrappedGivesNoProtocol() {
      assertEquals(List.of(
          new Service("ssh", 22, TCP, "ssh", OPEN, null, null, null, null, null, null, null, true, "OpenSSH", "5.3", null),
          new Service("smtp", 25, TCP, "smtp", OPEN, null, null, null, null, null, null, null, null,
              "Postfix smtpd", null, null),
          new Service("http", 80, TCP, "http", OPEN, null, false, null, null, null, null, null, null,
              "Apache httpd", "2.2.15", null),
          new Service("rpcbind", 111, TCP, "rpcbind", OPEN, null, null, null, null, null, null, null, null,
              null, "2-4", null),
          new Service("ipp", 631, TCP, "ipp", OPEN, null, null, null, null, null, null, null, null, "CUPS", "1.4", null),
          new Service("mysql", 3306, TCP, "mysql", OPEN, null, null, null, null, null, null, null, null,
              "MySQL", "5.1.67", null),
          new Service("ajp13", 8009, TCP, "ajp13", OPEN, null, null, null, null, null, null, null, null, null, null, null),
          new Service("tcpwrapped", 8080, TCP, null, OPEN, null, null, null, null, null, null, null, null,
              null, null, null)),
          localhost.services());
    }

    @Test
    void noCertificateWasSeenSoNoCredentialsAreKnown() {
      assertNull(localhost.credentials(), "no ssl-cert ran; a scan sees no other credentials");
    }

    @Test
    void theDeviceCarriesItsHostElementAndTheScanStart() throws SourceException {
      String file = Fixtures.path(NMAP_551).toString();

      assertEquals(List.of(new Origin("nmap", file, 7, 51, Instant.ofEpochSecond(1368156682))),
          Fixtures.read(Fixtures.path(NMAP_551)).origins());
    }
  }

  /** Nmap 7.91 {@code -sP} (a ping scan, today's {@code -sn}) of one host: no {@code <ports>} element at all. */
  @Nested
  class Nmap791PingScan {

    @Test
    void theHostIsADeviceWhoseServicesAreUnknownNotNone() throws SourceException {
      RecordingSink read = Fixtures.read(Fixtures.path(PING_791));

      assertEquals(List.of(Device.builder("172.28.1.3")
          .name("dionaea")
          .macAddress("02:42:ac:1c:01:03")
          .ipAddresses(List.of("172.28.1.3"))
          .build()), read.facts(), "no port was scanned: services, credentials and TLS stay unknown");
      assertEquals(List.of(new Origin("nmap", Fixtures.path(PING_791).toString(), 8, 7,
          Instant.ofEpochSecond(1607282135))), read.origins());
    }
  }

  /**
   * Nmap 5.51 (XML output 1.03), a default scan of a host that answered but whose 1000 ports were all filtered:
   * {@code <ports>} holds only {@code <extraports state="filtered" count="1000">}.
   */
  @Nested
  class Nmap551EveryPortFiltered {

    @Test
    void theHostIsADeviceWithNoServiceNotOneOfUnknownServices() throws SourceException {
      RecordingSink read = Fixtures.read(Fixtures.path(ALL_FILTERED_551));

      assertEquals(List.of(Device.builder("10.1.1.1").ipAddresses(List.of("10.1.1.1")).services(List.of()).build()),
          read.facts(), "the ports were scanned and none answered: an empty list, so rules over open services pass");
      assertEquals(List.of(new Origin("nmap", Fixtures.path(ALL_FILTERED_551).toString(), 8, 51,
          Instant.ofEpochSecond(1365101751))), read.origins());
    }
  }
}
