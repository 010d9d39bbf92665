package dev.rampart.sparkjob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Report;
import dev.rampart.engine.RulePacks;
import dev.rampart.reports.Evaluation;
import dev.rampart.reports.Gate;
import dev.rampart.reports.JsonReport;
import dev.rampart.sources.Inventory;
import dev.rampart.sources.SourceSpec;
import dev.rampart.sources.Sources;
import dev.rampart.sources.merge.MergePolicy;
import dev.rampart.generator.FleetGenerator;
import dev.rampart.generator.FleetSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on the tables of a generated fleet finds exactly what {@code rampart evaluate --only-findings}
 * finds on the same fleet's inventory file (read, evaluated and written as the CLI does: the inventory
 * source, the engine, the JSON report), and its gate gives the same exit code.
 */
class JobEndToEndTest {

  private static final FleetSpec FLEET = FleetSpec.of(2000, 17);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path directory;

  private static SparkSession spark;
  private static Path report;
  private static int cliExit;
  private static Path out;
  private static int jobExit;
  private static String jobErr;

  @BeforeAll
  static void evaluateTheFleetBothWays() throws Exception {
    Path file = directory.resolve("fleet.json");
    FleetGenerator.write(FLEET, file);
    Path tables = directory.resolve("tables");
    FleetGenerator.writeTables(FLEET, tables);

    // what 'rampart evaluate fleet.json --only-findings --format json:report.json' does, through the libraries
    // it wires (the CLI is built after this module, whose jar its tests check)
    report = directory.resolve("report.json");
    Inventory inventory = Inventory.read(Sources.discover(), List.of(SourceSpec.parse("inventory:" + file)),
        MergePolicy.defaults(), false);
    Report evaluated = ComplianceEngine.builder()
        .pack(RulePacks.builtin("iot-baseline"))
        .clock(Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC))
        .build()
        .evaluate(inventory.facts());
    Gate gate = Gate.parse("high");
    try (Writer writer = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
      JsonReport.onlyFindings().write(Evaluation.builder(evaluated).inventory(inventory).gate(gate).build(), writer);
    }
    cliExit = gate.failed(evaluated) ? JobExit.GATE_FAILED : JobExit.OK;

    spark = SparkSession.builder().master("local[2]").appName("rampart-job-e2e")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").config("spark.sql.shuffle.partitions", "3").getOrCreate();
    out = directory.resolve("out");
    StringWriter err = new StringWriter();
    jobExit = RampartSparkJob.run(new String[] {"evaluate", "--tables", tables.toString(), "--out", out.toString(),
        "--format", "jsonl", "--now", "2026-11-25"}, new PrintWriter(new StringWriter()), new PrintWriter(err),
        () -> spark);
    jobErr = err.toString();
  }


  @Test
  void theJobFindsExactlyWhatTheCliFinds() throws IOException {
    List<String> cli = new ArrayList<>();
    for (JsonNode result : JSON.readTree(report.toFile()).get("results")) {
      cli.add(finding(result));
    }
    List<String> job = new ArrayList<>();
    for (String line : resultLines()) {
      job.add(finding(JSON.readTree(line)));
    }

    assertTrue(cli.size() > 100, cli.size() + " findings: the fleet has violations of every kind");
    TreeSet<String> missing = new TreeSet<>(cli);
    job.forEach(missing::remove);
    TreeSet<String> extra = new TreeSet<>(job);
    cli.forEach(extra::remove);
    assertEquals("", String.join("\n", missing.stream().limit(10).toList()), "findings of the CLI the job lacks");
    assertEquals("", String.join("\n", extra.stream().limit(10).toList()), "findings of the job the CLI lacks");
    assertEquals(cli.stream().sorted().toList(), job.stream().sorted().toList(), "each finding as often");
  }

  @Test
  void theGateAndTheCountsAreTheCli() throws IOException {
    JsonNode cli = JSON.readTree(report.toFile()).get("summary");
    JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());

    assertEquals(cliExit, jobExit, jobErr);
    assertEquals(cliExit, summary.get("gate").get("exitCode").asInt());
    assertEquals("high", summary.get("gate").get("failOn").asText());
    assertEquals("2026-11-25T00:00:00Z", summary.get("now").asText());
    Map<String, Long> outcomes = new TreeMap<>();
    summary.get("byOutcome").fields().forEachRemaining(e -> outcomes.put(e.getKey(), e.getValue().asLong()));
    Map<String, Long> expected = new TreeMap<>();
    cli.get("counts").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asLong()));
    assertEquals(expected, outcomes);
  }

  @Test
  void theResultsAreJsonLinesFilesAndTheMarkerOfAWholeWrite() throws IOException {
    try (Stream<Path> files = Files.list(out.resolve("results"))) {
      List<String> others = files.map(file -> file.getFileName().toString())
          .filter(name -> !name.matches("part-\\d{5}-.*\\.jsonl") && !name.equals("_SUCCESS")).sorted().toList();
      assertEquals(List.of(), others);
    }
  }

  private static String finding(JsonNode result) {
    return String.join(" | ", result.get("ruleId").asText(), result.get("factType").asText(),
        result.get("factId").asText(), result.get("outcome").asText(), result.get("message").asText());
  }

  private static List<String> resultLines() throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(out.resolve("results"))) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
        lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
    }
    return lines;
  }
}
