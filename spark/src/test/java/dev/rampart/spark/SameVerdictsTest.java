package dev.rampart.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Report;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.EvidenceText;
import dev.rampart.generator.FleetGenerator;
import dev.rampart.generator.FleetSpec;
import dev.rampart.sources.Inventory;
import dev.rampart.sources.SourceSpec;
import dev.rampart.sources.Sources;
import dev.rampart.sources.merge.MergePolicy;
import dev.rampart.spi.fact.Fact;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The law of the module: for any fleet, the evaluation on Spark gives exactly the results the engine
 * gives in one JVM, for every rule and fact (outcome and evidence), uniqueness rules included,
 * however the devices are partitioned and whether their vendors and networks are broadcast or joined
 * by a shuffle.
 */
class SameVerdictsTest {

  private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path directory;

  @Test
  void sparkGivesTheEnginesVerdictsForEveryRuleAndFactWithOneTwoOrSevenPartitionsBroadcastOrShuffled() throws Exception {
    ComplianceEngine engine = ComplianceEngine.builder().pack(RulePacks.builtin("iot-baseline"))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    RampartSpark broadcast = RampartSpark.builder().builtinPack("iot-baseline").now(NOW).allResults(true).build();
    // no reference table broadcast: the devices get their vendors and networks by a shuffled join
    RampartSpark shuffled = RampartSpark.builder().builtinPack("iot-baseline").now(NOW).allResults(true)
        .broadcastRows(0).build();
    qt().withExamples(8).withShrinkCycles(0)
        .forAll(longs().all(), integers().between(1, 150), integers().between(0, 30))
        .checkAssert((seed, devices, sharedPercent) -> {
          try {
            JsonNode fleet = fleet(seed, devices, sharedPercent);
            Set<String> expected = engineVerdicts(engine, fleet);
            for (int partitions : new int[] {1, 2, 7}) {
              assertEquals(expected, sparkVerdicts(broadcast, fleet, partitions), "seed " + seed + ", " + devices
                  + " devices, " + sharedPercent + "% sharing a credential, " + partitions + " partitions");
            }
            assertEquals(expected, sparkVerdicts(shuffled, fleet, 7), "seed " + seed + ", " + devices
                + " devices, " + sharedPercent + "% sharing a credential, 7 partitions, references shuffled");
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  /** A generated fleet in which some devices also share credential fingerprints, so that uniqueness fails. */
  private static JsonNode fleet(long seed, int devices, int sharedPercent) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FleetGenerator.write(FleetSpec.of(devices, seed), out);
    JsonNode fleet = JSON.readTree(out.toByteArray());
    Random random = new Random(seed);
    for (JsonNode device : fleet.get("devices")) {
      if (random.nextInt(100) < sharedPercent && device.get("credentials") instanceof ObjectNode credentials) {
        credentials.put("fingerprint", "SHA256:shared-" + random.nextInt(3));
      }
    }
    return fleet;
  }

  private Set<String> engineVerdicts(ComplianceEngine engine, JsonNode fleet) throws Exception {
    Path file = Files.createTempFile(directory, "fleet", ".json");
    JSON.writeValue(file.toFile(), fleet);
    // read as `rampart evaluate` reads an inventory file: through the sources' Inventory, which also
    // records each device as listed by its system of record
    Inventory inventory = Inventory.read(Sources.discover(), List.of(SourceSpec.parse("inventory:" + file)),
        MergePolicy.defaults(), false);
    assertEquals(List.of(), inventory.problems());
    List<Fact> facts = inventory.facts();
    Report report = engine.evaluate(facts);
    return report.results().stream()
        .map(result -> verdict(result.rule().id(), result.factType().wireName(), result.factId(),
            result.outcome().name(), result.evidence().stream()
                .map(e -> e.field() + "=" + EvidenceText.actual(e) + " (" + EvidenceText.expected(e) + ")").toList()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> sparkVerdicts(RampartSpark spark, JsonNode fleet, int partitions) {
    FactTables.Builder tables = FactTables.builder()
        .devices(LocalSpark.table(list(fleet.get("devices")), partitions))
        .networks(LocalSpark.table(list(fleet.get("networks")), 1))
        .vendors(LocalSpark.table(list(fleet.get("vendors")), 1))
        .deployment(LocalSpark.table(List.of(fleet.get("deployment")), 1));
    SparkEvaluation evaluation = spark.evaluate(tables.build());
    assertEquals(List.of(), evaluation.errors().collectAsList());
    Set<String> verdicts = new TreeSet<>();
    for (Row row : evaluation.results().collectAsList()) {
      List<String> evidence = row.<Row>getList(row.fieldIndex("evidence")).stream()
          .map(e -> e.getString(0) + "=" + e.getString(1) + " (" + e.getString(2) + ")").toList();
      verdicts.add(verdict(row.getString(0), row.getString(2), row.getString(3), row.getString(4), evidence));
    }
    return verdicts;
  }

  private static String verdict(String rule, String type, String id, String outcome, List<String> evidence) {
    return rule + " " + type + " " + id + " " + outcome + " " + evidence;
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }
}
