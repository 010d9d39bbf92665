package dev.rampart.packtesting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.engine.RulePack;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code rampart explain} command under a mismatch carries the fixture's clock and parameters, so
 * that it explains the result the test saw, and is quoted for a POSIX shell.
 */
class ExplainInvocationTest {

  private static final String PACKS = "src/test/resources/packtest/";

  @Test
  void carriesTheFixturesTimeAndParameters() {
    PackTestResult result = PackTestRunner.run(PACKS + "passing/pack.yaml");
    TestCase tuned = result.cases().stream().filter(c -> c.file().shortName().equals("strict-limit.yaml"))
        .findFirst().orElseThrow();

    assertEquals(Optional.of("rampart explain --rule DEMO-002 --fact cam-01 --pack " + PACKS + "passing/pack.yaml"
        + " --now 2027-01-01T00:00:00Z --param maxRetentionDays=20 --source inventory:" + PACKS
        + "passing/tests/strict-limit.yaml --source-option embeddedAt=facts"),
        ExplainInvocation.of(result.pack().orElseThrow(), tuned));
  }

  @Test
  void quotesWhatAShellWouldSplitOrExpand() {
    PackTestResult result = PackTestRunner.run(PACKS + "passing/pack.yaml");
    TestCase any = result.cases().get(0);
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("owners", "Facilities, O'Brien");
    TestCase quoted = new TestCase(new FixtureFile(any.file().path(), "my tests/$HOME.yaml"), any.expectation(),
        any.actual(), any.factOrigin(), any.now(), parameters);

    assertEquals(Optional.of("rampart explain --rule DEMO-001 --fact cam-01 --pack " + PACKS + "passing/pack.yaml"
        + " --now 2026-11-25T00:00:00Z --param 'owners=Facilities, O'\\''Brien'"
        + " --source 'inventory:my tests/$HOME.yaml' --source-option embeddedAt=facts"),
        ExplainInvocation.of(result.pack().orElseThrow(), quoted));
  }

  @Test
  void aBuiltInPacksFixturesAreInsideTheJarSoThereIsNoCommand() {
    PackTestResult result = PackTestRunner.run("iot-baseline");
    RulePack pack = result.pack().orElseThrow();

    assertEquals(Optional.empty(), ExplainInvocation.of(pack, result.cases().get(0)));
  }
}
