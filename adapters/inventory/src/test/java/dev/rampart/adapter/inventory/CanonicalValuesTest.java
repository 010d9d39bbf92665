package dev.rampart.adapter.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Egress;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.Network;
import dev.rampart.spi.fact.Service;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fact read from a file written with real-world spellings is the fact built in code: both are canonical. */
class CanonicalValuesTest {

  @Test
  void aFactReadFromAFileEqualsTheSameFactBuiltInCode() throws Exception {
    List<Fact> read = Fixtures.facts("real-world-spellings.yaml");

    Network network = Network.builder("lan").cidr("10.20.0.7/24")
        .egress(new Egress(true, List.of("Updates.Example.COM.", "::ffff:192.0.2.0/120"))).build();
    Device device = Device.builder("cam-01")
        .owner(" ")
        .model("  X100 ")
        .macAddress("AA-BB-CC-DD-EE-0F")
        .ipAddresses(List.of("::ffff:8.8.8.8", "2001:DB8:0:0::1", " "))
        .egressAllowlist(List.of("192.0.2.0/28", "Updates.Example.COM."))
        .services(List.of(
            Service.builder().port(8023).protocol("Telnet").build(),
            Service.builder().port(443).protocol("ssl/http").tls(true)
                .tlsVersions(List.of("TLSv1.0", "SSLv3", "tls1.1", "TLS 1.2")).build(),
            Service.builder().port(1883).protocol("MQTT").tls(false).build()))
        .credentials(Credentials.builder().certificate(Certificate.builder().keyAlgorithm("rsaEncryption").keySize(1024)
            .signatureAlgorithm("sha1WithRSAEncryption").build()).build())
        .build();

    assertEquals(List.of(network, device), read);
  }

  @Test
  void theFactKeepsTheCanonicalValues() throws Exception {
    List<Fact> read = Fixtures.facts("real-world-spellings.yaml");
    Network network = (Network) read.get(0);
    Device device = (Device) read.get(1);

    assertEquals("10.20.0.0/24", network.cidr());
    assertEquals(List.of("updates.example.com", "192.0.2.0/24"), network.egress().allowlist());
    assertEquals(null, device.owner());
    assertEquals("X100", device.model());
    assertEquals("aa:bb:cc:dd:ee:0f", device.macAddress());
    assertEquals(List.of("8.8.8.8", "2001:db8::1"), device.ipAddresses());
    assertEquals(List.of("192.0.2.0/28", "updates.example.com"), device.egressAllowlist());
    assertEquals(List.of("telnet", "https", "mqtt"), device.services().stream().map(Service::protocol).toList());
    assertEquals(List.of("1.0", "ssl3", "1.1", "1.2"), device.services().get(1).tlsVersions());
    assertEquals("RSA", device.credentials().certificate().keyAlgorithm());
    assertEquals("SHA1withRSA", device.credentials().certificate().signatureAlgorithm());
  }
}
