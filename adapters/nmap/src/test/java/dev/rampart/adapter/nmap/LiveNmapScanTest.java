package dev.rampart.adapter.nmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.Service;
import dev.rampart.spi.fact.ServiceState;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real nmap against two local services: what nmap 7.x actually writes must read into the facts
 * the committed fixtures promise. Skipped where nmap is missing, required with {@code CI=true}
 * (see {@link LiveScan}).
 */
class LiveNmapScanTest {

  @TempDir static Path dir;
  static LiveScan listeners;
  static Device device;

  @BeforeAll
  static void scan() throws Exception {
    listeners = LiveScan.start();
    Path xml = listeners.scan(dir);
    FactSourceProvider nmap = ServiceLoader.load(FactSourceProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(provider -> provider.id().equals("nmap")).findFirst().orElseThrow();
    List<Fact> facts = new ArrayList<>();
    nmap.create(SourceConfig.of(xml.toString())).read((fact, origin) -> facts.add(fact));
    assertEquals(1, facts.size(), "one host, 127.0.0.1: " + facts);
    device = (Device) facts.get(0);
  }

  @AfterAll
  static void stop() throws Exception {
    if (listeners != null) {
      listeners.close();
    }
  }

  @Test
  void theHostIsTheLoopbackAddress() {
    assertEquals("127.0.0.1", device.id());
    assertEquals(List.of("127.0.0.1"), device.ipAddresses());
  }

  @Test
  void bothPortsAreOpen() {
    assertEquals(ServiceState.OPEN, port(listeners.telnetPort()).state());
    assertEquals(ServiceState.OPEN, port(listeners.tlsPort()).state());
  }

  @Test
  void thePlaintextLoginListenerIsTelnetWithoutTls() {
    Service telnet = port(listeners.telnetPort());

    assertEquals("telnet", telnet.protocol());
    assertEquals(false, telnet.tls());
    assertEquals(true, telnet.management());
  }

  @Test
  void theTlsListenerIsHttpsOfferingTls12WithGradedCiphers() {
    Service tls = port(listeners.tlsPort());

    assertEquals("https", tls.protocol());
    assertEquals(true, tls.tls());
    assertTrue(tls.tlsVersions().contains("1.2"), "versions offered: " + tls.tlsVersions());
    assertNotNull(tls.weakCiphers(), "nmap grades each suite it found");
  }

  @Test
  void theCertificateIsTheWeakSelfSignedOne() {
    Certificate certificate = device.credentials().certificate();

    assertEquals("CN=weak-device.test,O=Rampart Test", certificate.subject());
    assertEquals(true, certificate.selfSigned());
    assertEquals("RSA", certificate.keyAlgorithm());
    assertEquals(1024, certificate.keySize());
    assertEquals("SHA256withRSA", certificate.signatureAlgorithm());
  }

  private static Service port(int port) {
    return device.services().stream().filter(service -> service.port() == port).findFirst()
        .orElseThrow(() -> new AssertionError("no service on port " + port + ": " + device.services()));
  }
}
