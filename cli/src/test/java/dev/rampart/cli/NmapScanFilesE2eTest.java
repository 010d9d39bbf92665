package dev.rampart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 items 1 and 2 as a user meets them: {@code rampart evaluate --source nmap:FILE} on masscan's XML and
 * {@code -oJ} output (ruby-masscan's samples) and on a scan with {@code sslv2} and {@code ssl-known-key} results, its
 * exit codes with and without {@code --fail-on-unknown}, and a scan with one host the reader cannot use. The files
 * are described in {@code src/test/resources/e2e-nmap/PROVENANCE.md}.
 */
class NmapScanFilesE2eTest {

  private static final String DIR = "src/test/resources/e2e-nmap/";
  private static final String NOW = "2026-12-07";
  private static final String EXAMPLE_ORG = "93.184.216.34";

  /** masscan writes no {@code <status>}: its hosts were once all skipped, "evaluated no facts", exit 0. */
  @Nested
  class Masscan {

    @Test
    void theXmlGivesItsOneHostAsADeviceWithItsPortsAndTlsOn443() throws Exception {
      assertMasscanDevice("ruby-masscan-banners.xml");
    }

    @Test
    void theJsonOfDashOjGivesTheSameDevice() throws Exception {
      assertMasscanDevice("ruby-masscan.json");
    }

    @Test
    void withoutFailOnUnknownTheGatePassesAndWithItTheUnknownsOfTheScannedHostFailIt() {
      for (String sample : List.of("ruby-masscan-banners.xml", "ruby-masscan.json")) {
        CliRun lenient = evaluate(sample);
        CliRun strict = evaluate(sample, "--fail-on-unknown");

        assertEquals(0, lenient.exitCode(), sample + ": " + lenient.out() + lenient.err());
        assertTrue(lenient.out().contains(": evaluated 1 fact (1 device) at 2026-12-07T00:00:00Z\n"),
            sample + ": " + lenient.out());
        assertEquals(1, strict.exitCode(), sample + ": " + strict.out() + strict.err());
        assertTrue(strict.out().contains("UNKNOWN  PRC-004  device/" + EXAMPLE_ORG + "  evidence missing to decide:"
            + " services[0].tlsVersions,"), sample + ": the scanned host's own unknowns fail the gate: " + strict.out());
      }
    }

    private void assertMasscanDevice(String sample) throws Exception {
      Map<String, String> outcomes = outcomes(json(evaluate(sample, "--format", "json")), EXAMPLE_ORG);

      assertEquals("UNKNOWN", outcomes.get("PRC-004"), "443 showed TLS (banners ssl and X509), its versions unknown");
      assertEquals("UNKNOWN", outcomes.get("INT-001"), "two open ports, whether they require authentication unknown");
      assertEquals("UNKNOWN", outcomes.get("OPS-007"), "a scan alone cannot say whether the device is recorded");
    }
  }

  /** nmap's sslv2 and ssl-known-key results were once ignored: PRC-004/005 UNKNOWN, IDN-004 PASS. */
  @Nested
  class SslScripts {

    private static final String SCAN = "sslv2-known-key.xml";

    @Test
    void sslv2MakesTheObsoleteProtocolAndItsWeakCiphersFailures() throws Exception {
      JsonNode report = json(evaluate(SCAN, "--format", "json"));

      Map<String, String> smtp = outcomes(report, "10.110.0.50");
      assertEquals("FAIL", smtp.get("PRC-004"));
      assertEquals("FAIL", smtp.get("PRC-005"));
      assertEquals(List.of("services[0].tlsVersions[0] = ssl2", "services[1].tlsVersions[0] = ssl2"),
          evidence(report, "PRC-004", "10.110.0.50", "ssl2"), "SMTP (structured output) and HTTPS (text only)");
      assertEquals(List.of("services[0].weakCiphers = true", "services[1].weakCiphers = true"),
          evidence(report, "PRC-005", "10.110.0.50", "weakCiphers"), "every SSL 2.0 cipher suite is weak");
    }

    @Test
    void aKeyFoundInLittleBlackBoxFailsTheSharedKeyRule() throws Exception {
      JsonNode report = json(evaluate(SCAN, "--format", "json"));

      assertEquals("FAIL", outcomes(report, "10.110.0.51").get("IDN-004"));
      assertTrue(evidence(report, "IDN-004", "10.110.0.51", "keyPublished").stream()
          .allMatch(line -> line.equals("credentials.certificate.keyPublished = true")));
    }

    @Test
    void anOpenOrFilteredUdpPortIsAServiceOfUnknownStateCountedAsPossiblyOpen() throws Exception {
      JsonNode report = json(evaluate(SCAN, "--format", "json"));

      assertEquals(List.of("services[2].authRequired = absent"),
          evidence(report, "INT-001", "10.110.0.50", "services[2]"),
          "snmp on 161/udp answered nothing (open|filtered): not closed, so INT-001 needs its authentication");
    }

    @Test
    void theGateFailsOnTheFindingsWithOrWithoutFailOnUnknown() {
      CliRun lenient = evaluate(SCAN);
      CliRun strict = evaluate(SCAN, "--fail-on-unknown");

      assertEquals(1, lenient.exitCode(), lenient.err());
      assertEquals(1, strict.exitCode(), strict.err());
      assertTrue(lenient.out().contains("FAIL     PRC-004  device/10.110.0.50  device 10.110.0.50 offers an obsolete"
          + " TLS/DTLS or SSL\n"), lenient.out());
      assertTrue(lenient.out().contains("at " + DIR + SCAN + ":23:51\n"), "IDN-004 points at the <host> of 10.110.0.51: "
          + lenient.out());
    }
  }

  /** One host of three has a port number nmap never writes. */
  @Nested
  class OneBadHost {

    private static final String SCAN = "one-bad-host.xml";

    @Test
    void byDefaultTheSourceFailsNamingTheHostAndNothingIsEvaluated() {
      CliRun run = evaluate(SCAN);

      assertEquals(2, run.exitCode(), run.out() + run.err());
      assertEquals("", run.out());
      assertTrue(run.err().startsWith("""
          src/test/resources/e2e-nmap/one-bad-host.xml:13:37: host 10.110.3.11: <port portid="99999"> is not a port \
          number (ports are 1 to 65535; restore the value from the original scan)
          nmap:src/test/resources/e2e-nmap/one-bad-host.xml: 1 record could not be read (fix it, or pass \
          --allow-partial or the source option partial=true to evaluate the others, with the rules of the skipped \
          ones UNKNOWN)
          """), run.err());
    }

    @Test
    void withAllowPartialTheOtherHostsAreEvaluatedAndTheSkippedOneIsUnknown() throws Exception {
      CliRun run = evaluate(SCAN, "--allow-partial", "--format", "json");

      assertEquals(1, run.exitCode(), run.err());
      JsonNode report = json(run);
      assertEquals("FAIL", outcomes(report, "10.110.3.10").get("INT-005"), "telnet on the first host");
      assertEquals("PASS", outcomes(report, "10.110.3.12").get("INT-005"), "ssh only on the third host");
      assertEquals("UNKNOWN", outcomes(report, "10.110.3.11").get("INT-005"),
          "the skipped host's ports were not read: whether it runs telnet is unknown, not 'no'");
      assertEquals(Set.of("UNKNOWN"), Set.copyOf(outcomes(report, "10.110.3.11").values()),
          "nothing of the skipped host was read: no rule fails it on an empty field (SEG-009, OPS-002 would)");
    }

    @Test
    void thePartialSourceOptionDoesTheSameForThatSourceAlone() throws Exception {
      CliRun run = evaluate(SCAN, "--source-option", "partial=true", "--format", "json");

      assertEquals(1, run.exitCode(), run.err());
      assertEquals("UNKNOWN", outcomes(json(run), "10.110.3.11").get("INT-005"));
    }
  }

  private static CliRun evaluate(String scan, String... more) {
    List<String> args = new ArrayList<>(List.of("evaluate", "--source", "nmap:" + DIR + scan));
    args.addAll(List.of(more));
    args.addAll(List.of("--now", NOW));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static JsonNode json(CliRun run) throws Exception {
    return new ObjectMapper().readTree(run.out());
  }

  /** The outcome of each rule for one device. */
  private static Map<String, String> outcomes(JsonNode report, String device) {
    Map<String, String> outcomes = new TreeMap<>();
    for (JsonNode result : report.get("results")) {
      if (result.get("factType").asText().equals("device") && result.get("factId").asText().equals(device)) {
        outcomes.put(result.get("ruleId").asText(), result.get("outcome").asText());
      }
    }
    return outcomes;
  }

  /** {@code FIELD = ACTUAL} of each piece of evidence of one result whose field or value holds {@code containing}. */
  private static List<String> evidence(JsonNode report, String rule, String device, String containing) {
    List<String> lines = new ArrayList<>();
    for (JsonNode result : report.get("results")) {
      if (result.get("ruleId").asText().equals(rule) && result.get("factId").asText().equals(device)) {
        for (JsonNode evidence : result.get("evidence")) {
          String line = evidence.get("field").asText() + " = " + evidence.get("actual").asText();
          if (line.contains(containing)) {
            lines.add(line);
          }
        }
      }
    }
    return lines;
  }
}
