package dev.rampart.adapter.nmap;

import static dev.rampart.spi.fact.ServiceState.OPEN;
import static dev.rampart.spi.fact.Transport.TCP;
import static dev.rampart.spi.fact.Transport.UDP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rampart.adapter.testkit.RecordingSink;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Service;
import dev.rampart.spi.source.SourceException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code sslv2} and {@code ssl-known-key}, and the port states a rule must never take for closed, in
 * {@code sslv2-known-key.xml}: written by hand in nmap's shape after public scans of Metasploitable 2 and a
 * D-Link router (PROVENANCE.md says why).
 */
class NmapSslScriptsTest {

  private static final String SCAN = "sslv2-known-key.xml";

  private final RecordingSink sink = Fixtures.read(Fixtures.path(SCAN));
  private final Device metasploitable = (Device) sink.facts().get(0);
  private final Device router = (Device) sink.facts().get(1);

  NmapSslScriptsTest() throws SourceException {}

  @Test
  void sslv2SupportedIsTheVersionSsl2AndItsCipherSuitesAreWeakInStructuredAndTextOutput() {
    assertEquals(List.of(
        new Service("smtp", 25, TCP, "smtp", OPEN, null, true, List.of("ssl2"), true, null, null, null, null,
            "Postfix smtpd", null, null),
        new Service("https", 443, TCP, "https", OPEN, null, true, List.of("ssl2"), true, null, null, null, null,
            "Apache httpd", "1.3.20", null),
        new Service("snmp", 161, UDP, "snmp", null, null, null, null, null, null, null, null, null, null, null, null)),
        metasploitable.services(),
        "25 has <elem>SSLv2 supported</elem> and a ciphers table; 443 has the text of older nmap only;"
            + " open|filtered (no answer to a UDP probe) may be open, so its state is unknown, never filtered");
  }

  @Test
  void aKeyInAPublicListOfCompromisedKeysMarksTheDevicesCertificateAsPublished() {
    assertEquals(true, router.credentials().certificate().keyPublished(),
        "ssl-known-key found the key in Little Black Box: the shared-certificate rule IDN-004 must not pass it");
    assertEquals(Map.of("knownKey", "Little Black Box 0.1"), router.attributes(), "the list is named for the reader");
    assertNull(metasploitable.credentials(), "no certificate and no known key: nothing is said about credentials");
    assertEquals(List.of(), sink.problems(), "the finding is a fact the rules read, no longer a warning");
  }
}
