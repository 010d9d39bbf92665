package dev.rampart.adapter.nmap;

import static dev.rampart.spi.fact.ServiceState.CLOSED;
import static dev.rampart.spi.fact.ServiceState.FILTERED;
import static dev.rampart.spi.fact.ServiceState.OPEN;
import static dev.rampart.spi.fact.Transport.TCP;
import static dev.rampart.spi.fact.Transport.UDP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Exposure;
import dev.rampart.spi.fact.Service;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What becomes what: committed scans of every shape nmap writes, and the facts they must give. */
class NmapScanSourceTest {

  @Nested
  class StructuredScriptOutput {

    private final Device camera = Fixtures.devices("structured.xml").get(0);

    StructuredScriptOutput() throws SourceException {}

    @Test
    void onlyHostsThatAreUpBecomeDevicesIdentifiedByTheirAddress() throws SourceException {
      List<Device> devices = Fixtures.devices("structured.xml");

      assertEquals(List.of("10.110.0.21"), devices.stream().map(Device::id).toList());
    }

    @Test
    void addressesNameAndMacVendorComeFromTheHost() {
      assertEquals(List.of("10.110.0.21"), camera.ipAddresses());
      assertEquals("ac:cc:8e:21:10:45", camera.macAddress());
      assertEquals(Map.of("macVendor", "Axis Communications AB"), camera.attributes());
      assertEquals("cam-dock-01.harbourside.example", camera.name(), "a hostname the user gave wins over a PTR record");
    }

    @Test
    void whatAScanCannotSeeStaysUnknown() {
      assertNull(camera.serialNumber());
      assertNull(camera.model());
      assertNull(camera.vendorId());
      assertNull(camera.firmware());
      assertNull(camera.credentials().authMethod());
      assertNull(camera.credentials().defaultPassword());
    }

    @Test
    void eachListedPortIsAServiceExtraPortsAreNot() {
      assertEquals(List.of(
          new Service("ssh", 22, TCP, "ssh", OPEN, null, null, null, null, null, null, null, true,
              "OpenSSH", "8.4p1 Debian 5+deb11u1", null),
          new Service("telnet", 23, TCP, "telnet", OPEN, null, false, null, null, null, null, null, true,
              "BusyBox telnetd", null, null),
          new Service("http", 80, TCP, "http", OPEN, null, false, null, null, null, null, null, null,
              "lighttpd", "1.4.59", null),
          new Service("http", 443, TCP, "https", OPEN, null, true, List.of("1.2", "1.3"), false, null, null, null, null,
              "lighttpd", "1.4.59", null),
          new Service("mqtt", 1883, TCP, "mqtt", OPEN, null, false, null, null, null, null, null, null, null, null, null),
          new Service("mqtt", 8883, TCP, "mqtts", OPEN, null, true, List.of("1.0", "1.2"), true, null, null, null, null,
              null, null, null),
          new Service("http-proxy", 8080, TCP, "http", CLOSED, null, null, null, null, null, null, null, null, null, null, null),
          new Service("cslistener", 9000, TCP, "cslistener", FILTERED, null, null, null, null, null, null, null, null,
              null, null, null),
          new Service("tungsten-https", 9443, TCP, "tungsten-https", OPEN, null, null, null, null, null, null, null, null,
              null, null, null)),
          camera.services());
    }

    @Test
    void aFailedScriptIsNoEvidenceOfTls() {
      Service port9443 = camera.services().get(8);

      assertNull(port9443.tls(), "ssl-cert failed on 9443, and the name comes only from nmap's port table");
    }

    @Test
    void theCertificateFromThePemIsAnalysedInFull() {
      assertEquals(new Certificate(
          "CN=cam-dock-01.harbourside.example,O=Harbourside,C=DE",
          "CN=Harbourside Device CA,O=Harbourside,C=DE",
          "4e21a9f0",
          "EC",
          256,
          "SHA256withRSA",
          Instant.parse("2025-06-30T00:00:00Z"),
          Instant.parse("2027-06-30T00:00:00Z"),
          false,
          null,
          null,
          null,
          false,
          List.of("cam-dock-01.harbourside.example", "10.110.0.21"),
          "89196f8dfb6eefba16d8dcbca22ea5485aa11763fc322eff2050976d00c4e169", null, null, null, null, null), camera.credentials().certificate());
    }

    @Test
    void eachDeviceCarriesItsHostElementAndTheScanStart() throws SourceException {
      String file = Fixtures.path("structured.xml").toString();

      assertEquals(List.of(new Origin("nmap", file, 15, 51, Instant.ofEpochSecond(1795600800))),
          Fixtures.read(Fixtures.path("structured.xml")).origins());
    }
  }

  @Nested
  class TextScriptOutputOfOlderNmap {

    private final List<Device> devices = Fixtures.devices("text-only.xml");

    TextScriptOutputOfOlderNmap() throws SourceException {}

    @Test
    void versionsAndWordGradesOfNmap6AreRead() {
      Service https = devices.get(0).services().get(0);

      assertEquals(new Service("http", 443, TCP, "https", OPEN, null, true, List.of("ssl3", "1.0"), true,
          null, null, null, null, "GoAhead WebServer", null, null), https);
    }

    @Test
    void aCertificateWithoutPemKeepsOnlyThePrintedFields() {
      assertEquals(new Certificate(
          "CN=printer.local,O=Acme\\, Inc.,C=US",
          "CN=printer.local,O=Acme\\, Inc.,C=US",
          null,
          "RSA",
          1024,
          null,
          Instant.parse("2012-01-01T00:00:00Z"),
          Instant.parse("2022-01-01T00:00:00Z"),
          null,
          null,
          null,
          null,
          null,
          null,
          null, null, null, null, null, null), devices.get(0).credentials().certificate());
    }

    @Test
    void letterGradesSignatureAndAlternativeNamesAreReadFromText() {
      Device gateway = devices.get(1);

      assertEquals(new Service("https-alt", 8443, TCP, "https", OPEN, null, true, List.of("1.2"), false,
          null, null, null, null, null, null, null), gateway.services().get(0));
      assertEquals(new Certificate(
          "CN=gw-41,O=Acme,C=US",
          "CN=Acme Issuing CA,O=Acme,C=US",
          null,
          "EC",
          256,
          "SHA256withECDSA",
          Instant.parse("2024-02-01T08:30:00Z"),
          Instant.parse("2026-02-01T08:30:00Z"),
          null,
          null,
          null,
          null,
          null,
          List.of("gw-41.acme.example", "192.168.1.41"),
          null, null, null, null, null, null), gateway.credentials().certificate());
    }

    @Test
    void aPemInVerboseTextOutputIsAnalysedInFull() {
      Certificate certificate = devices.get(2).credentials().certificate();

      assertEquals("4e21a9f0", certificate.serialNumber());
      assertEquals(false, certificate.selfSigned());
      assertEquals("89196f8dfb6eefba16d8dcbca22ea5485aa11763fc322eff2050976d00c4e169", certificate.sha256Fingerprint());
      assertEquals(true, devices.get(2).services().get(0).tls(), "a certificate was seen, so the port speaks TLS");
    }
  }

  @Test
  void anIpv6HostIsIdentifiedByItsIpv6Address() throws SourceException {
    Device display = Fixtures.devices("ipv6.xml").get(0);

    assertEquals("2001:db8:110::21", display.id());
    assertEquals(List.of("2001:db8:110::21"), display.ipAddresses());
    assertEquals("display-01.harbourside.example", display.name());
    assertEquals(Map.of("macVendor", "Sony"), display.attributes());
  }

  @Test
  void aHostWithOnlyAMacAddressIsIdentifiedByIt() throws SourceException {
    Device device = Fixtures.devices("ipv6.xml").get(1);

    assertEquals("00:24:be:80:4f:f2", device.id());
    assertNull(device.ipAddresses());
    assertEquals(Map.of(), device.attributes());
  }

  @Test
  void udpPortsKeepTheirTransportAndOpenFilteredIsUnknownNeverClosed() throws SourceException {
    assertEquals(List.of(
        new Service("domain", 53, UDP, "domain", OPEN, null, null, null, null, null, null, null, null, "dnsmasq", "2.85", null),
        new Service("ntp", 123, UDP, "ntp", CLOSED, null, null, null, null, null, null, null, null, null, null, null),
        new Service("snmp", 161, UDP, "snmp", null, null, null, null, null, null, null, null, null, null, null, null),
        new Service("coap", 5683, UDP, "coap", OPEN, null, null, null, null, null, null, null, null, null, null, null)),
        Fixtures.devices("udp.xml").get(0).services());
  }

  @Test
  void aHostThatIsDownIsSkippedAndAPingScanLeavesServicesUnknown() throws SourceException {
    List<Device> devices = Fixtures.devices("ping-scan.xml");

    assertEquals(List.of("10.110.0.41"), devices.stream().map(Device::id).toList());
    assertNull(devices.get(0).services(), "no ports were scanned, which is not the same as none open");
    assertNull(devices.get(0).credentials());
  }

  @Test
  void exposureIsSetOnOpenPortsOnlyWhenTheUserSaysWhereTheScanRanFrom() throws SourceException {
    List<Service> services = new ArrayList<>();
    NmapScanSource.scannedFrom(Fixtures.path("structured.xml"), Exposure.INTERNET)
        .read((fact, origin) -> services.addAll(((Device) fact).services()));

    for (Service service : services) {
      assertEquals(service.state() == OPEN ? Exposure.INTERNET : null, service.exposure(), "port " + service.port());
    }
  }
}
