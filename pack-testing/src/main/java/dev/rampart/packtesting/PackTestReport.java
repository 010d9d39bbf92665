package dev.rampart.packtesting;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.engine.RulePack;
import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Rule;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Writes a pack test for people: a table of cases per rule (with the evidence of each mismatch),
 * the coverage of rules and requirements, and a summary whose last line is {@code N passed, M failed}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PackTestReport {

  private static final int OUTCOME_WIDTH = Outcome.NOT_APPLICABLE.name().length() + 2;
  private static final String INDENT = "  ";
  private static final String DETAIL = "      ";

  private PackTestReport() {}

  /** Writes the cases, coverage and summary of a pack test that ran. */
  public static void write(PackTestResult result, PrintWriter out) {
    RulePack pack = result.pack().orElseThrow(() -> new IllegalArgumentException("the tests did not run"));
    Coverage coverage = result.coverage().orElseThrow();
    out.println("Testing " + pack.id() + " " + pack.version() + " (" + count(pack.rules().size(), "rule")
        + pack.base().map(base -> ", extends " + base).orElse("") + ") with " + count(result.files(), "fixture file")
        + " from " + (result.folder().isEmpty() ? "its bases' tests"
            : result.folder() + (pack.base().isPresent() ? " and its bases' tests" : "")));
    writeCases(pack, result.cases(), out);
    writeSkipped(pack, result.skipped(), out);
    writeCoverage(coverage, out);
    writeSummary(pack, result, coverage, out);
  }

  /** Writes why the tests could not run: the pack's own problems, or the numbered mistakes in its fixtures. */
  public static void writeProblems(PackTestResult result, PrintWriter err) {
    if (result.pack().isEmpty()) {
      result.problems().forEach(err::println);
      return;
    }
    List<String> problems = result.problems();
    err.println(count(problems.size(), "problem") + " in the tests of pack " + result.pack().get().id()
        + "; nothing was evaluated:");
    for (int i = 0; i < problems.size(); i++) {
      err.println((i + 1) + ". " + problems.get(i));
    }
  }

  private static void writeCases(RulePack pack, List<TestCase> cases, PrintWriter out) {
    Map<String, List<TestCase>> byRule = new LinkedHashMap<>();
    pack.rules().forEach(rule -> byRule.put(rule.id(), new ArrayList<>()));
    cases.forEach(testCase -> byRule.get(testCase.expectation().ruleId()).add(testCase));
    for (Rule rule : pack.rules()) {
      List<TestCase> ruleCases = byRule.get(rule.id());
      out.println();
      out.println(rule.id() + "  " + rule.title());
      if (ruleCases.isEmpty()) {
        out.println(INDENT + "(no cases)");
        continue;
      }
      int factWidth = Math.max("FACT".length(), ruleCases.stream().mapToInt(c -> c.expectation().factId().length()).max()
          .orElse(0)) + 2;
      out.println(INDENT + pad("FACT", factWidth) + pad("EXPECTED", OUTCOME_WIDTH) + pad("ACTUAL", OUTCOME_WIDTH)
          + pad("RESULT", 10) + "FIXTURE");
      for (TestCase testCase : ruleCases) {
        out.println(INDENT + pad(testCase.expectation().factId(), factWidth)
            + pad(testCase.expectation().expected().name(), OUTCOME_WIDTH)
            + pad(testCase.actual().outcome().name(), OUTCOME_WIDTH)
            + pad(testCase.passed() ? "OK" : "MISMATCH", 10) + fixtureName(testCase));
        if (!testCase.passed()) {
          writeMismatch(pack, testCase, out);
        }
      }
    }
  }

  private static void writeMismatch(RulePack pack, TestCase testCase, PrintWriter out) {
    mismatch(pack, testCase).forEach(line -> out.println(DETAIL + line));
  }

  /**
   * What a case that did not give the expected outcome shows: where, the message, the evidence and the
   * {@code rampart explain} command that shows why.
   */
  static List<String> mismatch(RulePack pack, TestCase testCase) {
    List<String> lines = new ArrayList<>();
    lines.add("expected at " + testCase.expectation().place());
    lines.add("fact at " + testCase.factOrigin());
    lines.add("message: " + testCase.actual().message());
    List<Evidence> evidence = testCase.actual().evidence();
    if (evidence.isEmpty()) {
      lines.add("evidence: none (" + testCase.actual().outcome() + " results carry none)");
    }
    for (Evidence item : evidence) {
      // the shared rendering, with the source in brackets
      lines.add("evidence: " + item);
    }
    ExplainInvocation.of(pack, testCase).ifPresent(command -> lines.add("why: " + command));
    testCase.inherited().ifPresent(inheritance -> lines.add(inherited(testCase, inheritance)));
    return lines;
  }

  /** Where a base's case that did not give the expected outcome comes from, and what to do about it. */
  private static String inherited(TestCase testCase, Inheritance inheritance) {
    Expectation expectation = testCase.expectation();
    String from = "inherited from base pack " + inheritance.basePack();
    String replace = "same rule and fact id, e.g. expect: {" + expectation.ruleId() + ": {" + expectation.factId() + ": "
        + testCase.actual().outcome() + "}}";
    if (inheritance.baseGives().filter(expectation.expected()::equals).isPresent()) {
      String changes = inheritance.changedParameters().stream()
          .map(c -> c.name() + " from " + c.baseDefault() + " to " + c.packDefault()).collect(Collectors.joining(", "));
      return from + ", which gives " + expectation.expected() + " with its own parameters: this pack changes "
          + (changes.isEmpty() ? "its parameters" : changes) + " (if " + testCase.actual().outcome()
          + " is right for this pack, replace the case with one in this pack's fixtures: " + replace + ")";
    }
    return from + ", which gives " + inheritance.baseGives().map(Outcome::name).orElse("no result")
        + " itself (the base's fixture is wrong: run rampart test on " + inheritance.basePack() + ")";
  }

  private static void writeSkipped(RulePack pack, List<SkippedCase> skipped, PrintWriter out) {
    Map<String, List<SkippedCase>> byRule = new LinkedHashMap<>();
    skipped.forEach(c -> byRule.computeIfAbsent(c.rule().ruleId(), id -> new ArrayList<>()).add(c));
    for (List<SkippedCase> ruleCases : byRule.values()) {
      SkippedCase first = ruleCases.get(0);
      out.println();
      out.println(first.rule().ruleId() + "  " + first.rule().title());
      out.println(INDENT + skippedLine(pack, first) + ": " + count(ruleCases.size(), "case") + " ("
          + ruleCases.stream().map(c -> c.expectation().factId()).collect(Collectors.joining(", ")) + ")");
    }
  }

  /** {@code skipped: disabled by this pack (REASON)}: why a case of a base's fixtures did not run. */
  static String skippedLine(RulePack pack, SkippedCase skipped) {
    String by = skipped.disabledBy().equals(pack.id()) ? "this pack" : "base pack '" + skipped.disabledBy() + "'";
    return "skipped: disabled by " + by + " (" + skipped.rule().reason() + ")";
  }

  private static String fixtureName(TestCase testCase) {
    return testCase.file().shortName() + testCase.inherited().map(i -> " (" + i.basePack() + ")").orElse("");
  }

  private static void writeCoverage(Coverage coverage, PrintWriter out) {
    out.println();
    out.println("Coverage of rules (each must be seen PASS and FAIL; UNKNOWN is '-' where a rule cannot give it)");
    int idWidth = Math.max("RULE".length(), coverage.rules().stream().mapToInt(r -> r.rule().id().length()).max()
        .orElse(0)) + 2;
    out.println(INDENT + pad("RULE", idWidth) + pad("PASS", 6) + pad("FAIL", 6) + "UNKNOWN");
    for (Coverage.RuleCoverage rule : coverage.rules()) {
      String unknown = rule.seen().contains(Outcome.UNKNOWN) ? "yes" : rule.unknownPossible() ? "no" : "-";
      out.println(INDENT + pad(rule.rule().id(), idWidth) + pad(yesNo(rule.seen().contains(Outcome.PASS)), 6)
          + pad(yesNo(rule.seen().contains(Outcome.FAIL)), 6)
          + (rule.covered() ? unknown : pad(unknown, "UNKNOWN".length() + 2) + "NOT COVERED"));
    }
    out.println();
    out.println("Coverage of requirements (each must be served by a covered rule)");
    int requirementWidth = coverage.requirements().stream().mapToInt(r -> r.id().length()).max().orElse(0) + 2;
    for (Coverage.RequirementCoverage requirement : coverage.requirements()) {
      out.println(INDENT + pad(requirement.id(), requirementWidth)
          + (requirement.covered() ? "covered by " + String.join(", ", requirement.coveredBy())
              : "NOT COVERED (served by " + String.join(", ", requirement.servedBy()) + ", none of them covered)"));
    }
  }

  private static void writeSummary(RulePack pack, PackTestResult result, Coverage coverage, PrintWriter out) {
    List<String> gaps = missingCoverage(coverage);
    List<String> unknownGaps = coverage.rules().stream().filter(Coverage.RuleCoverage::unknownMissing)
        .map(r -> r.rule().id()).toList();
    long rulesCovered = coverage.rules().stream().filter(Coverage.RuleCoverage::covered).count();
    long unknownPossible = coverage.rules().stream().filter(Coverage.RuleCoverage::unknownPossible).count();
    long unknownSeen = coverage.rules().stream()
        .filter(r -> r.unknownPossible() && r.seen().contains(Outcome.UNKNOWN)).count();
    long requirementsCovered = coverage.requirements().stream().filter(Coverage.RequirementCoverage::covered).count();
    out.println();
    if (result.failed() > 0) {
      out.println("Mismatches: " + result.cases().stream().filter(c -> !c.passed())
          .map(c -> c.expectation().ruleId() + " on " + c.expectation().factId()).collect(Collectors.joining(", ")));
    }
    if (!gaps.isEmpty()) {
      out.println("Missing coverage: " + String.join("; ", gaps));
    }
    if (!unknownGaps.isEmpty()) {
      out.println("Never seen UNKNOWN, though they can be (not required): " + String.join(", ", unknownGaps));
    }
    out.println(count(pack.rules().size(), "rule") + ", " + count(result.cases().size(), "case") + ": "
        + result.passed() + " passed, " + result.failed() + " failed"
        + (result.skipped().isEmpty() ? "" : "; " + result.skipped().size() + " skipped (their rules are disabled)")
        + (result.replaced() == 0 ? "" : "; " + result.replaced() + " of the bases' replaced (same rule and fact id)"));
    out.println("Covered: " + rulesCovered + " of " + pack.rules().size() + " rules (seen PASS and FAIL), "
        + requirementsCovered + " of " + coverage.requirements().size() + " requirements; UNKNOWN seen in "
        + unknownSeen + " of " + unknownPossible + " possible");
    out.println(result.passed() + " passed, " + result.failed() + " failed");
  }

  /** Each rule not seen PASS and FAIL, with what it lacks: {@code DEMO-003 lacks FAIL}. */
  static List<String> missingCoverage(Coverage coverage) {
    return coverage.rules().stream().filter(r -> !r.covered()).map(PackTestReport::missingCoverage).toList();
  }

  /** What one rule not seen PASS and FAIL lacks: {@code DEMO-003 lacks FAIL}. */
  static String missingCoverage(Coverage.RuleCoverage rule) {
    return rule.rule().id() + " lacks " + rule.missing().stream().map(Outcome::name).collect(Collectors.joining(" and "));
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
