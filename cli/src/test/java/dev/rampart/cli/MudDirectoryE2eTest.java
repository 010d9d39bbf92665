package dev.rampart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code rampart evaluate --source mud:DIRECTORY} where one MUD file of three cannot be read: the source fails naming
 * the file's devices, or with {@code --allow-partial} the devices of the other files are evaluated and the skipped
 * ones stand in with their allowlist unknown. The files are described in
 * {@code src/test/resources/e2e-nmap/PROVENANCE.md}.
 */
class MudDirectoryE2eTest {

  private static final String MUDS = "src/test/resources/e2e-nmap/muds";

  @Test
  void byDefaultTheSourceFailsNamingTheFileAndEachOfItsDevices() {
    CliRun run = evaluate();

    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("""
        src/test/resources/e2e-nmap/muds/doorbell-d1.json:14:75: access list 'd1-fr'.aces.ace[0] ('cloud').matches.\
        ipv6.destination-ipv6-network: '192.168.1.1' is not an IPv6 network (write an IPv6 prefix such as \
        2001:db8::/32; an IPv4 network goes in destination-ipv4-network under ipv4)
        src/test/resources/e2e-nmap/muds/doorbell-d1.json: device 'bell-02': its MUD file could not be read \
        (fix the problems listed for device 'bell-01')
        mud:src/test/resources/e2e-nmap/muds: 2 records could not be read (fix them, or pass --allow-partial or \
        the source option partial=true to evaluate the others, with the rules of the skipped ones UNKNOWN)
        """), run.err());
  }

  @Test
  void withAllowPartialTheOtherFilesAreEvaluatedAndTheSkippedDevicesStandIn() throws Exception {
    CliRun run = evaluate("--allow-partial", "--format", "json");

    JsonNode report = new ObjectMapper().readTree(run.out());
    assertEquals(List.of("cam-01 PASS"), outcomes(report, "SEG-009", "cam-01"), "the camera's MUD file was read");
    assertEquals(List.of("bell-01 UNKNOWN", "bell-02 UNKNOWN"), outcomes(report, "SEG-005", "bell-"),
        "the doorbells are evaluated, not absent, though their allowlist could not be read");
  }

  private static CliRun evaluate(String... more) {
    List<String> args = new ArrayList<>(List.of("evaluate", "--source", "mud:" + MUDS,
        "--source-option", "devices.camera-x100=cam-01", "--source-option", "devices.doorbell-d1=bell-01,bell-02"));
    args.addAll(List.of(more));
    args.addAll(List.of("--now", "2026-12-07"));
    return CliRun.of(args.toArray(String[]::new));
  }

  /** {@code ID OUTCOME} of one rule for each device whose id starts with {@code devices}. */
  private static List<String> outcomes(JsonNode report, String rule, String devices) {
    List<String> outcomes = new ArrayList<>();
    for (JsonNode result : report.get("results")) {
      if (result.get("ruleId").asText().equals(rule) && result.get("factId").asText().startsWith(devices)) {
        outcomes.add(result.get("factId").asText() + " " + result.get("outcome").asText());
      }
    }
    return outcomes;
  }
}
