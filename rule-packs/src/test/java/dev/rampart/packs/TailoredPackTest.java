package dev.rampart.packs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.adapter.inventory.InventoryFileProvider;
import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Report;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.DisabledRule;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** examples/tailored-pack.yaml: the iot-baseline tailored for Harbourside Works, over the example inventory. */
class TailoredPackTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);

  private static RulePack baseline;
  private static RulePack site;
  private static List<Fact> inventory;

  @BeforeAll
  static void load() throws PackLoadException, SourceException {
    baseline = RulePacks.builtin("iot-baseline");
    site = RulePacks.load(Path.of("../examples/tailored-pack.yaml"));
    inventory = new ArrayList<>();
    new InventoryFileProvider().create(SourceConfig.of("../examples/inventory.yaml"))
        .read((fact, origin) -> inventory.add(fact));
  }

  @Test
  void isOnePackOfTheBaselinesRulesWithoutTheDisabledOneThenTheSiteRule() {
    List<String> expected = new ArrayList<>(baseline.rules().stream().map(Rule::id).filter(id -> !id.equals("IDN-006")).toList());
    expected.add("HBW-001");

    assertEquals("harbourside-site", site.id());
    assertEquals(Optional.of("iot-baseline@" + baseline.version()), site.base());
    assertEquals(expected, site.rules().stream().map(Rule::id).toList());
    assertEquals(List.of("harbourside-site"), site.rules().stream().map(Rule::packId).distinct().toList());
    assertEquals(List.of("IDN-006"), site.disabledRules().stream().map(DisabledRule::ruleId).toList());
    assertTrue(site.disabledRules().get(0).reason().contains("compensating control CC-12"), site.disabledRules().toString());
  }

  @Test
  void theDisabledRuleIsNotEvaluated() throws PackLoadException {
    assertEquals(List.of(), evaluate(site).resultsForRule("IDN-006"));
    assertFalse(evaluate(baseline).resultsForRule("IDN-006").isEmpty());
  }

  @Test
  void theSiteRuleHasAResultForEveryDevice() throws PackLoadException {
    Report report = evaluate(site);

    assertEquals(report.factCounts().get(FactType.DEVICE), (long) report.resultsForRule("HBW-001").size());
    assertEquals(Outcome.PASS, outcome(report, "HBW-001", "plc-line-01"));
    assertEquals(Outcome.NOT_APPLICABLE, outcome(report, "HBW-001", "cam-dock-01"));
  }

  @Test
  void theOverriddenDefaultsTakeEffect() throws PackLoadException {
    Report tailored = evaluate(site);
    Report original = evaluate(baseline);

    // gw-edge-01's certificate expires on 2027-02-01: outside 30 days, inside 90
    assertEquals(Outcome.PASS, outcome(original, "IDN-013", "gw-edge-01"));
    assertEquals(Outcome.FAIL, outcome(tailored, "IDN-013", "gw-edge-01"));
    // plc-line-01 has a 2048-bit RSA key: enough for the baseline, not for the site
    assertEquals(Outcome.PASS, outcome(original, "IDN-007", "plc-line-01"));
    assertEquals(Outcome.FAIL, outcome(tailored, "IDN-007", "plc-line-01"));
  }

  @Test
  void anEngineParameterStillOverridesTheSitesDefault() throws PackLoadException {
    Report report = ComplianceEngine.builder().pack(site).clock(CLOCK).parameter("certExpiryWarning", "P30D").build()
        .evaluate(inventory);

    assertEquals(Outcome.PASS, outcome(report, "IDN-013", "gw-edge-01"));
  }

  private static Report evaluate(RulePack pack) throws PackLoadException {
    return ComplianceEngine.builder().pack(pack).clock(CLOCK).build().evaluate(inventory);
  }

  private static Outcome outcome(Report report, String ruleId, String deviceId) {
    return report.resultsForFact(FactType.DEVICE, deviceId).stream()
        .filter(r -> r.rule().id().equals(ruleId)).findFirst().orElseThrow().outcome();
  }
}
