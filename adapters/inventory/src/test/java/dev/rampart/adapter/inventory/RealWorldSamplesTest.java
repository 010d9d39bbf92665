package dev.rampart.adapter.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rampart.adapter.testkit.RecordingSink;
import dev.rampart.spi.fact.LifecycleStatus;
import dev.rampart.spi.fact.Vendor;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.Service;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inventories whose values are quoted from real public data written by others (python-libnmap's scans, pynetbox's
 * NetBox answer, Cisco MUD-Manager's luminaire MUD file; see src/test/resources/PROVENANCE.md): the values these
 * tools really write read to their canonical forms, and the ones an inventory cannot use, copied as the tools write
 * them, skip their own record with a located problem while the others are read.
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

  @Test
  void pynetboxsDevicesReadWithTheirModelsSerialsAndAddresses() throws Exception {
    List<Fact> read = Fixtures.facts("real-world/pynetbox-devices.yaml");

    assertEquals(List.of("juniper", "test1-edge1", "test1-core1", "test1-leaf1"), read.stream().map(Fact::id).toList());
    assertEquals("Juniper", ((Vendor) read.get(0)).name());
    Device edge = (Device) read.get(1);
    assertEquals("MX960", edge.model());
    assertEquals("5555555555", edge.serialNumber());
    assertEquals("juniper", edge.vendorId());
    assertEquals(List.of("10.0.255.1"), edge.ipAddresses());
    assertEquals(LifecycleStatus.ACTIVE, edge.lifecycle().status());
    assertEquals(Map.of("netboxId", 1L, "role", "Router", "platform", "Juniper Junos", "site", "test1"), edge.attributes());
    // NetBox writes an unknown serial number as "": blank text is absent, never a serial number
    assertNull(((Device) read.get(2)).serialNumber());
    // test1-leaf1 has no primary address in NetBox: its addresses are unknown, not known to be none
    assertNull(((Device) read.get(3)).ipAddresses());
  }

  @Test
  void pynetboxsValuesCopiedAsNetBoxWritesThemSkipTheirDevicesAndTheOthersAreRead() throws Exception {
    String name = "real-world/pynetbox-devices-as-written.yaml";
    RecordingSink read = RecordingSink.readPartially(InventoryFileSource.of(Fixtures.path(name)));

    assertEquals(List.of("juniper", "test1-leaf1"), read.facts().stream().map(Fact::id).toList());
    assertEquals(Fixtures.expected(name, """
        FILE:12:19: devices[0] (id 'test1-edge1').ipAddresses[0]: "10.0.255.1/32" is not an IP address \
        (write an IPv4 address such as 192.0.2.10 or an IPv6 address such as 2001:db8::10)
        FILE:16:25: devices[1] (id 'test1-core1').lifecycle.status: unknown value 'Active' \
        (write it as 'active'; expected one of: planned, active, maintenance, retired)
        """), problems(read));
  }

  @Test
  void theLuminairesMudFileGivesItsAllowlistAndMudAttributes() throws Exception {
    Device luminaire = (Device) Fixtures.facts("real-world/luminaire-mud.yaml").get(0);

    assertEquals("MUD-enabled Luminaire", luminaire.name());
    assertEquals("Luminaire_150", luminaire.model());
    assertEquals(List.of("fw-update.luminaire.example.com", "mud:my-controller", "mud:local-networks"),
        luminaire.egressAllowlist());
    assertEquals(Map.of("mudUrl", "https://luminaire.example.com/Luminaire_150",
        "mudLastUpdate", "2018-06-29T19:50:19+02:00", "mudCacheValidity", 48L, "mudSupported", true),
        luminaire.attributes());
  }

  @Test
  void theCentosHostsServicesKeepNmapsProductsAndVersionSpellings() throws Exception {
    Device host = (Device) Fixtures.facts("real-world/libnmap-centos-host.yaml").get(0);

    assertEquals(List.of(22, 25, 80, 111, 631, 3306, 8009), host.services().stream().map(Service::port).toList());
    assertEquals(Arrays.asList("OpenSSH", "Postfix smtpd", "Apache httpd", null, "CUPS", "MySQL", null),
        host.services().stream().map(Service::product).toList());
    // "2-4" is rpcbind's range of protocol versions, kept as nmap wrote it
    assertEquals(Arrays.asList("5.3", null, "2.2.15", "2-4", "1.4", "5.1.67", null),
        host.services().stream().map(Service::productVersion).toList());
    assertEquals(List.of("ssh", "smtp", "http", "rpcbind", "ipp", "mysql", "ajp13"),
        host.services().stream().map(Service::protocol).toList());
  }

  @Test
  void aVersionCopiedWithoutQuotesSkipsItsDeviceWithTheFix() throws Exception {
    String name = "real-world/libnmap-centos-host-unquoted.yaml";
    RecordingSink read = RecordingSink.readPartially(InventoryFileSource.of(Fixtures.path(name)));

    assertEquals(List.of("localhost"), read.facts().stream().map(Fact::id).toList());
    assertEquals(Fixtures.expected(name, """
        FILE:12:109: devices[1] (id 'localhost-unquoted').services[0].productVersion: expected text but found 5.3 \
        (put it in quotes: "5.3")
        """), problems(read));
    assertEquals("device 'localhost-unquoted'", read.skippedRecords().get(0).describeFact());
  }

  private static String problems(RecordingSink read) {
    return read.skippedRecords().stream().flatMap(record -> record.problems().stream()).map(line -> line + "\n")
        .collect(Collectors.joining());
  }
}
