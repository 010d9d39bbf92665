package dev.rampart.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Report;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.value.Category;
import dev.rampart.engine.value.Outcome;
import dev.rampart.sources.Inventory;
import dev.rampart.sources.References;
import dev.rampart.sources.SourceSpec;
import dev.rampart.sources.Sources;
import dev.rampart.sources.merge.MergePolicy;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetGeneratorTest {

  private static final FleetSpec SPEC = FleetSpec.of(1000, 42);

  @TempDir static Path directory;

  private static FleetSummary summary;
  private static List<Fact> facts;
  private static Report report;

  @BeforeAll
  static void generateReadAndEvaluate() throws Exception {
    Path file = directory.resolve("fleet.json");
    summary = FleetGenerator.write(SPEC, file);
    // read as rampart evaluate reads it, so each device is what the merged view makes it (recorded, here)
    facts = Inventory.read(Sources.discover(), List.of(SourceSpec.parse("inventory:" + file)),
        MergePolicy.defaults(), false).facts();
    ComplianceEngine engine = ComplianceEngine.builder()
        .pack(RulePacks.builtin("iot-baseline"))
        .clock(Clock.fixed(SPEC.asOf().atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC))
        .build();
    report = engine.evaluate(facts);
  }

  @Test
  void theSameSpecWritesTheSameBytes() throws IOException {
    assertArrayEquals(bytes(SPEC), bytes(FleetSpec.of(1000, 42)));
  }

  @Test
  void anotherSeedWritesAnotherFleet() throws IOException {
    assertFalse(java.util.Arrays.equals(bytes(SPEC), bytes(FleetSpec.of(1000, 43))));
  }

  @Test
  void factsComeInProportionAndEveryReferenceResolves() throws IOException {
    assertEquals(1000, count(FactType.DEVICE));
    assertEquals(2 + 1, count(FactType.NETWORK), "two IoT segments of 500 devices and the corporate LAN");
    assertEquals(1, count(FactType.VENDOR));
    assertEquals(1, count(FactType.DEPLOYMENT));
    assertEquals(List.of(), References.dangling(facts));
    assertEquals(summary.bytes(), (long) bytes(SPEC).length);
  }

  @Test
  void between5And15PercentOfDevicesFailARule() {
    long failing = devicesWith(Outcome.FAIL).size();
    assertTrue(failing >= 50 && failing <= 150, failing + " of 1000 devices fail a rule");
    assertEquals(summary.devicesWithViolations(), failing,
        "exactly the devices the generator gave a violation fail a rule; the others are compliant");
  }

  @Test
  void everyCategoryOfTheBuiltInPackHasFindings() {
    Set<Category> failing = report.results().stream()
        .filter(result -> result.outcome() == Outcome.FAIL && result.factType() == FactType.DEVICE)
        .map(result -> result.rule().category())
        .collect(Collectors.toSet());
    assertEquals(Set.copyOf(Category.builtIns()), failing);
  }

  @Test
  void sharedCredentialsFailUniquenessInPairs() {
    long sharing = report.resultsForRule("IDN-003").stream().filter(r -> r.outcome() == Outcome.FAIL).count();
    assertTrue(summary.sharedCredentialPairs() > 0, "the fleet has shared credentials");
    assertEquals(2 * summary.sharedCredentialPairs(), sharing);
  }

  @Test
  void devicesWithFieldsLeftOutAreUnknownNotPassed() {
    Set<String> unknown = devicesWith(Outcome.UNKNOWN);
    assertTrue(summary.devicesWithMissingFields() > 10, summary.devicesWithMissingFields() + " devices miss a field");
    assertEquals(summary.devicesWithMissingFields(), unknown.size(), "devices with an UNKNOWN result: " + unknown);
  }

  private static Set<String> devicesWith(Outcome outcome) {
    Set<String> ids = new TreeSet<>();
    for (RuleResult result : report.results()) {
      if (result.factType() == FactType.DEVICE && result.outcome() == outcome) {
        ids.add(result.factId());
      }
    }
    return ids;
  }

  private static long count(FactType type) {
    return facts.stream().filter(fact -> fact.type() == type).count();
  }

  private static byte[] bytes(FleetSpec spec) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FleetGenerator.write(spec, out);
    return out.toByteArray();
  }
}
