package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ERROR result (a rule that could not be evaluated on a fact) at or above the {@code --fail-on}
 * severity fails the gate as a FAIL does: text where a rule orders numbers must not turn a violation
 * into a pass. {@code --allow-errors} relaxes that, and only when asked.
 */
class EvaluateErrorGateTest {

  private static final String NOW = "2026-11-25";

  @TempDir Path dir;

  Path pack;
  Path inventory;

  @BeforeEach
  void writeAPackWhoseRuleCannotOrderText() throws IOException {
    pack = Files.writeString(dir.resolve("pack.yaml"), """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: racks, version: "1.0", title: Racks}
        rules:
          - id: RCK-001
            title: Rack numbered from three
            category: operations
            severity: high
            target: device
            assert: {field: attributes.rack, atLeast: 3}
            remediation: Number the racks.
        """);
    inventory = Files.writeString(dir.resolve("site.yaml"), """
        devices:
          - id: cam-01
            attributes: {rack: "A7"}
        """);
  }

  @Test
  void anErrorAtTheThresholdFailsTheGate() {
    CliRun run = CliRun.of("evaluate", inventory.toString(), "--pack", pack.toString(), "--now", NOW);

    assertEquals(1, run.exitCode(), run.out());
    assertTrue(run.out().contains("FAILED: 1 FAIL or ERROR result at severity high or above"
        + " (--fail-on high)"), run.out());
  }

  @Test
  void anErrorFailsTheGateWithFailOnUnknownToo() {
    CliRun run = CliRun.of("evaluate", inventory.toString(), "--pack", pack.toString(), "--now", NOW,
        "--fail-on-unknown");

    assertEquals(1, run.exitCode(), run.out());
  }

  @Test
  void anErrorBelowTheThresholdDoesNot() {
    CliRun run = CliRun.of("evaluate", inventory.toString(), "--pack", pack.toString(), "--now", NOW,
        "--fail-on", "critical");

    assertEquals(0, run.exitCode(), run.out());
  }

  @Test
  void allowErrorsLetsAnErrorPassAndSaysSo() {
    CliRun run = CliRun.of("evaluate", inventory.toString(), "--pack", pack.toString(), "--now", NOW,
        "--allow-errors");

    assertEquals(0, run.exitCode(), run.out());
    assertTrue(run.out().contains("PASSED: no FAIL result at severity high or above (--fail-on high"
        + " --allow-errors)"), run.out());
    CliRun json = CliRun.of("evaluate", inventory.toString(), "--pack", pack.toString(), "--now", NOW,
        "--allow-errors", "--format", "json");
    assertTrue(json.out().contains("\"allowErrors\" : true,"), json.out());
  }

  @Test
  void junitAndSarifShowTheErrorAsAnError() throws IOException {
    Path junit = dir.resolve("report.xml");
    Path sarif = dir.resolve("report.sarif");

    CliRun run = CliRun.of("evaluate", inventory.toString(), "--pack", pack.toString(), "--now", NOW,
        "--format", "junit:" + junit, "--format", "sarif:" + sarif);

    assertEquals(1, run.exitCode(), run.err());
    String xml = Files.readString(junit);
    assertTrue(xml.contains("errors=\"1\""), xml);
    assertTrue(xml.contains("<error "), xml);
    String log = Files.readString(sarif).replaceAll("\\s+", " ");
    assertTrue(log.contains("\"ruleId\" : \"RCK-001\", \"ruleIndex\" : 0, \"kind\" : \"fail\", \"level\" : \"error\""),
        log);
  }
}
