package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.value.Outcome;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code unique} groups the facts by the value compared, so a value shared by a whole fleet costs
 * linear time and memory: each fact joins its group once instead of meeting every other fact. The
 * evidence says how many share the value and cites a few of them; incremental sessions keep every
 * member's result true as duplicates come and go.
 */
class UniqueGroupsTest {

  private static final int FLEET = 20_000;
  private static final String SHARED = "[credentials.fingerprint = fp-shared (shared with 19999 other devices: d00001,"
      + " d00002, d00003, d00004, d00005 and 19994 more) (expected unique)]";

  ComplianceEngine engine() throws Exception {
    return ComplianceEngine.builder().pack(RulePacks.parse(EvaluationTest.PACK, "test.yaml")).build();
  }

  static List<Fact> sharingOneFingerprint(int count) {
    List<Fact> facts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      facts.add(EvaluationTest.device(String.format("d%05d", i), false, "fp-shared", List.of(), List.of(), null));
    }
    return facts;
  }

  @Test
  void aValueSharedByTwentyThousandDevicesIsOneGroup() throws Exception {
    ComplianceEngine engine = engine();
    List<Fact> fleet = sharingOneFingerprint(FLEET);

    Report report = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> engine.evaluate(fleet));

    List<RuleResult> unique = report.findings().stream().filter(r -> r.rule().id().equals("unique-credential")).toList();
    assertEquals(FLEET, unique.size());
    assertEquals(SHARED, unique.get(0).evidence().toString());
    assertEquals("[credentials.fingerprint = fp-shared (shared with 19999 other devices: d00000, d00001, d00002,"
        + " d00003, d00004 and 19994 more) (expected unique)]", unique.get(FLEET - 1).evidence().toString());
  }

  @Test
  void theStreamedTheTimeLimitedAndTheBatchEvaluationAgree() throws Exception {
    ComplianceEngine engine = engine();
    List<Fact> fleet = sharingOneFingerprint(FLEET);

    Report streamed = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      try (StreamingEvaluation evaluation = engine.startEvaluation(Provenance.none())) {
        fleet.forEach(evaluation::add);
        return evaluation.finish();
      }
    });
    Report limited = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> ComplianceEngine.builder()
        .pack(RulePacks.parse(EvaluationTest.PACK, "test.yaml")).timeLimit(Duration.ofMinutes(5)).build()
        .evaluate(fleet));

    assertEquals(SHARED, evidenceOf(streamed, "d00000"));
    assertEquals(SHARED, evidenceOf(limited, "d00000"));
    assertTrue(limited.isComplete());
    assertEquals(FLEET, limited.findings().stream().filter(r -> r.rule().id().equals("unique-credential")).count());
  }

  @Test
  void aSessionKeepsEveryMemberTrueAsDuplicatesComeAndGo() throws Exception {
    try (ComplianceSession session = engine().openSession()) {
      sharingOneFingerprint(3).forEach(session::insert);
      assertEquals("[credentials.fingerprint = fp-shared (shared with 2 other devices: d00001, d00002) (expected"
          + " unique)]", uniqueResult(session, "d00000").evidence().toString());

      session.remove(FactType.DEVICE, "d00001");
      assertEquals("[credentials.fingerprint = fp-shared (shared with 1 other device: d00002) (expected unique)]",
          uniqueResult(session, "d00000").evidence().toString());

      session.remove(FactType.DEVICE, "d00002");
      assertEquals(Outcome.PASS, uniqueResult(session, "d00000").outcome());

      session.insert(EvaluationTest.device("d00009", false, "fp-shared", List.of(), List.of(), null));
      assertEquals("[credentials.fingerprint = fp-shared (shared with 1 other device: d00009) (expected unique)]",
          uniqueResult(session, "d00000").evidence().toString());

      session.update(EvaluationTest.device("d00009", false, "fp-own", List.of(), List.of(), null));
      assertEquals(Outcome.PASS, uniqueResult(session, "d00000").outcome());
      assertEquals(Outcome.PASS, uniqueResult(session, "d00009").outcome());
    }
  }

  @Test
  void aSessionOverALargeGroupStaysLinear() throws Exception {
    try (ComplianceSession session = engine().openSession()) {
      List<Fact> fleet = sharingOneFingerprint(FLEET);
      assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
        fleet.forEach(session::insert);
        session.remove(FactType.DEVICE, "d00001");
        assertEquals("[credentials.fingerprint = fp-shared (shared with 19998 other devices: d00002, d00003, d00004,"
            + " d00005, d00006 and 19993 more) (expected unique)]", uniqueResult(session, "d00000").evidence().toString());
      });
    }
  }

  private static RuleResult uniqueResult(ComplianceSession session, String id) {
    return session.resultsFor(FactType.DEVICE, id).stream()
        .filter(r -> r.rule().id().equals("unique-credential")).findFirst().orElseThrow();
  }

  private static String evidenceOf(Report report, String id) {
    return report.findings().stream()
        .filter(r -> r.rule().id().equals("unique-credential") && r.factId().equals(id))
        .findFirst().orElseThrow().evidence().toString();
  }
}
