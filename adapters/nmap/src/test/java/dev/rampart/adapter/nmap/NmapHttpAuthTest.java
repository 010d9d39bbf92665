package dev.rampart.adapter.nmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Service;
import dev.rampart.spi.source.SourceException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code http-auth} reports the challenges of a server's WWW-Authenticate header; each challenge's
 * scheme becomes one of the service's {@code authSchemes}, canonical as the fact model keeps them. The
 * fixture follows the output nmap's http-auth script writes: since nmap 6.40 one table per challenge
 * next to the text, before that the text alone (status line, then one challenge a line).
 */
class NmapHttpAuthTest {

  private final List<Device> devices;

  NmapHttpAuthTest() throws SourceException {
    devices = Fixtures.devices("http-auth.xml");
  }

  @Test
  void everyChallengeOfTheStructuredOutputIsAScheme() {
    assertEquals(List.of("basic"), service(0, 80).authSchemes());
    // in the server's order; the proxy's http-proxy is http
    assertEquals(List.of("negotiate", "ntlm", "digest", "basic"), service(0, 8080).authSchemes());
    assertEquals("http", service(0, 8080).protocol());
  }

  @Test
  void theTextOfOlderNmapGivesTheSameSchemes() {
    assertEquals(List.of("basic"), service(1, 80).authSchemes());
  }

  @Test
  void aSentenceOrAFailedScriptIsNoScheme() {
    assertNull(service(1, 443).authSchemes(), "no WWW-Authenticate header: the scheme is unknown");
    assertNull(service(1, 8443).authSchemes(), "the script failed");
  }

  @Test
  void aSchemeTheVocabularyDoesNotKnowIsKeptAsNmapWroteIt() {
    assertEquals(List.of("bearer", "HOBA"), service(1, 9000).authSchemes());
  }

  private Service service(int device, int port) {
    return devices.get(device).services().stream().filter(s -> s.port() == port).findFirst()
        .orElseThrow(() -> new AssertionError("no port " + port + " in " + Arrays.toString(devices.toArray())));
  }
}
