package dev.rampart.adapter.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.Service;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inventories whose values are quoted from a real public nmap scan (python-libnmap's dionaea_scan.xml, see
 * src/test/resources/PROVENANCE.md): the values a scanner really writes read to their canonical forms, and the
 * one it writes that an inventory cannot use is a located problem.
 */
class RealWorldSamplesTest {

  @Test
  void theDionaeaScansValuesReadToTheirCanonicalForms() throws Exception {
    List<Fact> read = Fixtures.facts("real-world/dionaea-nmap.yaml");

    assertEquals(1, read.size());
    Device device = (Device) read.get(0);
    assertEquals("dionaea", device.id());
    assertEquals("dionaea.libnmap-testing_testing_net", device.name());
    assertEquals("02:42:ac:1c:01:03", device.macAddress());
    assertEquals(List.of("172.28.1.3"), device.ipAddresses());
    assertEquals(List.of(21, 23, 53, 80, 443, 445, 1433, 1883, 3306, 5060, 9100, 11211),
        device.services().stream().map(Service::port).toList());
    // nmap's service names: 'domain' is DNS, 'microsoft-ds' is SMB, 'ssl/https' is HTTPS; names no vocabulary
    // knows ('ms-sql-s', 'jetdirect', 'memcached') are kept as written.
    assertEquals(List.of("ftp", "telnet", "dns", "http", "https", "smb", "ms-sql-s", "mqtt", "mysql", "sip",
        "jetdirect", "memcached"), device.services().stream().map(Service::protocol).toList());
    assertEquals(List.of("ftp", "telnet", "domain", "http", "https", "microsoft-ds", "ms-sql-s", "mqtt", "mysql",
        "sip", "jetdirect", "memcached"), device.services().stream().map(Service::name).toList());
    Service mssql = device.services().get(6);
    assertEquals("Microsoft SQL Server 2000", mssql.product());
    assertEquals("8.00.528.00; SP1+", mssql.productVersion());
    assertEquals(Boolean.TRUE, device.services().get(4).tls());

    Certificate certificate = device.credentials().certificate();
    assertEquals("commonName=Nepenthes Development Team/organizationName=dionaea.carnivore.it/countryName=DE",
        certificate.subject());
    assertEquals(certificate.subject(), certificate.issuer());
    assertEquals("RSA", certificate.keyAlgorithm());
    assertEquals(2048, certificate.keySize());
    assertEquals("MD5withRSA", certificate.signatureAlgorithm());
    assertEquals(Instant.parse("2020-11-22T17:06:58Z"), certificate.notBefore());
    assertEquals(Instant.parse("2021-11-22T17:06:58Z"), certificate.notAfter());
  }

  @Test
  void nmapsCertificateTimesWithoutAZoneIsALocatedProblem() {
    // One problem per element (docs/inventory-format.md, Problems): after notBefore reading goes on with the next
    // device, so the same mistake in notAfter on the next line is not listed.
    String name = "real-world/dionaea-nmap-cert-times.yaml";
    assertEquals(Fixtures.expected(name, """
        FILE:8:20: devices[0] (id 'dionaea').credentials.certificate.notBefore: expected a date-time such as \
        2026-11-01T10:00:00Z or a date such as 2026-11-01 but found "2020-11-22T17:06:58" \
        (add the time zone, e.g. 2020-11-22T17:06:58Z for UTC)
        """), Fixtures.problems(Fixtures.path(name)));
  }
}
