package dev.rampart.packtesting;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.RulePack;
import dev.rampart.engine.value.Rule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.FileSystems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * A rule pack's fixtures as JUnit 5 tests, for a team that keeps its own pack in its own build: each
 * case is a test of its own, grouped by rule, and one more test fails when a rule is not seen PASS and
 * FAIL. Mistakes in the pack or its fixtures fail one test that lists them all.
 *
 * <pre>{@code
 * class AcmePackTest {
 *   @TestFactory
 *   Stream<DynamicNode> fixtures() {
 *     return PackTests.of("src/main/rampart/acme/pack.yaml");
 *   }
 * }
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class PackTests {

  private static final String DETAIL = "\n  ";

  private PackTests() {}

  /** The tests of a built-in pack (by id) or a pack file (by path), from the fixtures in its {@code tests/} folder. */
  public static Stream<DynamicNode> of(String idOrPath) {
    return of(PackTestRunner.run(idOrPath));
  }

  /** The tests of a pack that was run already. */
  public static Stream<DynamicNode> of(PackTestResult result) {
    if (!result.problems().isEmpty()) {
      StringWriter problems = new StringWriter();
      PackTestReport.writeProblems(result, new PrintWriter(problems));
      String name = "the tests of " + result.pack().map(RulePack::id).orElse(result.given()) + " can be read";
      return Stream.of(DynamicTest.dynamicTest(name, () -> Assertions.fail(problems.toString().strip())));
    }
    RulePack pack = result.pack().get();
    Map<String, List<DynamicNode>> byRule = new LinkedHashMap<>();
    pack.rules().forEach(rule -> byRule.put(rule.id(), new ArrayList<>()));
    result.cases().forEach(testCase -> byRule.get(testCase.expectation().ruleId()).add(test(pack, testCase)));
    List<DynamicNode> nodes = new ArrayList<>();
    for (Rule rule : pack.rules()) {
      List<DynamicNode> cases = byRule.get(rule.id());
      if (!cases.isEmpty()) {
        nodes.add(DynamicContainer.dynamicContainer(rule.id() + " " + rule.title(), cases));
      }
    }
    // a base's cases of the rules a tailored pack disabled: aborted, so JUnit shows them skipped with the reason
    Map<String, List<DynamicNode>> skipped = new LinkedHashMap<>();
    for (SkippedCase skippedCase : result.skipped()) {
      Expectation expectation = skippedCase.expectation();
      String why = PackTestReport.skippedLine(pack, skippedCase);
      skipped.computeIfAbsent(skippedCase.rule().ruleId() + " " + skippedCase.rule().title(), rule -> new ArrayList<>())
          .add(DynamicTest.dynamicTest(expectation.factId() + ": " + expectation.expected() + " ("
              + skippedCase.file().shortName() + ")", source(skippedCase.file()), () -> Assumptions.abort(why)));
    }
    skipped.forEach((rule, cases) -> nodes.add(DynamicContainer.dynamicContainer(rule, cases)));
    nodes.add(coverage(result.coverage().orElseThrow()));
    return nodes.stream();
  }

  private static DynamicTest test(RulePack pack, TestCase testCase) {
    Expectation expectation = testCase.expectation();
    String name = expectation.factId() + ": " + expectation.expected() + " (" + testCase.file().shortName() + ")";
    return DynamicTest.dynamicTest(name, source(testCase.file()), () -> Assertions.assertEquals(expectation.expected(),
        testCase.actual().outcome(), () -> expectation.ruleId() + " on " + expectation.factId() + DETAIL
            + String.join(DETAIL, PackTestReport.mismatch(pack, testCase)) + "\n"));
  }

  private static DynamicTest coverage(Coverage coverage) {
    return DynamicTest.dynamicTest("coverage: every rule is seen PASS and FAIL", () -> {
      List<String> gaps = PackTestReport.missingCoverage(coverage);
      if (!gaps.isEmpty()) {
        Assertions.fail("Missing coverage (add a fixture case for each): " + String.join("; ", gaps));
      }
    });
  }

  // an IDE opens a fixture file on disk from its test; one inside a jar has no place it could open
  private static @Nullable URI source(FixtureFile file) {
    return file.path().getFileSystem() == FileSystems.getDefault() ? file.path().toUri() : null;
  }
}
