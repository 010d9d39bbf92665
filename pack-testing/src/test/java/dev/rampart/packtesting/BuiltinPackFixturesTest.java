package dev.rampart.packtesting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.value.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The build runs the built-in pack's own fixtures through the runner behind {@code rampart test}: every
 * expectation must hold, every rule must be seen PASS and FAIL (and UNKNOWN wherever its conditions
 * allow it), and every requirement of the guide must be served by a covered rule.
 */
class BuiltinPackFixturesTest {

  private static final Path SOURCE = Path.of("../rule-packs/src/main/resources/dev/rampart/packs/iot-baseline");

  private static PackTestResult result;

  @BeforeAll
  static void runTheFixtures() {
    result = PackTestRunner.run("iot-baseline");
  }

  @Test
  void theBuiltInPackPassesItsTests() {
    String report = ReportText.of(result);

    assertEquals(List.of(), result.problems());
    assertEquals(PackTestResult.PASSED, result.exitCode(), () -> problemLines(report));
    assertTrue(report.startsWith("Testing iot-baseline "), report);
    assertTrue(report.contains("\nCovered: 92 of 92 rules (seen PASS and FAIL), 44 of 44 requirements;"
        + " UNKNOWN seen in 86 of 86 possible\n"), () -> problemLines(report));
    assertTrue(report.endsWith(" passed, 0 failed\n"), () -> problemLines(report));
  }

  @Test
  void everyExpectationHolds() {
    assertEquals(List.of(), result.problems());
    List<String> mismatches = result.cases().stream().filter(c -> !c.passed())
        .map(c -> c.expectation().place() + ": " + c.expectation().ruleId() + " on " + c.expectation().factId()
            + " expected " + c.expectation().expected() + " but was " + c.actual().outcome() + ": " + c.actual().message())
        .toList();
    assertEquals(List.of(), mismatches);
  }

  @Test
  void everyRuleIsSeenPassFailAndUnknownWhereItCanBe() {
    Coverage coverage = result.coverage().orElseThrow();
    Map<String, String> gaps = new TreeMap<>();
    for (Coverage.RuleCoverage rule : coverage.rules()) {
      if (!rule.covered() || rule.unknownMissing()) {
        gaps.put(rule.rule().id(), "seen only " + rule.seen());
      }
    }

    assertEquals(92, coverage.rules().size());
    assertEquals(Map.of(), gaps);
  }

  @Test
  void onlyRulesThatTestWhetherAFactIsRecordedCannotBeUnknown() {
    Set<String> neverUnknown = result.coverage().orElseThrow().rules().stream().filter(r -> !r.unknownPossible())
        .map(r -> r.rule().id()).collect(Collectors.toCollection(TreeSet::new));

    // PAT-004 and PAT-005 test that lifecycle dates are recorded, OPS-002 that an owner is; IDN-017,
    // SEG-009 and PAT-011 that the device's minimum access, network and update policies are defined
    assertEquals(Set.of("IDN-017", "OPS-002", "PAT-004", "PAT-005", "PAT-011", "SEG-009"), neverUnknown);
  }

  @Test
  void everyRequirementOfTheGuideIsServedByACoveredRule() {
    List<String> guide = IntStream.rangeClosed(1, 44).mapToObj(i -> String.format("G%02d", i)).toList();
    List<Coverage.RequirementCoverage> requirements = result.coverage().orElseThrow().requirements();

    assertEquals(guide, requirements.stream().map(Coverage.RequirementCoverage::id).toList());
    assertEquals(List.of(), requirements.stream().filter(r -> !r.covered()).map(Coverage.RequirementCoverage::id).toList());
  }

  @Test
  void everyRuleHasACompliantANonCompliantAndAnUnknownFactOfItsOwn() {
    Map<String, Set<Outcome>> outcomes = new TreeMap<>();
    result.cases().forEach(c -> outcomes.computeIfAbsent(c.expectation().ruleId(), id -> new TreeSet<>())
        .add(c.expectation().expected()));

    assertEquals(92, outcomes.size());
    outcomes.forEach((rule, seen) -> assertTrue(seen.containsAll(List.of(Outcome.PASS, Outcome.FAIL)), rule + ": " + seen));
  }

  @Test
  void theIndexNamesExactlyTheFixtureFilesOfTheFolder() throws IOException {
    Path tests = SOURCE.resolve("tests");
    Set<String> files;
    try (Stream<Path> listing = Files.list(tests)) {
      files = listing.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".yaml"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> listed = Files.readAllLines(tests.resolve("index.txt"), StandardCharsets.UTF_8).stream()
        .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .collect(Collectors.toCollection(TreeSet::new));

    assertEquals(files, listed, "tests/index.txt must list every fixture file (built-in packs find them through it)");
  }

  @Test
  void thePackReadFromItsSourceFolderGivesTheSameResults() {
    PackTestResult fromFolder = PackTestRunner.run(SOURCE.toString());

    assertEquals(PackTestResult.PASSED, fromFolder.exitCode(), () -> String.join("\n", fromFolder.problems()));
    assertEquals(withoutFirstLine(ReportText.of(result)), withoutFirstLine(ReportText.of(fromFolder)));
  }

  private static String withoutFirstLine(String text) {
    return text.substring(text.indexOf('\n') + 1);
  }

  // the report is long: on failure, show the lines that say what is wrong
  private static String problemLines(String out) {
    return out.lines()
        .filter(line -> line.contains("MISMATCH") || line.startsWith("      ") || line.startsWith("Mismatches")
            || line.startsWith("Missing") || line.startsWith("Never") || line.contains("NOT COVERED")
            || line.contains(" passed, "))
        .collect(Collectors.joining("\n"));
  }
}
