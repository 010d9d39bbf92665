package dev.rampart.engine.properties;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.EngineTestAccess;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.spi.fact.FactType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.quicktheories.QuickTheory;

/** What every property shares: a reproducible QuickTheories set-up, the fixed clock, building engines. */
final class Harness {

  /** The evaluation clock: midnight UTC, so date fields compare with "today" exactly. */
  static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  /**
   * Fixed so that every run checks the same examples and a failure reproduces; run with
   * {@code -Drampart.properties.seed=N} to explore other examples, and with
   * {@code -Drampart.properties.examples=N} to check N examples per property.
   */
  static final long SEED = Long.getLong("rampart.properties.seed", 20261125L);

  /** Each example compiles a knowledge base, so shrinking is bounded to keep failures quick to report. */
  private static final int SHRINK_CYCLES = 200;

  private Harness() {}

  static QuickTheory qt(int examples) {
    return QuickTheory.qt()
        .withFixedSeed(SEED)
        .withExamples(Integer.getInteger("rampart.properties.examples", examples))
        .withShrinkCycles(SHRINK_CYCLES);
  }

  static ComplianceEngine engine(List<GeneratedRule> rules) {
    return engine(rules, Integer.MAX_VALUE);
  }

  /** An engine that evaluates batches in parallel sessions of at most {@code shardSize} devices. */
  static ComplianceEngine engine(List<GeneratedRule> rules, int shardSize) {
    String yaml = GeneratedRule.packYaml(rules);
    try {
      return EngineTestAccess.shardSize(ComplianceEngine.builder(), shardSize)
          .pack(RulePacks.parse(yaml, "generated.yaml"))
          .clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .build();
    } catch (PackLoadException e) {
      throw new AssertionError("the generated pack does not load:\n" + e.getMessage() + "\n" + yaml, e);
    }
  }

  /** The rows only one side has, each labelled with that side's name. */
  static String difference(String leftName, List<Row> left, String rightName, List<Row> right) {
    StringBuilder text = new StringBuilder();
    left.stream().filter(row -> !right.contains(row))
        .forEach(row -> text.append("  only ").append(leftName).append(": ").append(row).append('\n'));
    right.stream().filter(row -> !left.contains(row))
        .forEach(row -> text.append("  only ").append(rightName).append(": ").append(row).append('\n'));
    return text.toString();
  }

  /** What two evaluations must agree on, without the Rule object each result carries. */
  record Row(String ruleId, FactType factType, String factId, Outcome outcome, String message, List<Evidence> evidence) {

    static Row of(RuleResult result) {
      return new Row(result.rule().id(), result.factType(), result.factId(), result.outcome(), result.message(),
          result.evidence());
    }

    static List<Row> of(List<RuleResult> results) {
      return results.stream().map(Row::of).toList();
    }

    @Override
    public String toString() {
      return ruleId + " " + factType.wireName() + " " + factId + ": " + outcome + " \"" + message + "\" " + evidence;
    }
  }
}
