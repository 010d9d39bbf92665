package dev.rampart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence through the command line as issue 11 found it wrong: a value that reads like an absence,
 * negation shown as text juggling, an ERROR that named no field; and the documented applicability
 * guard, which made the documentation's own example fail {@code rampart test}.
 */
class EvidenceEndToEndTest {

  private static final String PACK = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata: {id: evidence, version: "1.0", title: Evidence}
      rules:
        - id: NOT-ABSENTIA
          title: No absentia model
          category: identity
          severity: high
          target: device
          assert: {not: {field: model, equals: absentia}}
        - id: NOT-OPEN
          title: No open state
          category: interfaces
          severity: high
          target: device
          assert: {anyOf: services, where: {not: {field: state, notEquals: closed}}}
        - id: DESTINATIONS-IN-RANGE
          title: Destinations in range
          category: segmentation
          severity: high
          target: device
          assert: {allOf: outboundDestinations, where: {inCidr: ["10.0.0.0/8"]}}
      """;

  private static final String INVENTORY = """
      devices:
        - id: cam-1
          model: absentia
          services:
            - {port: 80, state: open}
          outboundDestinations: [10.1.2.3, banana]
      """;

  @TempDir Path dir;

  @Test
  void theTextReportShowsTheValueTheNegationAndTheFieldThatCouldNotBeCompared() throws IOException {
    CliRun run = CliRun.of("evaluate", write("site.yaml", INVENTORY), "--pack", write("pack.yaml", PACK),
        "--now", "2026-11-25", "--fail-on", "never");

    assertEquals("", run.err());
    assertEquals("""
          FAIL     NOT-ABSENTIA  device/cam-1  No absentia model
                   model = absentia (expected notEquals absentia)
                   at DIR/site.yaml:2:5
          FAIL     NOT-OPEN  device/cam-1  No open state
                   services[0].state = open (expected equals closed)
                   at DIR/site.yaml:2:5
          ERROR    DESTINATIONS-IN-RANGE  device/cam-1  evaluation failed: outboundDestinations[1]: 'banana'
                   is not an IP address or network
                   outboundDestinations[1] = banana (expected inCidr [10.0.0.0/8])
                   at DIR/site.yaml:2:5
        """, findings(run.out()).replace(dir.toString(), "DIR"));
  }

  @Test
  void theJsonReportHoldsTheEvidenceAsData() throws IOException {
    CliRun run = CliRun.of("evaluate", write("site.yaml", INVENTORY), "--pack", write("pack.yaml", PACK),
        "--now", "2026-11-25", "--fail-on", "never", "--format", "json", "--only-findings");

    JsonNode results = new ObjectMapper().readTree(run.out()).get("results");
    assertEquals("""
        {"field":"model","actual":"absentia","expected":"notEquals absentia","source":"inventory:DIR/site.yaml:2:5",\
        "absent":false,"operator":"equals","operand":{"kind":"literal","text":"absentia"},"negated":true}
        {"field":"services[0].state","actual":"open","expected":"equals closed","source":"inventory:DIR/site.yaml:2:5",\
        "absent":false,"operator":"notEquals","operand":{"kind":"literal","text":"closed"},"negated":true}
        {"field":"outboundDestinations[1]","actual":"banana","expected":"inCidr [10.0.0.0/8]",\
        "source":"inventory:DIR/site.yaml:2:5","absent":false,"operator":"inCidr",\
        "operand":{"kind":"literal","text":"[10.0.0.0/8]"},"negated":false}
        """, evidence(results).replace(dir.toString(), "DIR"));
  }

  @Test
  void theDocumentedRuleAndFixturePassRampartTest() throws IOException {
    Path pack = dir.resolve("doc-pack");
    Files.createDirectories(pack.resolve("tests"));
    Files.writeString(pack.resolve("pack.yaml"), """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: documented, version: "1.0", title: The documented example}
        parameters:
          certExpiryWarning: {type: duration, default: P30D}
        rules:
        """ + block(Path.of("../docs/rule-pack-format.md"), "  - id: IDN-001"));
    Files.writeString(pack.resolve("tests/identity.yaml"), block(Path.of("../docs/pack-testing.md"), "# identity.yaml"));

    CliRun run = CliRun.of("test", pack.resolve("pack.yaml").toString());

    assertEquals(0, run.exitCode(), run.out() + run.err());
  }

  // The findings of the text report: the lines from the first outcome to the summary.
  private static String findings(String report) {
    StringBuilder lines = new StringBuilder();
    boolean inFindings = false;
    for (String line : report.split("\n")) {
      inFindings |= line.startsWith("  FAIL") || line.startsWith("  ERROR");
      if (line.isBlank() && inFindings) {
        continue;
      }
      if (line.startsWith("Summary") || line.startsWith("HIGH") && inFindings) {
        inFindings = line.startsWith("HIGH") && inFindings;
        if (line.startsWith("Summary")) {
          break;
        }
        continue;
      }
      if (inFindings) {
        lines.append(line).append('\n');
      }
    }
    return lines.toString();
  }

  private static String evidence(JsonNode results) {
    StringBuilder text = new StringBuilder();
    results.forEach(result -> result.get("evidence").forEach(e -> text.append(e).append('\n')));
    return text.toString();
  }

  // A fenced YAML example of a doc, from the line that starts it to the end of its block.
  private static String block(Path doc, String start) throws IOException {
    String text = Files.readString(doc);
    int from = text.indexOf(start);
    return text.substring(from, text.indexOf("```", from));
  }

  private String write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text).toString();
  }
}
