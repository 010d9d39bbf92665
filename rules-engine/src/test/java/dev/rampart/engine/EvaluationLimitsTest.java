package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.value.Outcome;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvaluationLimitsTest {

  final EvaluationTest fixtures = new EvaluationTest();

  ComplianceEngine.Builder builder() throws Exception {
    return ComplianceEngine.builder().pack(RulePacks.parse(EvaluationTest.PACK, "test.yaml"));
  }

  static List<Fact> devices(int count) {
    List<Fact> facts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      facts.add(EvaluationTest.device(String.format("d%05d", i), i % 7 == 0, "fp-" + i, List.of(), List.of(), null));
    }
    return facts;
  }

  @Test
  void anUnboundedEvaluationIsComplete() throws Exception {
    Report report = builder().build().evaluate(fixtures.fleet());
    assertTrue(report.isComplete());
    assertEquals(Optional.empty(), report.incompleteReason());
  }

  @Test
  void aFactLimitStopsThereAndTheReportSaysItIsIncomplete() throws Exception {
    Report report = builder().maxFacts(1500).build().evaluate(devices(3000));

    assertFalse(report.isComplete());
    assertEquals(Optional.of("stopped at the fact limit of 1500: 1500 of 3000 facts evaluated"), report.incompleteReason());
    assertEquals(1500L, report.factCounts().get(FactType.DEVICE));
    // nothing unevaluated appears as a pass: results exist only for the facts evaluated
    assertEquals(1500 * 5, report.results().size());
  }

  @Test
  void aTimeLimitStopsBetweenBatchesAndNeverPassesWhatItDidNotEvaluate() throws Exception {
    Report report = builder().timeLimit(Duration.ofNanos(1)).build().evaluate(devices(3000));

    assertFalse(report.isComplete());
    assertEquals(Optional.of("stopped at the time limit of PT0.000000001S: 0 of 3000 facts evaluated"), report.incompleteReason());
    assertEquals(0, report.count(Outcome.PASS));
  }

  @Test
  void limitsThatAreNotReachedGiveTheSameReportAsNoLimits() throws Exception {
    List<Fact> facts = fixtures.fleet();
    Report bounded = builder().maxFacts(10_000).timeLimit(Duration.ofMinutes(5)).build().evaluate(facts);
    Report unbounded = builder().build().evaluate(facts);
    assertTrue(bounded.isComplete());
    assertEquals(unbounded.results(), bounded.results());
  }
}
