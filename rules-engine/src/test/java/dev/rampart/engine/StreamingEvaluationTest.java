package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.Network;
import dev.rampart.spi.fact.ServiceState;
import dev.rampart.spi.fact.Zone;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A streamed evaluation reports what a batch evaluation reports, without holding the fleet. */
class StreamingEvaluationTest {

  private ComplianceEngine engine(int shardSize) throws PackLoadException {
    return EngineTestAccess.shardSize(ComplianceEngine.builder(), shardSize)
        .pack(RulePacks.parse(EvaluationTest.PACK, "test.yaml"))
        .clock(Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC))
        .build();
  }

  /** Fifty devices, every fifth sharing a credential with the next, some on a corporate network. */
  private static List<Fact> fleet() {
    List<Fact> facts = new ArrayList<>();
    facts.add(Network.builder("iot").zone(Zone.IOT).build());
    facts.add(Network.builder("corp").zone(Zone.CORPORATE).build());
    for (int i = 0; i < 50; i++) {
      String fingerprint = i % 5 == 0 ? "shared-" + i : i % 5 == 1 ? "shared-" + (i - 1) : "fp-" + i;
      facts.add(EvaluationTest.device("d" + i, i % 7 == 0, fingerprint,
          List.of(EvaluationTest.service(i % 11 == 0 ? 23 : 443, ServiceState.OPEN)),
          List.of(i % 3 == 0 ? "corp" : "iot"), null));
    }
    return facts;
  }

  private static Report stream(ComplianceEngine engine, List<Fact> facts) {
    try (StreamingEvaluation evaluation = engine.startEvaluation(Provenance.none())) {
      facts.forEach(evaluation::add);
      return evaluation.finish();
    }
  }

  @Test
  void streamedResultsEqualBatchResultsWhateverTheShardSize() throws Exception {
    List<RuleResult> batch = engine(Integer.MAX_VALUE).evaluate(fleet()).results();
    for (int shardSize : new int[] {1, 3, 7, 50, 1000}) {
      assertEquals(batch, stream(engine(shardSize), fleet()).results(), "shards of " + shardSize);
      assertEquals(batch, engine(shardSize).evaluate(fleet()).results(), "batch shards of " + shardSize);
    }
  }

  @Test
  void uniquenessSpansEveryShard() throws Exception {
    Report report = stream(engine(1), fleet());
    assertEquals(Outcome.FAIL, outcome(report, "unique-credential", "d0"));
    assertEquals(Outcome.FAIL, outcome(report, "unique-credential", "d1"));
    assertEquals(Outcome.PASS, outcome(report, "unique-credential", "d2"));
  }

  @Nested
  class Refusals {

    @Test
    void aNetworkAfterEvaluatedDevicesIsRefusedWithTheFix() throws Exception {
      try (StreamingEvaluation evaluation = engine(2).startEvaluation(Provenance.none())) {
        evaluation.add(Device.builder("a").build());
        evaluation.add(Device.builder("b").build());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
            () -> evaluation.add(Network.builder("late").build()));
        assertEquals("network 'late' comes after devices that were already evaluated; put networks, vendors and"
            + " deployments before the devices, or evaluate with ComplianceEngine.evaluate", refused.getMessage());
      }
    }

    @Test
    void aNetworkAfterDevicesNotYetEvaluatedIsTaken() throws Exception {
      List<Fact> reordered = new ArrayList<>(fleet().subList(2, 5));
      reordered.addAll(fleet().subList(0, 2));
      try (StreamingEvaluation evaluation = engine(100).startEvaluation(Provenance.none())) {
        reordered.forEach(evaluation::add);
        Report report = evaluation.finish();
        assertEquals(Outcome.FAIL, outcome(report, "iot-segment", "d0"));
        assertEquals(Outcome.PASS, outcome(report, "iot-segment", "d1"));
      }
    }

    @Test
    void aDuplicatedIdFailsTheFinish() throws Exception {
      try (StreamingEvaluation evaluation = engine(1).startEvaluation(Provenance.none())) {
        evaluation.add(Device.builder("twice").build());
        evaluation.add(Device.builder("twice").build());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, evaluation::finish);
        assertEquals("facts must have unique ids per type; duplicated: device 'twice'", refused.getMessage());
      }
    }

    @Test
    void aFinishedEvaluationTakesNoMoreFacts() throws Exception {
      try (StreamingEvaluation evaluation = engine(1).startEvaluation(Provenance.none())) {
        evaluation.finish();
        assertThrows(IllegalStateException.class, () -> evaluation.add(Device.builder("late").build()));
        assertThrows(IllegalStateException.class, evaluation::finish);
      }
    }
  }

  @Test
  void anEmptyStreamGivesAnEmptyReport() throws Exception {
    try (StreamingEvaluation evaluation = engine(1).startEvaluation(Provenance.none())) {
      Report report = evaluation.finish();
      assertEquals(0, report.resultCount());
      assertTrue(report.findings().isEmpty());
    }
  }

  private static Outcome outcome(Report report, String rule, String device) {
    return report.resultsForFact(FactType.DEVICE, device).stream()
        .filter(result -> result.rule().id().equals(rule)).findFirst().orElseThrow().outcome();
  }
}
