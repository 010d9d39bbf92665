package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.EvaluationStatistics.Phase;
import dev.rampart.engine.value.Outcome;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.Origin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every report carries its statistics: facts, rules, results by outcome, and the time of each phase. */
class ReportStatisticsTest {

  private final EvaluationTest fixtures = new EvaluationTest();

  @Test
  void aBatchReportCountsWhatItCoveredAndTimesEachPhase() throws Exception {
    List<Fact> fleet = fixtures.fleet();
    Report report = fixtures.engine().evaluate(fleet, (type, id, path) -> Origin.of("inventory", "site.yaml"));

    EvaluationStatistics statistics = report.statistics();

    assertEquals(report.factCounts(), statistics.facts());
    assertEquals(fleet.size(), statistics.factCount());
    assertEquals(fixtures.engine().rules().size(), statistics.rules());
    assertEquals(report.counts(), statistics.results());
    assertEquals(report.resultCount(), statistics.resultCount());
    assertEquals(List.of(Phase.CHECK_FACTS, Phase.EVALUATE_RULES, Phase.ATTRIBUTE_SOURCES, Phase.BUILD_REPORT),
        List.copyOf(statistics.durations().keySet()));
    assertTrue(statistics.durations().values().stream().noneMatch(Duration::isNegative));
    assertEquals(statistics.durations().values().stream().reduce(Duration.ZERO, Duration::plus), statistics.duration());
  }

  @Test
  void sessionAndStreamingReportsTimeThePhasesTheyGoThrough() throws Exception {
    ComplianceEngine engine = fixtures.engine();
    Report session;
    try (ComplianceSession open = engine.openSession()) {
      fixtures.fleet().forEach(open::insert);
      session = open.report();
    }
    Report streamed;
    try (StreamingEvaluation evaluation = engine.startEvaluation(Provenance.none())) {
      fixtures.fleet().forEach(evaluation::add);
      streamed = evaluation.finish();
    }

    assertEquals(List.of(Phase.EVALUATE_RULES, Phase.BUILD_REPORT), List.copyOf(session.statistics().durations().keySet()));
    assertEquals(List.of(Phase.EVALUATE_RULES, Phase.BUILD_REPORT), List.copyOf(streamed.statistics().durations().keySet()));
    assertEquals(session.counts(), session.statistics().results());
    assertEquals(streamed.statistics().results(), session.statistics().results());
  }

  @Test
  void statisticsAreImmutableAndKeptByAReportWithWaivers() throws Exception {
    Report report = fixtures.engine().evaluate(fixtures.fleet());
    EvaluationStatistics statistics = report.statistics();

    assertThrows(UnsupportedOperationException.class, () -> statistics.results().put(Outcome.PASS, 0L));
    assertThrows(UnsupportedOperationException.class, () -> statistics.facts().put(FactType.DEVICE, 0L));
    assertThrows(UnsupportedOperationException.class, () -> statistics.durations().clear());
    assertEquals(statistics, report.withWaivers(List.of(), fixtures.fleet()).statistics());
    assertEquals(Map.of(), new EvaluationStatistics(Map.of(), 0, Map.of(), Map.of()).durations());
    assertEquals(Duration.ZERO, new EvaluationStatistics(Map.of(), 0, Map.of(), Map.of()).duration());
  }
}
