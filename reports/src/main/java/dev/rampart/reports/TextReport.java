package dev.rampart.reports;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.AppliedWaiver;
import dev.rampart.engine.AssessmentCoverage;
import dev.rampart.engine.Report;
import dev.rampart.engine.RequirementAssessment;
import dev.rampart.engine.RequirementStatus;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.UntrustedMatch;
import dev.rampart.engine.Waiver;
import dev.rampart.engine.value.Category;
import dev.rampart.engine.value.DisabledRule;
import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.EvidenceText;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Rule;
import dev.rampart.engine.value.Severity;
import dev.rampart.reports.baseline.Baseline;
import dev.rampart.sources.FailedSource;
import dev.rampart.sources.merge.Conflict;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.SkippedRecord;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The report for people: findings grouped by severity (critical first) and then by fact, each with
 * its evidence, followed by counts and the gate's verdict. Lines fit a 100-column terminal.
 */
@API(status = STABLE, since = "0.1")
public final class TextReport implements ReportWriter {

  /** The terminal width every line fits in. */
  public static final int WIDTH = 100;

  private static final String FINDING_INDENT = "  ";
  private static final int OUTCOME_WIDTH = 8;
  private static final String DETAIL_INDENT = " ".repeat(FINDING_INDENT.length() + OUTCOME_WIDTH + 1);
  private static final int MIN_MESSAGE_WIDTH = 30;
  private static final String SUMMARY_INDENT = "  ";
  private static final int SUMMARY_LABEL_WIDTH = 10;

  private static final String RESET = "\u001B[0m";
  private static final String BOLD = "\u001B[1m";
  private static final String DIM = "\u001B[2m";
  private static final String RED = "\u001B[31m";
  private static final String GREEN = "\u001B[32m";
  private static final String YELLOW = "\u001B[33m";
  private static final String MAGENTA = "\u001B[35m";

  private final boolean colour;

  private TextReport(boolean colour) {
    this.colour = colour;
  }

  /** A report of plain text, for files, pipes and tests. */
  public static TextReport plain() {
    return new TextReport(false);
  }

  /** A report with ANSI colour, for a terminal. */
  public static TextReport coloured() {
    return new TextReport(true);
  }

  @Override
  public void write(Evaluation evaluation, Writer out) throws IOException {
    List<String> lines = new ArrayList<>();
    Report report = evaluation.report();
    lines.addAll(header(evaluation));
    List<RuleResult> findings = report.findings().stream().filter(r -> report.waiverOf(r).isEmpty()).toList();
    if (findings.isEmpty()) {
      lines.add("");
      lines.add(report.waivedCount() == 0 ? "No findings." : "No findings other than waived ones.");
    }
    for (Severity severity : severitiesMostSeriousFirst()) {
      List<RuleResult> ofSeverity = findings.stream()
          .filter(result -> result.rule().severity() == severity)
          .sorted(Comparator.comparing(RuleResult::factType).thenComparing(RuleResult::factId))
          .toList();
      if (ofSeverity.isEmpty()) {
        continue;
      }
      lines.add("");
      lines.add(paint(BOLD, severity.name() + " (" + count(ofSeverity.size(), "finding") + ")"));
      for (RuleResult result : ofSeverity) {
        lines.addAll(finding(evaluation, result));
      }
    }
    lines.addAll(waived(evaluation));
    lines.addAll(expiredWaivers(report));
    lines.addAll(expiringWaivers(evaluation));
    lines.addAll(resolved(evaluation));
    lines.addAll(disabledRules(report));
    lines.addAll(conflicts(evaluation));
    lines.addAll(failedSources(evaluation));
    lines.addAll(skippedRecords(evaluation));
    lines.addAll(sourceWarnings(evaluation));
    lines.addAll(notAssessed(evaluation.report()));
    lines.addAll(requirements(report));
    lines.add("");
    lines.addAll(summary(evaluation));
    for (String line : lines) {
      out.write(line);
      out.write(System.lineSeparator());
    }
    out.flush();
  }

  private List<String> header(Evaluation evaluation) {
    Report report = evaluation.report();
    String packs = report.packs().stream()
        .map(pack -> pack.id() + " " + pack.version() + " (" + pack.title()
            + (pack.base() == null ? "" : ", extends " + pack.base()) + ")"
            + (pack.source().equals(RulePack.BUILT_IN) ? ", built-in" : " from " + pack.source()))
        .collect(Collectors.joining(", "));
    List<String> lines = new ArrayList<>();
    lines.addAll(hanging("rampart " + evaluation.toolVersion() + ": evaluated " + factCounts(report) + " at "
        + report.evaluatedAt()));
    lines.addAll(hanging((report.packs().size() == 1 ? "Pack: " : "Packs: ") + packs));
    report.incompleteReason().ifPresent(reason -> {
      List<String> wrapped = hanging("INCOMPLETE: " + reason + ". The results cover only the facts evaluated,"
          + " and the gate cannot pass.");
      lines.add("");
      lines.add(paint(RED + BOLD, wrapped.get(0)));
      lines.addAll(wrapped.subList(1, wrapped.size()));
    });
    return lines;
  }

  private static String factCounts(Report report) {
    List<String> parts = factCountsByType(report);
    long total = report.factCounts().values().stream().mapToLong(Long::longValue).sum();
    return parts.isEmpty() ? "no facts" : count(total, "fact") + " (" + String.join(", ", parts) + ")";
  }

  /** The number of facts of each type evaluated, in the model's order, as the text and HTML reports say it: "3 devices". */
  static List<String> factCountsByType(Report report) {
    List<String> parts = new ArrayList<>();
    for (FactType type : FactType.values()) {
      long n = report.factCounts().getOrDefault(type, 0L);
      if (n > 0) {
        parts.add(count(n, type.wireName()));
      }
    }
    return parts;
  }

  private List<String> finding(Evaluation evaluation, RuleResult result) {
    List<String> lines = headline(result);
    for (Evidence evidence : result.evidence()) {
      lines.addAll(detail(EvidenceText.line(evidence), ""));
      evaluation.sourceApartFromFact(result, evidence.source())
          .ifPresent(source -> lines.addAll(detail("from " + source, DIM, "  ")));
    }
    for (UntrustedMatch untrusted : evaluation.report().untrustedMatchesOf(result)) {
      lines.addAll(detail(WaiversNotApplied.line(untrusted), ""));
    }
    Optional<Baseline.State> state = evaluation.gate().baseline().flatMap(baseline -> baseline.state(result));
    if (state.isPresent() && state.get() == Baseline.State.NEW) {
      lines.addAll(detail("new since the baseline", BOLD));
    }
    Optional<String> origin = evaluation.origin(result).map(Object::toString);
    origin.ifPresent(place -> lines.addAll(detail("at " + place, DIM)));
    return lines;
  }

  // The outcome, rule, fact and message, wrapped under the message column.
  private List<String> headline(RuleResult result) {
    List<String> lines = new ArrayList<>();
    String outcome = String.format(Locale.ROOT, "%-" + OUTCOME_WIDTH + "s", result.outcome().name());
    String lead = result.rule().id() + "  " + result.factType().wireName() + "/" + result.factId();
    int width = WIDTH - DETAIL_INDENT.length();
    List<String> wrapped = new ArrayList<>();
    int room = width - lead.length() - 2;
    if (room >= MIN_MESSAGE_WIDTH) {
      List<String> message = TextLayout.wrap(result.message(), room, width);
      wrapped.add(lead + "  " + message.get(0));
      wrapped.addAll(message.subList(1, message.size()));
    } else {
      wrapped.addAll(TextLayout.wrap(lead, width, width));
      wrapped.addAll(TextLayout.wrap(result.message(), width, width));
    }
    lines.add(FINDING_INDENT + paint(outcomeColour(result.outcome()), outcome) + " " + wrapped.get(0));
    for (String more : wrapped.subList(1, wrapped.size())) {
      lines.add(DETAIL_INDENT + more);
    }
    return lines;
  }

  // Waived findings: out of the severity sections, each with who accepted it, until when and why.
  private List<String> waived(Evaluation evaluation) {
    Report report = evaluation.report();
    List<RuleResult> waived = report.findings().stream().filter(r -> report.waiverOf(r).isPresent()).toList();
    if (waived.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(paint(BOLD, "Waived (" + count(waived.size(), "result") + ")"));
    for (RuleResult result : waived) {
      lines.addAll(headline(result));
      Waiver waiver = report.waiverOf(result).map(AppliedWaiver::waiver).orElseThrow();
      lines.addAll(detail("waived until " + waiver.expires() + ", approved by " + waiver.approvedBy()
          + ticketNote(waiver) + ": "
          + waiver.justification(), ""));
      evaluation.origin(result).ifPresent(place -> lines.addAll(detail("at " + place, DIM)));
      if (!waiver.location().isEmpty()) {
        lines.addAll(detail("waiver at " + waiver.location(), DIM));
      }
    }
    return lines;
  }

  // " (ticket SEC-1234)", or nothing for a waiver without one
  private static String ticketNote(Waiver waiver) {
    return waiver.ticket() == null ? "" : " (ticket " + waiver.ticket() + ")";
  }

  private List<String> expiredWaivers(Report report) {
    List<Waiver> expired = report.expiredWaivers();
    if (expired.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(paint(BOLD, "Expired waivers (" + expired.size() + ")"));
    for (Waiver waiver : expired) {
      List<String> wrapped = TextLayout.wrap(waiver.describe() + ": expired " + waiver.expires() + ", renew or remove it",
          WIDTH - FINDING_INDENT.length(), WIDTH - DETAIL_INDENT.length());
      lines.add(FINDING_INDENT + paint(RED + BOLD, wrapped.get(0)));
      wrapped.subList(1, wrapped.size()).forEach(more -> lines.add(DETAIL_INDENT + more));
      lines.addAll(detail("approved by " + waiver.approvedBy()
          + ticketNote(waiver) + ": " + waiver.justification(), ""));
      if (!waiver.location().isEmpty()) {
        lines.addAll(detail("at " + waiver.location(), DIM));
      }
    }
    return lines;
  }

  // Waivers that still apply but run out within the period asked for: renew them or fix the findings.
  private List<String> expiringWaivers(Evaluation evaluation) {
    Optional<ExpiringWaivers> expiring = evaluation.expiring();
    if (expiring.isEmpty() || expiring.get().waivers().isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(paint(BOLD, "Waivers expiring within " + expiring.get().within() + " (" + expiring.get().waivers().size()
        + ")"));
    for (Waiver waiver : expiring.get().waivers()) {
      List<String> wrapped = TextLayout.wrap(waiver.describe() + ": expires on "
              + ExpiringWaivers.expiry(waiver, evaluation.report().evaluatedAt()) + ", renew it or fix the finding",
          WIDTH - FINDING_INDENT.length(), WIDTH - DETAIL_INDENT.length());
      lines.add(FINDING_INDENT + paint(YELLOW, wrapped.get(0)));
      wrapped.subList(1, wrapped.size()).forEach(more -> lines.add(DETAIL_INDENT + more));
      lines.addAll(detail("approved by " + waiver.approvedBy() + ticketNote(waiver) + ": " + waiver.justification(), ""));
      if (!waiver.location().isEmpty()) {
        lines.addAll(detail("at " + waiver.location(), DIM));
      }
    }
    return lines;
  }

  private List<String> resolved(Evaluation evaluation) {
    Optional<Baseline> baseline = evaluation.gate().baseline();
    if (baseline.isEmpty()) {
      return List.of();
    }
    List<Baseline.Entry> resolved = baseline.get().compare(evaluation.report()).resolved();
    if (resolved.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(paint(BOLD, "Resolved since baseline (" + resolved.size() + ")"));
    for (Baseline.Entry entry : resolved) {
      String was = entry.outcome() == null ? "" : "  was " + entry.outcome().name();
      String resolvedEntry = entry.ruleId() + "  " + entry.factType().wireName() + "/" + entry.factId() + was;
      lines.add(FINDING_INDENT + paint(GREEN, TextLayout.printable(resolvedEntry)));
    }
    return lines;
  }

  private List<String> detail(String text, String style) {
    return detail(text, style, "");
  }

  // Under the message column, indented further by {@code extra}; continuation lines by two more.
  private List<String> detail(String text, String style, String extra) {
    List<String> lines = new ArrayList<>();
    String first = DETAIL_INDENT + extra;
    int width = WIDTH - first.length();
    List<String> wrapped = TextLayout.wrap(text, width, width - 2);
    for (int i = 0; i < wrapped.size(); i++) {
      String indent = i == 0 ? first : first + "  ";
      lines.add(indent + paint(style, wrapped.get(i)));
    }
    return lines;
  }

  // A section's entry: a lead (a rule id, a fact) and a text that wraps under the message column.
  private static List<String> item(String lead, String text) {
    List<String> lines = new ArrayList<>();
    int width = WIDTH - DETAIL_INDENT.length();
    int room = WIDTH - FINDING_INDENT.length() - lead.length() - 2;
    if (text.isEmpty() || room < MIN_MESSAGE_WIDTH) {
      TextLayout.wrap(lead, WIDTH - FINDING_INDENT.length(), width).forEach(line -> lines.add(
          (lines.isEmpty() ? FINDING_INDENT : DETAIL_INDENT) + line));
      if (!text.isEmpty()) {
        TextLayout.wrap(text, width, width).forEach(line -> lines.add(DETAIL_INDENT + line));
      }
      return lines;
    }
    List<String> wrapped = TextLayout.wrap(text, room, width);
    lines.add(FINDING_INDENT + lead + "  " + wrapped.get(0));
    wrapped.subList(1, wrapped.size()).forEach(line -> lines.add(DETAIL_INDENT + line));
    return lines;
  }

  // Rules a tailored pack switched off, with the reason it gives: an exception stays visible.
  private List<String> disabledRules(Report report) {
    List<String> lines = new ArrayList<>();
    for (Report.PackInfo pack : report.packs()) {
      for (DisabledRule rule : pack.disabledRules()) {
        lines.addAll(item(rule.ruleId(), rule.title()));
        String from = pack.base() == null ? "" : " (from " + pack.base() + ")";
        lines.addAll(detail("disabled by " + pack.id() + " " + pack.version() + from + ": " + rule.reason(), ""));
      }
    }
    if (lines.isEmpty()) {
      return List.of();
    }
    long count = report.packs().stream().mapToLong(pack -> pack.disabledRules().size()).sum();
    lines.add(0, "");
    lines.add(1, paint(BOLD, "Disabled rules (" + count + ")"));
    return lines;
  }

  // Fields on which sources disagreed: the value kept and where from, then each value overruled.
  private List<String> conflicts(Evaluation evaluation) {
    if (evaluation.conflicts().isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(paint(BOLD, "Conflicts between sources (" + evaluation.conflictCount() + ")"));
    evaluation.conflicts().forEach((fact, conflicts) -> {
      for (Conflict conflict : conflicts) {
        lines.addAll(item(fact.toString(), conflict.field().text()));
        lines.addAll(detail("kept " + conflict.chosen().value() + " from " + conflict.chosen().origin().describe(), ""));
        for (Conflict.Claim overruled : conflict.overruled()) {
          lines.addAll(detail("overruled " + overruled.value() + " from " + overruled.origin().describe(), DIM));
        }
      }
    });
    return lines;
  }

  // Sources left out under --allow-partial, each with the first thing that went wrong.
  private List<String> failedSources(Evaluation evaluation) {
    List<FailedSource> failed = evaluation.failedSources();
    if (failed.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(paint(BOLD, "Sources not read (" + failed.size() + ", --allow-partial)"));
    for (FailedSource source : failed) {
      lines.addAll(item(source.source(), ""));
      lines.addAll(detail(source.firstProblem(), ""));
      int more = source.problems().size() - 1;
      if (more > 0) {
        lines.addAll(detail("and " + count(more, "more problem"), DIM));
      }
    }
    lines.addAll(detail("facts only these sources supply are absent; rules that need them are UNKNOWN", DIM));
    return lines;
  }

  // Records that sources read in part could not read, each with every problem: their place, value and fix.
  private List<String> skippedRecords(Evaluation evaluation) {
    List<SkippedRecord> skipped = evaluation.skippedRecords();
    if (skipped.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(paint(BOLD, "Records skipped (" + skipped.size() + ", --allow-partial)"));
    for (SkippedRecord record : skipped) {
      lines.addAll(item(record.describeFact(), record.origin().describe()));
      record.problems().forEach(problem -> lines.addAll(detail(problem, "")));
    }
    lines.addAll(detail("the rules of a skipped record with an id are UNKNOWN; fix the records and"
        + " run again", DIM));
    return lines;
  }

  // What sources could read only in part: the fields concerned are unknown.
  private List<String> sourceWarnings(Evaluation evaluation) {
    List<String> warnings = evaluation.warnings();
    if (warnings.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(paint(BOLD, "Source warnings (" + warnings.size() + ")"));
    for (String warning : warnings) {
      List<String> wrapped = TextLayout.wrap(warning, WIDTH - FINDING_INDENT.length(), WIDTH - DETAIL_INDENT.length());
      lines.add(FINDING_INDENT + wrapped.get(0));
      wrapped.subList(1, wrapped.size()).forEach(more -> lines.add(DETAIL_INDENT + more));
    }
    return lines;
  }

  // Rules that produced no result because no fact of their target type was supplied, by reason, and the
  // requirements that leaves unassessed: a run of one scanner must not read as a clean bill of health.
  private List<String> notAssessed(Report report) {
    AssessmentCoverage coverage = report.coverage();
    if (coverage.isComplete()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(paint(BOLD, "Not assessed (" + count(coverage.notAssessed().size(), "rule") + ")"));
    coverage.notAssessedByReason().forEach((reason, rules) -> {
      List<String> wrapped = TextLayout.wrap(reason, WIDTH - FINDING_INDENT.length(), WIDTH - DETAIL_INDENT.length());
      lines.add(FINDING_INDENT + wrapped.get(0));
      wrapped.subList(1, wrapped.size()).forEach(more -> lines.add(DETAIL_INDENT + more));
      for (Rule rule : rules) {
        lines.addAll(item(FINDING_INDENT + rule.id(), rule.severity().wireName() + ": " + rule.title()));
      }
    });
    for (RequirementAssessment.Status status : List.of(RequirementAssessment.Status.NOT_ASSESSED,
        RequirementAssessment.Status.PARTIALLY_ASSESSED)) {
      List<RequirementAssessment> requirements = coverage.requirements(status);
      if (!requirements.isEmpty()) {
        String label = status == RequirementAssessment.Status.NOT_ASSESSED ? "Requirements not assessed"
            : "Requirements partly assessed";
        String ids = requirements.stream().map(RequirementAssessment::requirement).collect(Collectors.joining(", "));
        lines.addAll(item(label + " (" + requirements.size() + ")", ids));
      }
    }
    return lines;
  }

  // Every requirement with its status and the rules behind it, each with its results after waivers.
  private List<String> requirements(Report report) {
    List<RequirementStatus> requirements = report.requirementStatuses();
    if (requirements.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(paint(BOLD, "Requirements (" + RollupText.counts(requirements) + ")"));
    lines.addAll(RollupText.rows(requirements, FINDING_INDENT, WIDTH,
        (status, text) -> paint(requirementColour(status), text)));
    return lines;
  }

  private static String requirementColour(RequirementStatus.Status status) {
    return switch (status) {
      case NOT_SATISFIED -> RED + BOLD;
      case UNKNOWN -> YELLOW;
      case WAIVED -> "";
      case SATISFIED -> GREEN;
      case NOT_ASSESSED -> DIM;
    };
  }

  private List<String> summary(Evaluation evaluation) {
    Report report = evaluation.report();
    List<String> lines = new ArrayList<>();
    lines.add(paint(BOLD, "Summary"));
    String outcomes = Arrays.stream(Outcome.values())
        .map(outcome -> report.count(outcome) + " " + outcome.name())
        .collect(Collectors.joining(", "));
    lines.addAll(summaryLine("Results", report.resultCount() + ": " + outcomes));
    lines.addAll(summaryLine("Findings", findingsByCategory(report)));
    if (report.waivedCount() > 0 || !report.expiredWaivers().isEmpty()) {
      String waived = report.waivedCount() + ": " + report.waivedCounts().get(Outcome.FAIL) + " FAIL, "
          + report.waivedCounts().get(Outcome.UNKNOWN) + " UNKNOWN";
      int expired = report.expiredWaivers().size();
      lines.addAll(summaryLine("Waived", waived + (expired == 0 ? "" : "; " + count(expired, "expired waiver"))));
    }
    List<String> sources = new ArrayList<>();
    if (evaluation.conflictCount() > 0) {
      sources.add(count(evaluation.conflictCount(), "conflict") + " between sources");
    }
    if (!evaluation.failedSources().isEmpty()) {
      sources.add(count(evaluation.failedSources().size(), "source") + " not read (--allow-partial)");
    }
    if (!evaluation.skippedRecords().isEmpty()) {
      sources.add(count(evaluation.skippedRecords().size(), "record") + " skipped (--allow-partial)");
    }
    if (!evaluation.warnings().isEmpty()) {
      sources.add(count(evaluation.warnings().size(), "warning"));
    }
    if (!sources.isEmpty()) {
      lines.addAll(summaryLine("Sources", String.join("; ", sources)));
    }
    lines.addAll(coverageSummary(report));
    evaluation.gate().baseline().ifPresent(baseline -> {
      Baseline.Comparison comparison = baseline.compare(report);
      lines.addAll(summaryLine("Baseline", baseline.source() + ": " + comparison.newFindings() + " new, "
          + comparison.existingFindings() + " existing, " + comparison.resolved().size() + " resolved"));
    });
    lines.addAll(verdict(evaluation));
    return lines;
  }

  private static List<String> coverageSummary(Report report) {
    AssessmentCoverage coverage = report.coverage();
    if (coverage.isComplete()) {
      return List.of();
    }
    long requirements = coverage.requirements().size();
    long notAssessed = coverage.requirements(RequirementAssessment.Status.NOT_ASSESSED).size();
    long partly = coverage.requirements(RequirementAssessment.Status.PARTIALLY_ASSESSED).size();
    String ofRequirements = requirements == 0 ? ""
        : "; of " + count(requirements, "requirement") + ", " + notAssessed + " not and " + partly + " partly assessed";
    return summaryLine("Coverage", count(coverage.notAssessed().size(), "rule") + " not assessed" + ofRequirements);
  }

  private static String findingsByCategory(Report report) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Category, Map<Outcome, Long>> entry : report.countsByCategory().entrySet()) {
      Map<Outcome, Long> counts = entry.getValue();
      long findings = counts.getOrDefault(Outcome.FAIL, 0L) + counts.getOrDefault(Outcome.UNKNOWN, 0L)
          + counts.getOrDefault(Outcome.ERROR, 0L);
      if (findings > 0) {
        parts.add(RuleCatalogue.categoryName(entry.getKey()) + " " + findings);
      }
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  private List<String> verdict(Evaluation evaluation) {
    Gate gate = evaluation.gate();
    Optional<Severity> threshold = gate.threshold();
    Report report = evaluation.report();
    List<String> reasons = new ArrayList<>();
    if (!report.isComplete()) {
      reasons.add("the evaluation is incomplete");
    }
    if (threshold.isEmpty()) {
      return reasons.isEmpty()
          ? summaryLine("Gate", "not applied (" + gate + ")")
          : paintVerdict(summaryLine("Gate", "FAILED: " + String.join(", ", reasons) + " (" + gate + ")"), true);
    }
    long failures = gate.failures(report);
    int expired = report.expiredWaivers().size();
    List<String> counted = new ArrayList<>(List.of("FAIL"));
    if (!gate.allowsErrors()) {
      counted.add("ERROR");
    }
    if (gate.failsOnUnknown()) {
      counted.add("UNKNOWN");
    }
    String noun = (gate.baseline().isPresent() ? "new " : "")
        + String.join(", ", counted.subList(0, counted.size() - 1)) + (counted.size() > 1 ? " or " : "")
        + counted.get(counted.size() - 1) + " result";
    String severity = "at severity " + threshold.get().wireName() + " or above";
    if (failures > 0) {
      reasons.add(count(failures, noun) + " " + severity);
    }
    if (expired > 0) {
      reasons.add(count(expired, "expired waiver"));
    }
    int notAssessedFailures = gate.notAssessedFailures(report).size();
    if (notAssessedFailures > 0) {
      reasons.add(count(notAssessedFailures, "rule") + " not assessed " + severity);
    }
    boolean failed = !reasons.isEmpty();
    int notAssessed = report.notAssessed().size();
    String caveat = notAssessed == 0 ? "" : ", but " + count(notAssessed, "rule") + " not assessed";
    List<String> lines = failed
        ? summaryLine("Gate", "FAILED: " + String.join(", ", reasons) + " (" + gate + ")")
        : summaryLine("Gate", "PASSED: no " + noun + " " + severity + caveat + " (" + gate + ")");
    return paintVerdict(lines, failed);
  }

  private List<String> paintVerdict(List<String> lines, boolean failed) {
    String verdict = failed ? "FAILED" : "PASSED";
    lines.set(0, lines.get(0).replaceFirst(verdict, paint((failed ? RED : GREEN) + BOLD, verdict)));
    return lines;
  }

  // The label column is fixed; the value wraps under itself.
  private static List<String> summaryLine(String label, String value) {
    String indent = SUMMARY_INDENT + " ".repeat(SUMMARY_LABEL_WIDTH);
    List<String> wrapped = TextLayout.wrap(value, WIDTH - indent.length(), WIDTH - indent.length());
    List<String> lines = new ArrayList<>();
    lines.add(SUMMARY_INDENT + String.format(Locale.ROOT, "%-" + SUMMARY_LABEL_WIDTH + "s", label) + wrapped.get(0));
    for (String more : wrapped.subList(1, wrapped.size())) {
      lines.add(indent + more);
    }
    return lines;
  }

  private static List<String> hanging(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : TextLayout.wrap(text, WIDTH, WIDTH - 2)) {
      lines.add(lines.isEmpty() ? line : "  " + line);
    }
    return lines;
  }

  private static List<Severity> severitiesMostSeriousFirst() {
    List<Severity> severities = new ArrayList<>(List.of(Severity.values()));
    Collections.reverse(severities);
    return severities;
  }

  private static String outcomeColour(Outcome outcome) {
    return switch (outcome) {
      case FAIL -> RED + BOLD;
      case UNKNOWN -> YELLOW;
      case ERROR -> MAGENTA;
      case PASS -> GREEN;
      case NOT_APPLICABLE -> "";
    };
  }

  private String paint(String style, String text) {
    return colour && !style.isEmpty() ? style + text + RESET : text;
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
