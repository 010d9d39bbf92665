package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.rampart.cli.CliRun;
import dev.rampart.reports.JsonReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code docs/report-schema.json} describes the JSON report exactly: the report of every kind of
 * {@code rampart evaluate} run validates, the schema names the version the report carries, and a
 * field the schema does not know is refused.
 */
class JsonReportSchemaTest {

  private static final Path SCHEMA = Path.of("../docs/report-schema.json");
  private static final String FIXTURES = "src/test/resources/";
  private static final String PACK = FIXTURES + "packs/test-pack.yaml";
  private static final String SITE = FIXTURES + "inventories/site.yaml";
  private static final String MERGE = FIXTURES + "merge/";
  private static final String NOW = "2026-11-25";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema VALIDATOR = load();

  @TempDir static Path dir;

  static Stream<Arguments> runs() throws IOException {
    Path baseline = dir.resolve("baseline.json");
    CliRun recorded = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--write-baseline", baseline.toString(),
        "--format", "json:" + dir.resolve("ignored.json"));
    assertTrue(recorded.exitCode() <= 1, recorded.err());
    return Stream.of(
        Arguments.of("plain", List.of(SITE, "--pack", PACK)),
        Arguments.of("only findings", List.of(SITE, "--pack", PACK, "--only-findings")),
        Arguments.of("no findings", List.of(FIXTURES + "inventories/compliant.yaml", "--pack", PACK)),
        Arguments.of("waivers, one expired", List.of(SITE, "--pack", PACK, "--waivers", FIXTURES + "waivers/site-waivers.yaml",
            "--waivers", FIXTURES + "waivers/expired.yaml")),
        Arguments.of("a waiver not applied: it does not trust the source", List.of(FIXTURES + "waivers/trust/site.yaml",
            "--source", "azure-iot-hub:" + FIXTURES + "waivers/trust/lab.json", "--pack", FIXTURES + "waivers/trust/pack.yaml",
            "--waivers", FIXTURES + "waivers/trust/inventory-only.yaml")),
        Arguments.of("baseline", List.of(FIXTURES + "inventories/unsigned-firmware.yaml", "--pack", PACK,
            "--baseline", baseline.toString())),
        Arguments.of("sources merged, with conflicts", List.of(MERGE + "site.yaml", "--source", "nmap:" + MERGE + "scan.xml",
            "--source", "mud:" + MERGE + "camera-x100.json", "--source-option", "devices=cam-dock-01",
            "--pack", MERGE + "merge-pack.yaml")),
        Arguments.of("a source left out", List.of(MERGE + "site.yaml", "--source", "nmap:" + MERGE + "truncated-scan.xml",
            "--allow-partial", "--pack", MERGE + "merge-pack.yaml")),
        Arguments.of("records skipped", List.of(FIXTURES + "partial-records/cameras.yaml", "--pack", PACK,
            "--allow-partial")),
        Arguments.of("a record of markup skipped, a source left out", List.of(FIXTURES + "partial-records/hostile.yaml",
            "--source", "nmap:" + MERGE + "truncated-scan.xml", "--pack", PACK, "--allow-partial")),
        Arguments.of("a source read in part, with a warning", List.of(SITE, "--source", "partly:cam-09", "--pack", PACK)),
        Arguments.of("incomplete", List.of(SITE, "--pack", PACK, "--max-facts", "3")),
        Arguments.of("tailored pack", List.of(SITE, "--pack", FIXTURES + "packs/tailored-pack.yaml")),
        Arguments.of("built-in pack", List.of(SITE)),
        Arguments.of("a lone scanner: rules not assessed", List.of("--source", "nmap:" + MERGE + "scan.xml")),
        Arguments.of("rules not assessed failing the gate", List.of(FIXTURES + "inventories/compliant.yaml",
            "--pack", FIXTURES + "packs/coverage-pack.yaml", "--fail-on-unknown")),
        Arguments.of("every kind of evidence", List.of(FIXTURES + "inventories/evidence.yaml", "--pack",
            FIXTURES + "packs/evidence-pack.yaml")),
        Arguments.of("markup everywhere", List.of(FIXTURES + "inventories/hostile.yaml", "--pack",
            FIXTURES + "packs/hostile-pack.yaml")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void everyReportValidates(String name, List<String> args) throws IOException {
    JsonNode report = report(args);

    assertEquals(List.of(), problems(report));
  }

  @Test
  void theSchemaDescribesTheVersionTheReportCarries() throws IOException {
    JsonNode schema = JSON.readTree(SCHEMA.toFile());

    assertEquals(JsonReport.SCHEMA_VERSION, schema.at("/properties/schemaVersion/const").asText());
    assertTrue(schema.get("description").asText().contains("A minor version only adds fields"));
  }

  @Test
  void aFieldTheSchemaDoesNotKnowIsRefused() throws IOException {
    ObjectNode report = (ObjectNode) report(List.of(SITE, "--pack", PACK));
    ((ObjectNode) report.get("summary")).put("surprise", true);
    ((ObjectNode) report.get("results").get(0)).put("surprise", true);

    List<String> problems = problems(report);

    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.stream().allMatch(problem -> problem.contains("surprise")), problems.toString());
  }

  @Test
  void aReportWhoseCoverageIsIncompleteMustNameTheRulesNotAssessed() throws IOException {
    ObjectNode report = (ObjectNode) report(List.of("--source", "nmap:" + MERGE + "scan.xml"));
    assertFalse(report.at("/summary/coverage/complete").asBoolean());
    ((ArrayNode) report.at("/summary/coverage/notAssessed")).removeAll();

    assertFalse(problems(report).isEmpty());
  }

  @Test
  void anIncompleteReportMustSayWhy() throws IOException {
    ObjectNode report = (ObjectNode) report(List.of(SITE, "--pack", PACK, "--max-facts", "3"));
    assertFalse(report.at("/summary/complete").asBoolean());
    ((ObjectNode) report.get("summary")).remove("incompleteReason");

    assertFalse(problems(report).isEmpty());
  }

  private static JsonNode report(List<String> args) throws IOException {
    Path file = Files.createTempFile(dir, "report", ".json");
    List<String> all = new ArrayList<>(List.of("evaluate"));
    all.addAll(args);
    all.addAll(List.of("--now", NOW, "--format", "json:" + file));
    CliRun run = CliRun.of(all.toArray(String[]::new));
    assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.err());
    return JSON.readTree(file.toFile());
  }

  private static List<String> problems(JsonNode report) {
    return VALIDATOR.validate(report).stream().map(ValidationMessage::toString).sorted().toList();
  }

  private static JsonSchema load() {
    // formats (date-time, date) are checked too, not only the structure
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    try (InputStream in = Files.newInputStream(SCHEMA)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SCHEMA, e);
    }
  }
}
