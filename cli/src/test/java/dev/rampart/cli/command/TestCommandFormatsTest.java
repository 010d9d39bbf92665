package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.rampart.cli.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code rampart test --format junit:FILE|json:FILE}: the files CI reads, beside the table on standard
 * output (their contents are stated by pack-testing's PackTestOutputsTest). The JUnit XML has the shape
 * the reports module's JUnit test checks; the JSON validates against {@code docs/pack-test-schema.json}.
 */
class TestCommandFormatsTest {

  private static final String PACKS = "../pack-testing/src/test/resources/packtest/";
  private static final Path JUNIT_SHAPE = Path.of("../reports/src/test/resources/schemas/junit-xml-shape.xsd");
  private static final Path JSON_SCHEMA = Path.of("../docs/pack-test-schema.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"passing", "failing", "no-tests", "bad-fixtures", "iot-baseline", "no-such-pack", "tailored",
      "tailored-unreplaced"})
  void bothFilesAreWrittenBesideTheTableAndMatchTheirSchemas(String pack) throws Exception {
    Path xml = dir.resolve("tests.xml");
    Path json = dir.resolve("tests.json");
    String named = pack.startsWith("iot-") || pack.startsWith("no-such") ? pack : PACKS + pack + "/pack.yaml";

    CliRun run = CliRun.of("test", named, "--format", "junit:" + xml, "--format", "json:" + json);
    CliRun plain = CliRun.of("test", named);

    assertEquals(plain.out(), run.out());
    assertEquals(plain.err(), run.err());
    assertEquals(plain.exitCode(), run.exitCode());
    SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(JUNIT_SHAPE.toFile()).newValidator()
        .validate(new StreamSource(xml.toFile()));
    assertEquals(List.of(), violations(JSON.readTree(json.toFile())));
  }

  @Test
  void theJsonSchemaRefusesAFieldItDoesNotKnow() throws Exception {
    Path json = dir.resolve("tests.json");
    CliRun.of("test", PACKS + "failing/pack.yaml", "--format", "json:" + json);
    JsonNode document = JSON.readTree(json.toFile());
    ((ObjectNode) document.get("packs").get(0).get("cases").get(0)).put("expectedOutcome", "PASS");

    assertEquals(List.of("$.packs[0].cases[0]: property 'expectedOutcome' is not defined in the schema and the schema"
        + " does not allow additional properties"), violations(document));
  }

  @Test
  void aFormatOtherThanJunitOrJsonOrWithoutAFileIsAUsageError() {
    CliRun html = CliRun.of("test", PACKS + "passing", "--format", "html:tests.html");
    CliRun stdout = CliRun.of("test", PACKS + "passing", "--format", "junit");
    CliRun twice = CliRun.of("test", PACKS + "passing", "--format", "junit:" + dir.resolve("t"), "--format",
        "json:" + dir.resolve("t"));

    assertTrue(html.err().startsWith("rampart test writes junit or json reports, not html (use --format junit:FILE"
        + " or --format json:FILE; the table goes to standard output)\n"), html.err());
    assertTrue(stdout.err().startsWith("--format junit names no file; the table goes to standard output (use"
        + " --format junit:FILE)\n"), stdout.err());
    assertTrue(twice.err().startsWith("Two --format options write to '" + dir.resolve("t") + "'; give each its own"
        + " file\n"), twice.err());
    assertEquals(List.of(2, 2, 2), List.of(html.exitCode(), stdout.exitCode(), twice.exitCode()));
    assertEquals("", html.out() + stdout.out() + twice.out());
  }

  @Test
  void aFileThatCannotBeWrittenIsNamedBeforeAnythingRuns() {
    Path file = dir.resolve("missing/tests.xml");

    CliRun run = CliRun.of("test", PACKS + "passing", "--format", "junit:" + file);

    assertEquals("rampart: cannot write the junit report to '" + file + "': directory '" + file.getParent()
        + "' does not exist (create it first)\n", run.err());
    assertEquals("", run.out());
    assertEquals(2, run.exitCode());
  }

  private static List<String> violations(JsonNode document) throws IOException {
    try (InputStream in = Files.newInputStream(JSON_SCHEMA)) {
      JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
      return schema.validate(document).stream().map(ValidationMessage::toString).sorted().toList();
    }
  }
}
