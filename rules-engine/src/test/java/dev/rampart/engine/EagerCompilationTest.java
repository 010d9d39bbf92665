package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.spi.fact.Fact;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An engine compiled eagerly compiles nothing more when it first evaluates a large fleet or opens a session. */
class EagerCompilationTest {

  private static ComplianceEngine engine(boolean eagerly) throws Exception {
    return EngineTestAccess.shardSize(ComplianceEngine.builder(), 10)
        .pack(RulePacks.parse(EvaluationTest.PACK, "test.yaml"))
        .compileEagerly(eagerly)
        .build();
  }

  private static void useEverything(ComplianceEngine engine) {
    List<Fact> fleet = EvaluationLimitsTest.devices(30);
    engine.evaluate(fleet);
    try (ComplianceSession session = engine.openSession()) {
      fleet.forEach(session::insert);
      session.report();
    }
  }

  @Test
  void anEagerEngineCompilesEveryRuleBaseAtBuild() throws Exception {
    ComplianceEngine engine = engine(true);
    int compiled = engine.ruleBasesCompiled();

    useEverything(engine);

    // all rules at once, the two kinds of shard, the incremental session's, and one group comparing devices
    assertEquals(5, compiled);
    assertEquals(compiled, engine.ruleBasesCompiled());
  }

  @Test
  void aLazyEngineCompilesOnFirstUse() throws Exception {
    ComplianceEngine engine = engine(false);
    assertEquals(1, engine.ruleBasesCompiled());

    useEverything(engine);

    assertTrue(engine.ruleBasesCompiled() > 1);
    assertEquals(engine(true).evaluate(EvaluationLimitsTest.devices(30)).results(),
        engine.evaluate(EvaluationLimitsTest.devices(30)).results());
  }
}
