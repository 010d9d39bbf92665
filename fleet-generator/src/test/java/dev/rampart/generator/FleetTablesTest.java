package dev.rampart.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Report;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.Outcome;
import dev.rampart.sources.Inventory;
import dev.rampart.sources.SourceSpec;
import dev.rampart.sources.Sources;
import dev.rampart.sources.merge.MergePolicy;
import dev.rampart.spi.fact.Fact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetTablesTest {

  private static final FleetSpec SPEC = FleetSpec.of(1000, 42);

  @TempDir Path directory;

  @Test
  void theTablesHoldTheSameFactsAsTheInventoryFile() throws Exception {
    Path file = directory.resolve("fleet.json");
    FleetSummary written = FleetGenerator.write(SPEC, file);
    Path tables = directory.resolve("tables");
    FleetSummary tabled = FleetGenerator.writeTables(SPEC, tables, 300);

    // the tables' lines, put back into one inventory document, read as rampart evaluate reads fleet.json
    Path rebuilt = directory.resolve("rebuilt.json");
    Files.writeString(rebuilt, "{\"deployment\":" + String.join("", lines(tables, FleetTables.DEPLOYMENT))
        + ",\"vendors\":[" + String.join(",", lines(tables, FleetTables.VENDORS))
        + "],\"networks\":[" + String.join(",", lines(tables, FleetTables.NETWORKS))
        + "],\"devices\":[" + String.join(",", lines(tables, FleetTables.DEVICES)) + "]}");
    assertEquals(factLines(file), lines(tables, FleetTables.DEPLOYMENT, FleetTables.VENDORS, FleetTables.NETWORKS,
        FleetTables.DEVICES), "each table line is byte for byte the fact's line in fleet.json");
    assertEquals(findings(file), findings(rebuilt), "the same facts read through the inventory adapter");
    assertEquals(written.devicesWithViolations(), tabled.devicesWithViolations());
    assertEquals(written.violations(), tabled.violations());
  }

  @Test
  void aLargeTableIsWrittenInPartsAndEveryTableHasOne() throws IOException {
    Path tables = directory.resolve("tables");
    FleetSummary summary = FleetGenerator.writeTables(SPEC, tables, 300);

    assertEquals(List.of("deployment/part-00000.jsonl", "devices/part-00000.jsonl", "devices/part-00001.jsonl",
        "devices/part-00002.jsonl", "devices/part-00003.jsonl", "networks/part-00000.jsonl",
        "vendors/part-00000.jsonl"), files(tables));
    assertEquals(List.of(1000, 3, 1, 1), List.of(lines(tables, FleetTables.DEVICES).size(),
        lines(tables, FleetTables.NETWORKS).size(), lines(tables, FleetTables.VENDORS).size(),
        lines(tables, FleetTables.DEPLOYMENT).size()));
    long bytes = 0;
    for (String name : files(tables)) {
      bytes += Files.size(tables.resolve(name));
    }
    assertEquals(bytes, summary.bytes());
  }

  @Test
  void aDirectoryThatIsNotEmptyIsRefusedAndLeftAsItWas() throws IOException {
    Path tables = Files.createDirectory(directory.resolve("tables"));
    Files.writeString(tables.resolve("notes.txt"), "mine");

    FileAlreadyExistsException refused =
        assertThrows(FileAlreadyExistsException.class, () -> FleetGenerator.writeTables(SPEC, tables));

    assertEquals(tables + ": the directory is not empty", refused.getMessage());
    assertEquals(List.of("notes.txt"), files(tables));
    assertEquals(List.of("tables"), files(directory).stream()
        .map(name -> name.substring(0, name.indexOf('/'))).distinct().toList(), "no staging directory left behind");
  }

  @Test
  void anEmptyDirectoryIsFilled() throws IOException {
    Path tables = Files.createDirectory(directory.resolve("tables"));

    FleetGenerator.writeTables(FleetSpec.of(10, 1), tables);

    assertEquals(10, lines(tables, FleetTables.DEVICES).size());
  }

  /** Every result other than PASS, as the fields a report shows; the places in the files differ, the rest must not. */
  private static List<String> findings(Path inventory) throws Exception {
    List<Fact> facts = Inventory.read(Sources.discover(), List.of(SourceSpec.parse("inventory:" + inventory)),
        MergePolicy.defaults(), false).facts();
    Report report = ComplianceEngine.builder()
        .pack(RulePacks.builtin("iot-baseline"))
        .clock(Clock.fixed(SPEC.asOf().atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC))
        .build()
        .evaluate(facts);
    return report.results().stream()
        .filter(result -> result.outcome() != Outcome.PASS)
        .map(result -> String.join(" | ", result.rule().id(), result.factType().toString(), result.factId(),
            result.outcome().toString(), result.message()))
        .sorted()
        .toList();
  }

  /** The facts of fleet.json, one a line: the deployment from the first line, then the lines of the lists. */
  private static List<String> factLines(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String first = lines.get(0);
    List<String> facts = new ArrayList<>();
    facts.add(first.substring("{\"deployment\":".length(), first.length() - ",\"vendors\":[".length()));
    lines.stream()
        .filter(line -> line.startsWith("{\"id\""))
        .map(line -> line.endsWith(",") ? line.substring(0, line.length() - 1) : line)
        .forEach(facts::add);
    return facts;
  }

  private static List<String> lines(Path tables, String... names) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String name : names) {
      lines.addAll(lines(tables, name));
    }
    return lines;
  }

  private static List<String> lines(Path tables, String table) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String part : files(tables.resolve(table))) {
      lines.addAll(Files.readAllLines(tables.resolve(table).resolve(part), StandardCharsets.UTF_8));
    }
    return lines;
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(Files::isRegularFile).map(path -> root.relativize(path).toString().replace('\\', '/'))
          .sorted().toList();
    }
  }
}
