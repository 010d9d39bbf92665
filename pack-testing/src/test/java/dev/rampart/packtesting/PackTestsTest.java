package dev.rampart.packtesting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * {@link PackTests} in a JUnit 5 build, as a team with its own pack uses it: each test class below is
 * the five-line test of docs/pack-testing.md, run here through the JUnit Platform launcher, and every
 * test it reports is listed with its status and, when it failed, its message.
 */
class PackTestsTest {

  private static final String PACKS = "src/test/resources/packtest/";

  /** Set only by the launches below, so the build's own run skips the classes they launch. */
  private static final String LAUNCHED = "rampart.packtests.launched";

  @Test
  void everyCaseOfTheBuiltInPackIsATestOfItsOwnAndAllPass() {
    List<String> tests = launch(BuiltinPack.class);

    int cases = PackTestRunner.run("iot-baseline").cases().size();
    assertEquals(cases + 1, tests.size());
    assertEquals(List.of(), tests.stream().filter(test -> !test.startsWith("SUCCESSFUL ")).toList());
    assertEquals("SUCCESSFUL PRC-001 Device has a hardware root of trust / prc-001-pass: PASS (procurement.yaml)",
        tests.get(0));
    assertEquals("SUCCESSFUL coverage: every rule is seen PASS and FAIL", tests.get(tests.size() - 1));
  }

  @Test
  void aMismatchFailsItsOwnCaseWithTheRunnersMessageAndMissingCoverageFailsTheCoverageTest() {
    assertEquals("""
        FAILED DEMO-001 No default password / cam-01: PASS (devices.yaml): DEMO-001 on cam-01
          expected at src/test/resources/packtest/failing/tests/devices.yaml:11:14
          fact at src/test/resources/packtest/failing/tests/devices.yaml:4:7
          message: cam-01 still has its default password
          evidence: credentials.defaultPassword = true (expected equals false)
          why: rampart explain --rule DEMO-001 --fact cam-01 --pack src/test/resources/packtest/failing/pack.yaml \
        --now 2026-11-25T00:00:00Z --source inventory:src/test/resources/packtest/failing/tests/devices.yaml \
        --source-option embeddedAt=facts
         ==> expected: <PASS> but was: <FAIL>
        SUCCESSFUL DEMO-002 Data kept no longer than the limit / cam-01: PASS (devices.yaml)
        SUCCESSFUL DEMO-002 Data kept no longer than the limit / cam-02: FAIL (devices.yaml)
        SUCCESSFUL DEMO-003 Documented owner / cam-01: PASS (devices.yaml)
        FAILED coverage: every rule is seen PASS and FAIL: Missing coverage (add a fixture case for each): \
        DEMO-001 lacks PASS and FAIL; DEMO-003 lacks FAIL
        """, String.join("\n", launch(FailingPack.class)) + "\n");
  }

  @Test
  void mistakesInThePackOrItsFixturesFailOneTestThatListsThemAll() {
    List<String> tests = launch(BrokenFixtures.class);

    assertEquals(1, tests.size());
    assertEquals("""
        FAILED the tests of packtest-demo can be read: 11 problems in the tests of pack packtest-demo; nothing was \
        evaluated:
        1. src/test/resources/packtest/bad-fixtures/tests/bad-inventory.yaml:4:21: facts.devices[0] (id \
        'cam-01').credentials: unknown field 'defaultPasword' (did you mean 'defaultPassword'?)""",
        tests.get(0).lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow());
    assertEquals(List.of("FAILED the tests of no-such-pack can be read: 1 problem in rule pack:"),
        launch(MissingPack.class).stream().map(test -> test.lines().findFirst().orElseThrow()).toList());
  }

  @Test
  void aTailoredPacksSkippedCasesAreAbortedWithTheReason() {
    List<String> tests = launch(TailoredPack.class);

    assertEquals(List.of(
            "ABORTED DEMO-003 Documented owner / cam-01: PASS (devices.yaml): skipped: disabled by this"
                + " pack (owners are kept in the asset register, not in the inventory)",
            "ABORTED DEMO-003 Documented owner / cam-02: FAIL (devices.yaml): skipped: disabled by this"
                + " pack (owners are kept in the asset register, not in the inventory)"),
        tests.stream().filter(test -> !test.startsWith("SUCCESSFUL ")).toList());
    assertEquals(PackTestRunner.run(PACKS + "tailored/pack.yaml").cases().size() + 3, tests.size());
  }

  /** Launches one test class and lists each test it ran: status, the containers above it, its name and message. */
  private static List<String> launch(Class<?> testClass) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectClass(testClass))
        .configurationParameter(LAUNCHED, "true")
        .build();
    List<String> tests = new ArrayList<>();
    LauncherFactory.create().execute(request, new TestExecutionListener() {
      private TestPlan plan;

      @Override
      public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
      }

      @Override
      public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
          tests.add(result.getStatus() + " " + name(plan, test)
              + result.getThrowable().map(failure -> ": " + failure.getMessage()).orElse(""));
        }
      }
    });
    return tests;
  }

  /** The display names from below the test factory down to the test, joined with " / ". */
  private static String name(TestPlan plan, TestIdentifier test) {
    String name = test.getDisplayName();
    TestIdentifier parent = plan.getParent(test).orElseThrow();
    while (!parent.getUniqueIdObject().getLastSegment().getType().equals("test-factory")) {
      name = parent.getDisplayName() + " / " + name;
      parent = plan.getParent(parent).orElseThrow();
    }
    return name;
  }

  /** Runs the classes below only when a test above launches them. */
  static final class OnlyWhenLaunched implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(LAUNCHED).isPresent()
          ? ConditionEvaluationResult.enabled("launched by PackTestsTest")
          : ConditionEvaluationResult.disabled("run only when PackTestsTest launches it");
    }
  }

  @ExtendWith(OnlyWhenLaunched.class)
  static class BuiltinPack {
    @TestFactory
    Stream<DynamicNode> fixtures() {
      return PackTests.of("iot-baseline");
    }
  }

  @ExtendWith(OnlyWhenLaunched.class)
  static class FailingPack {
    @TestFactory
    Stream<DynamicNode> fixtures() {
      return PackTests.of(PACKS + "failing/pack.yaml");
    }
  }

  @ExtendWith(OnlyWhenLaunched.class)
  static class BrokenFixtures {
    @TestFactory
    Stream<DynamicNode> fixtures() {
      return PackTests.of(PACKS + "bad-fixtures/pack.yaml");
    }
  }

  @ExtendWith(OnlyWhenLaunched.class)
  static class TailoredPack {
    @TestFactory
    Stream<DynamicNode> fixtures() {
      return PackTests.of(PACKS + "tailored/pack.yaml");
    }
  }

  @ExtendWith(OnlyWhenLaunched.class)
  static class MissingPack {
    @TestFactory
    Stream<DynamicNode> fixtures() {
      return PackTests.of("no-such-pack");
    }
  }
}
