package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rampart evaluate --format oscal:FILE} end to end: the bundled example as OSCAL assessment
 * results beside another report, with the exit codes of any run; the oscal module's own tests
 * validate the document with NIST's library and check what it maps.
 */
class EvaluateOscalTest {

  private static final String EXAMPLE = "../examples/inventory.yaml";
  private static final String NOW = "2026-11-25";

  @TempDir Path dir;

  @Test
  void theBundledExampleAsAssessmentResultsBesideTheJsonReport() throws IOException {
    Path oscal = dir.resolve("assessment-results.json");
    Path json = dir.resolve("report.json");

    CliRun run = CliRun.of("evaluate", EXAMPLE, "--now", NOW, "--format", "oscal:" + oscal, "--format", "json:" + json);

    assertEquals(1, run.exitCode(), "the example fails the gate: " + run.err());
    assertEquals("", run.out());
    JsonNode document = new ObjectMapper().readTree(oscal.toFile()).path("assessment-results");
    assertEquals("1.1.2", document.path("metadata").path("oscal-version").asText());
    assertEquals("2026-11-25T00:00:00Z", document.path("metadata").path("last-modified").asText());
    JsonNode result = document.path("results").get(0);
    assertEquals("Evaluation of ../examples/inventory.yaml", result.path("title").asText());
    JsonNode counts = new ObjectMapper().readTree(json.toFile()).path("summary").path("counts");
    long results = 0;
    for (JsonNode count : counts) {
      results += count.asLong();
    }
    assertEquals(results, result.path("observations").size(), "an observation per result of the JSON report");
    assertEquals(29, result.path("local-definitions").path("inventory-items").size(), "a subject per fact");
    assertEquals("failed", prop(result, "gate"));
  }

  @Test
  void twoRunsOverTheSameInputsAtTheSameTimeWriteTheSameBytes() throws IOException {
    Path first = dir.resolve("first.json");
    Path second = dir.resolve("second.json");

    CliRun.of("evaluate", EXAMPLE, "--now", NOW, "--format", "oscal:" + first);
    CliRun.of("evaluate", EXAMPLE, "--now", NOW, "--format", "oscal:" + second);

    assertEquals(Files.readString(first), Files.readString(second));
  }

  @Test
  void theExitCodeIsTheGatesAsWithEveryFormat() throws IOException {
    Path oscal = dir.resolve("assessment-results.json");

    CliRun run = CliRun.of("evaluate", EXAMPLE, "--now", NOW, "--fail-on", "never", "--format", "oscal:" + oscal);

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("passed", prop(new ObjectMapper().readTree(oscal.toFile()).path("assessment-results")
        .path("results").get(0), "gate"));
  }

  @Test
  void aDirectoryThatDoesNotExistIsFoundBeforeEvaluatingAndNothingIsWritten() throws IOException {
    Path oscal = dir.resolve("missing/assessment-results.json");

    CliRun run = CliRun.of("evaluate", EXAMPLE, "--now", NOW, "--format", "oscal:" + oscal);

    assertEquals(2, run.exitCode());
    assertEquals("rampart: cannot write the oscal report to '" + oscal + "': directory '" + oscal.getParent()
        + "' does not exist (create it first)\n", run.err());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(), files.toList());
    }
  }

  private static String prop(JsonNode node, String name) {
    for (JsonNode prop : node.path("props")) {
      if (prop.path("name").asText().equals(name)) {
        return prop.path("value").asText();
      }
    }
    throw new AssertionError("no prop " + name);
  }
}
