package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.value.Outcome;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A listener hears of every finding a session adds, changes or removes, and of every finding a streaming evaluation finds. */
class FindingListenerTest {

  private final List<String> heard = Collections.synchronizedList(new ArrayList<>());
  private final FindingListener listener = event -> heard.add(event.kind() + " " + event.finding().rule().id() + " "
      + event.finding().factId() + (event.before() == null ? "" : " " + event.before().outcome())
      + (event.after() == null ? "" : " -> " + event.after().outcome()));

  private static ComplianceEngine engine() throws Exception {
    return EngineTestAccess.shardSize(ComplianceEngine.builder(), 3)
        .pack(RulePacks.parse(EvaluationTest.PACK, "test.yaml"))
        .clock(Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC))
        .build();
  }

  private static Device device(String id, Boolean defaultPassword) {
    return EvaluationTest.device(id, defaultPassword, "fp-" + id, List.of(), List.of(), null);
  }

  @Test
  void aSessionTellsOfFindingsAddedChangedAndRemovedWhenItsResultsAreBroughtUpToDate() throws Exception {
    try (ComplianceSession session = engine().openSession(listener)) {
      session.insert(device("cam-1", true));
      session.insert(device("cam-2", false));
      assertEquals(List.of(), heard, "told before the results were brought up to date");

      session.report();
      List<String> first = List.copyOf(heard);
      heard.clear();
      session.update(device("cam-1", null));
      session.update(device("cam-2", true));
      session.resultsFor(FactType.DEVICE, "cam-1");
      List<String> second = List.copyOf(heard);
      heard.clear();
      session.remove(FactType.DEVICE, "cam-1");
      session.update(device("cam-2", false));
      session.report();
      session.report();

      assertTrue(first.contains("ADDED no-default-password cam-1 -> FAIL"), first.toString());
      assertTrue(second.contains("CHANGED no-default-password cam-1 FAIL -> UNKNOWN"), second.toString());
      assertTrue(second.contains("ADDED no-default-password cam-2 -> FAIL"), second.toString());
      assertTrue(heard.contains("REMOVED no-default-password cam-2 FAIL"), heard.toString());
      assertTrue(heard.contains("REMOVED no-default-password cam-1 UNKNOWN"), heard.toString());
      List<String> third = List.copyOf(heard);
      heard.clear();
      session.report();
      assertEquals(List.of(), heard, "told again of what had not changed");
      assertTrue(third.stream().noneMatch(e -> e.startsWith("ADDED") || e.startsWith("CHANGED")), third.toString());
    }
  }

  @Test
  void aStreamingEvaluationTellsOfEveryFindingOfItsReport() throws Exception {
    List<Fact> fleet = EvaluationLimitsTest.devices(20);
    Report report;
    try (StreamingEvaluation evaluation = engine().startEvaluation(Provenance.none(), listener)) {
      fleet.forEach(evaluation::add);
      report = evaluation.finish();
    }

    List<String> expected = report.findings().stream()
        .map(r -> "ADDED " + r.rule().id() + " " + r.factId() + " -> " + r.outcome()).sorted().toList();
    assertEquals(expected, heard.stream().sorted().toList());
    assertTrue(expected.size() > 10, expected.toString());
  }

  @Test
  void anEventSaysWhatHappenedAndRefusesWhatCannotBe() throws Exception {
    RuleResult fail = engine().evaluate(List.of(device("cam-1", true))).findings().get(0);

    assertEquals(FindingEvent.Kind.ADDED, FindingEvent.of(null, fail).kind());
    assertEquals(FindingEvent.Kind.REMOVED, FindingEvent.of(fail, null).kind());
    assertEquals(Outcome.FAIL, FindingEvent.of(fail, fail).finding().outcome());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new FindingEvent(FindingEvent.Kind.ADDED, fail, fail));
    assertEquals("ADDED needs only the finding after", e.getMessage());
  }
}
