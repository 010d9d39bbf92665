package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.cli.CliRun;
import dev.rampart.cli.WaiverTrust;
import dev.rampart.sources.Sources;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A waiver's {@code where} matches only a value from a source it trusts: the inventory says cam-lab-01
 * keeps its default password, and an Azure IoT Hub export merged into it tags it {@code env: lab}. A
 * waiver of lab devices that trusts only the inventory (the default) leaves the FAIL standing and says
 * why; one that trusts {@code azure-iot-hub} too accepts it.
 */
class EvaluateWaiverTrustTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aTagFromAnUntrustedSourceWaivesNothingAndTheReportSaysWhy() {
    CliRun run = WaiverTrust.evaluate("inventory-only.yaml");

    assertEquals("", run.err());
    assertEquals(1, run.exitCode(), "the FAIL stays and fails the gate");
    assertEquals("""
        rampart dev: evaluated 1 fact (1 device) at 2026-11-25T00:00:00Z
        Pack: trust-test 1.0.0 (Waiver trust test pack) from src/test/resources/waivers/trust/pack.yaml

        CRITICAL (1 finding)
          FAIL     TRU-001  device/cam-lab-01  cam-lab-01 still accepts its factory default password
                   credentials.defaultPassword = true (expected equals false)
                   waiver at src/test/resources/waivers/trust/inventory-only.yaml:5:5 not applied:
                     attributes.env came from azure-iot-hub:src/test/resources/waivers/trust/lab.json:2:3,
                     which this waiver does not trust (add azure-iot-hub to its trustedSources)
                   at src/test/resources/waivers/trust/site.yaml:3:5

        Summary
          Results   1: 0 PASS, 1 FAIL, 0 UNKNOWN, 0 NOT_APPLICABLE, 0 ERROR
          Findings  identity 1
          Gate      FAILED: 1 FAIL or ERROR result at severity high or above (--fail-on high)
        """, run.out());
  }

  @Test
  void theJsonReportListsTheWaiverNotAppliedWithTheSourceAndTheFix() throws IOException {
    CliRun run = WaiverTrust.evaluate("inventory-only.yaml", "--format", "json");

    JsonNode result = JSON.readTree(run.out()).at("/results/0");
    assertEquals(1, run.exitCode());
    assertEquals(false, result.get("waived").asBoolean());
    assertEquals(WaiverTrust.NOT_APPLIED_JSON, result.get("waiversNotApplied").toString());
  }

  @Test
  void aWaiverTrustingTheAzureExportAcceptsTheFinding() throws IOException {
    CliRun run = WaiverTrust.evaluate("trusting-azure.yaml");

    assertEquals("", run.err());
    assertEquals(0, run.exitCode());
    assertEquals("""
        rampart dev: evaluated 1 fact (1 device) at 2026-11-25T00:00:00Z
        Pack: trust-test 1.0.0 (Waiver trust test pack) from src/test/resources/waivers/trust/pack.yaml

        No findings other than waived ones.

        Waived (1 result)
          FAIL     TRU-001  device/cam-lab-01  cam-lab-01 still accepts its factory default password
                   waived until 2026-12-31, approved by jane.doe (CISO): Lab devices never reach production
                   at src/test/resources/waivers/trust/site.yaml:3:5
                   waiver at src/test/resources/waivers/trust/trusting-azure.yaml:5:5

        Summary
          Results   1: 0 PASS, 1 FAIL, 0 UNKNOWN, 0 NOT_APPLICABLE, 0 ERROR
          Findings  identity 1
          Waived    1: 1 FAIL, 0 UNKNOWN
          Gate      PASSED: no FAIL or ERROR result at severity high or above (--fail-on high)
        """, run.out());
    JsonNode result =
        JSON.readTree(WaiverTrust.evaluate("trusting-azure.yaml", "--format", "json").out()).at("/results/0");
    assertEquals(true, result.get("waived").asBoolean());
    assertEquals(null, result.get("waiversNotApplied"));
  }

  @Test
  void aSourceTypeNoAdapterProvidesStopsTheRun() {
    CliRun run = WaiverTrust.evaluate("misspelt-source.yaml");

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertEquals("""
        src/test/resources/waivers/trust/misspelt-source.yaml:5:5: waiver TRU-001: trustedSources names \
        'azure-iothub', which is no fact source type (available: %s)
        """.formatted(String.join(", ", Sources.discover().ids())), run.err());
  }
}
