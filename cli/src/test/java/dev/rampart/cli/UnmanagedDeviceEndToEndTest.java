package dev.rampart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * "Start by mapping every device", end to end: {@code rampart evaluate} with an inventory and two real
 * nmap scans (python-libnmap's samples) reports the host that no system of record lists as unmanaged
 * (OPS-007), naming the scan that saw it; the honeypot the inventory lists under another name is one
 * managed device, and a lone scan or a lone inventory leaves nothing unmanaged to report.
 */
class UnmanagedDeviceEndToEndTest {

  private static final String LAB = "src/test/resources/unmanaged/lab.yaml";
  private static final String SAMPLES = "../adapters/nmap/src/test/resources/dev/rampart/adapter/nmap/real-world/";
  private static final String DIONAEA = SAMPLES + "libnmap-dionaea-scan.xml";
  private static final String LOCALHOST = SAMPLES + "libnmap-os-banner-scripts-nmap551.xml";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aScannedHostNoSystemOfRecordListsIsAnUnmanagedDeviceFinding() {
    CliRun run = CliRun.of("evaluate", LAB, "--source", "nmap:" + DIONAEA, "--source", "nmap:" + LOCALHOST,
        "--now", "2026-11-25");

    assertEquals(1, run.exitCode(), run.err());
    assertEquals("""
          FAIL     OPS-007  device/127.0.0.1  device 127.0.0.1 (localhost) was seen by
                   [nmap:../adapters/nmap/src/test/resources/dev/rampart/adapter/nmap/real-world/libnmap-os-
                   banner-scripts-nmap551.xml:7:51] but no system of record lists it
                   presence.recorded = false (expected equals true)
                   at
                     ../adapters/nmap/src/test/resources/dev/rampart/adapter/nmap/real-world/libnmap-os-bann
                     er-scripts-nmap551.xml:7:51
        """, finding(run.out(), "OPS-007"));
  }

  @Test
  void theJsonReportHasEachDevicesVerdictAndTheSourceOfTheEvidence() throws IOException {
    JsonNode report = JSON.readTree(CliRun.of("evaluate", LAB, "--source", "nmap:" + DIONAEA,
        "--source", "nmap:" + LOCALHOST, "--now", "2026-11-25", "--format", "json").out());

    assertEquals(Map.of("honeypot-01", "PASS", "127.0.0.1", "FAIL"), outcomes(report, "OPS-007"),
        "the dionaea host merged into honeypot-01 by its MAC address: one managed device, not two");
    JsonNode evidence = result(report, "OPS-007", "127.0.0.1").path("evidence").get(0);
    assertEquals("nmap:" + LOCALHOST + ":7:51", evidence.path("source").asText());
  }

  @Test
  void aSourceGivenTheSystemOfRecordRoleListsWhatItSaw() throws IOException {
    JsonNode report = JSON.readTree(CliRun.of("evaluate", LAB, "--source", "nmap:" + DIONAEA,
        "--source", "nmap:" + LOCALHOST, "--source-option", "role=systemOfRecord",
        "--now", "2026-11-25", "--format", "json").out());

    assertEquals(Map.of("honeypot-01", "PASS", "127.0.0.1", "PASS"), outcomes(report, "OPS-007"));
  }

  @Test
  void aLoneScanCannotTellWhetherAnInventoryListsTheHost() throws IOException {
    JsonNode report = JSON.readTree(CliRun.of("evaluate", "--source", "nmap:" + LOCALHOST,
        "--now", "2026-11-25", "--format", "json").out());

    assertEquals(Map.of("127.0.0.1", "UNKNOWN"), outcomes(report, "OPS-007"));
  }

  @Test
  void aLoneInventoryListsEveryDeviceItHolds() throws IOException {
    // one inventory file is evaluated as it is read, without the merge: the same verdict
    JsonNode report = JSON.readTree(CliRun.of("evaluate", LAB, "--now", "2026-11-25", "--format", "json").out());

    assertEquals(Map.of("honeypot-01", "PASS"), outcomes(report, "OPS-007"));
  }

  @Test
  void aRoleThatIsNoneIsAnInputError() {
    CliRun run = CliRun.of("evaluate", LAB, "--source", "nmap:" + LOCALHOST, "--source-option", "role=cmdb",
        "--now", "2026-11-25");

    assertEquals(2, run.exitCode());
    assertEquals("nmap:" + LOCALHOST + ": option role is 'cmdb', not a role (write role=systemOfRecord,"
        + " role=discovery or role=description; the nmap source is discovery unless the option says otherwise)\n",
        run.err());
  }

  /** The lines of a rule's findings in the text report, from its FAIL line to the next result. */
  private static String finding(String report, String ruleId) {
    List<String> lines = new ArrayList<>();
    boolean inside = false;
    for (String line : report.split("\n")) {
      if (line.matches("\\s+(FAIL|UNKNOWN|ERROR)\\s+.*")) {
        inside = line.contains(" " + ruleId + " ");
      } else if (line.isBlank()) {
        inside = false;
      }
      if (inside) {
        lines.add(line);
      }
    }
    return String.join("\n", lines) + "\n";
  }

  private static Map<String, String> outcomes(JsonNode report, String ruleId) {
    Map<String, String> outcomes = new TreeMap<>();
    for (JsonNode result : report.path("results")) {
      if (result.path("ruleId").asText().equals(ruleId)) {
        outcomes.put(result.path("factId").asText(), result.path("outcome").asText());
      }
    }
    return outcomes;
  }

  private static JsonNode result(JsonNode report, String ruleId, String factId) {
    for (JsonNode result : report.path("results")) {
      if (result.path("ruleId").asText().equals(ruleId) && result.path("factId").asText().equals(factId)) {
        return result;
      }
    }
    throw new AssertionError("no " + ruleId + " result for " + factId);
  }
}
