package dev.rampart.reports;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.AppliedWaiver;
import dev.rampart.engine.NotAssessed;
import dev.rampart.engine.Report;
import dev.rampart.engine.RequirementStatus;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.UntrustedMatch;
import dev.rampart.engine.value.Category;
import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.EvidenceText;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Rule;
import dev.rampart.sources.FailedSource;
import dev.rampart.spi.source.SkippedRecord;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apiguardian.api.API;

/**
 * The report for CI servers that show test results: JUnit XML as Maven Surefire writes it, which
 * Jenkins, GitLab, GitHub test reporters and most others read. One {@code <testsuite>} per rule
 * category that has results, one {@code <testcase>} per rule and fact:
 *
 * <ul>
 *   <li>PASS: a test case with no child;
 *   <li>FAIL: {@code <failure type="SEVERITY">} with the evidence, remediation and place in its body;
 *   <li>ERROR: {@code <error>}: the rule could not be evaluated;
 *   <li>NOT_APPLICABLE: {@code <skipped message="not applicable">};
 *   <li>UNKNOWN: {@code <skipped message="evidence missing: ...">}, so no CI tool counts it as passed;
 *       with {@code --fail-on-unknown} (the gate fails on UNKNOWN), a {@code <failure type="unknown">}.
 * </ul>
 *
 * <p>A rule not assessed (no fact of its target type was supplied) is one test case named for the
 * missing type, {@code <skipped message="not assessed: REASON">}, or with {@code --fail-on-unknown}
 * a {@code <failure type="not-assessed">}: a lone scanner's run does not turn a CI view green.
 *
 * <p>The sources' suite, {@value #SOURCES_SUITE}, holds one test case per source left out and per
 * record skipped under {@code --allow-partial}, each an {@code <error>} (type
 * {@value #SOURCE_NOT_READ_TYPE} or {@value #RECORD_SKIPPED_TYPE}) so that CI shows what was not
 * evaluated, and the sources' warnings as its {@code <system-err>}.
 *
 * <p>Each suite's properties state the requirement roll-up: {@code rampart.requirements} counts the
 * requirements by status, and {@code rampart.requirement.ID} gives the status of each requirement that a
 * rule of the suite's category serves, with its rules' results ({@code not satisfied: IDN-001 1 FAIL, 2 PASS}).
 *
 * <p>Test cases have {@code time="0"} (rules are not timed), so two runs over the same input write
 * identical files except for the evaluation time.
 */
@API(status = STABLE, since = "0.1")
public final class JunitReport implements ReportWriter {

  /** The {@code type} of the failure that reports an UNKNOWN result as failed. */
  public static final String UNKNOWN_FAILURE_TYPE = "unknown";

  /** The {@code type} of the failure that reports a rule not assessed as failed. */
  public static final String NOT_ASSESSED_FAILURE_TYPE = "not-assessed";

  /** The name of the suite of sources that could not be read in full. */
  public static final String SOURCES_SUITE = "sources";

  /** The {@code type} of the error that reports a source left out. */
  public static final String SOURCE_NOT_READ_TYPE = "source-not-read";

  /** The {@code type} of the error that reports a record skipped. */
  public static final String RECORD_SKIPPED_TYPE = "record-skipped";

  // Ant and Surefire write a local date-time without zone; rampart writes the evaluation time in UTC
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final String INDENT = "  ";

  private final boolean unknownFails;

  private JunitReport(boolean unknownFails) {
    this.unknownFails = unknownFails;
  }

  /** A report that shows UNKNOWN results as skipped test cases. */
  public static JunitReport unknownAsSkipped() {
    return new JunitReport(false);
  }

  /** A report that shows UNKNOWN results as failed test cases, for runs with {@code --fail-on-unknown}. */
  public static JunitReport unknownAsFailure() {
    return new JunitReport(true);
  }

  @Override
  public void write(Evaluation evaluation, Writer out) throws IOException {
    Report report = evaluation.report();
    RuleCatalogue catalogue = RuleCatalogue.of(report);
    Map<Category, List<RuleResult>> byCategory = new TreeMap<>();
    for (RuleResult result : report.results()) {
      byCategory.computeIfAbsent(result.rule().category(), c -> new ArrayList<>()).add(result);
    }
    Map<Category, List<NotAssessed>> notAssessed = notAssessedByCategory(report);
    notAssessed.keySet().forEach(category -> byCategory.computeIfAbsent(category, c -> new ArrayList<>()));
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      newLine(xml, 0);
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "rampart");
      writeCounts(xml, report, report.results(), report.notAssessed(), sourceErrors(evaluation), unknownFails);
      for (Map.Entry<Category, List<RuleResult>> suite : byCategory.entrySet()) {
        writeSuite(xml, evaluation, suite.getKey(), suite.getValue(),
            notAssessed.getOrDefault(suite.getKey(), List.of()), catalogue, unknownFails);
      }
      if (sourceErrors(evaluation) > 0 || !evaluation.warnings().isEmpty()) {
        writeSourcesSuite(xml, evaluation);
      }
      newLine(xml, 0);
      xml.writeEndElement();
      newLine(xml, 0);
      xml.writeEndDocument();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the JUnit XML report: " + e.getMessage(), e);
    }
    out.flush();
  }

  private static void writeSuite(XMLStreamWriter xml, Evaluation evaluation, Category category,
      List<RuleResult> results, List<NotAssessed> notAssessed, RuleCatalogue catalogue, boolean unknownFails)
      throws XMLStreamException {
    newLine(xml, 1);
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", category.wireName());
    writeCounts(xml, evaluation.report(), results, notAssessed, 0, unknownFails);
    xml.writeAttribute("timestamp", TIMESTAMP.format(evaluation.report().evaluatedAt()));
    writeProperties(xml, evaluation, requirementsOf(evaluation.report(), category));
    for (RuleResult result : results) {
      writeCase(xml, evaluation, result, catalogue, unknownFails);
    }
    for (NotAssessed rule : notAssessed) {
      writeNotAssessedCase(xml, rule, catalogue, unknownFails);
    }
    newLine(xml, 1);
    xml.writeEndElement();
  }

  // Attribute names and order as Surefire writes them.
  // Waived results are skipped test cases, whatever their outcome.
  // A rule not assessed counts as an UNKNOWN does: skipped, or failed with --fail-on-unknown.
  // A source left out or a record skipped is an error test case of the sources' suite.
  private static void writeCounts(XMLStreamWriter xml, Report report, List<RuleResult> results,
      List<NotAssessed> notAssessed, int sourceErrors, boolean unknownFails) throws XMLStreamException {
    List<RuleResult> open = results.stream().filter(result -> report.waiverOf(result).isEmpty()).toList();
    long waived = results.size() - open.size();
    xml.writeAttribute("time", "0");
    xml.writeAttribute("tests", Integer.toString(results.size() + notAssessed.size() + sourceErrors));
    xml.writeAttribute("errors", Long.toString(count(open, Outcome.ERROR) + sourceErrors));
    long unknown = count(open, Outcome.UNKNOWN) + notAssessed.size();
    xml.writeAttribute("skipped",
        Long.toString(count(open, Outcome.NOT_APPLICABLE) + (unknownFails ? 0 : unknown) + waived));
    xml.writeAttribute("failures", Long.toString(count(open, Outcome.FAIL) + (unknownFails ? unknown : 0)));
  }

  private static int sourceErrors(Evaluation evaluation) {
    return evaluation.failedSources().size() + evaluation.skippedRecords().size();
  }

  // What was not evaluated because a source or a record of one could not be read, as errors CI shows.
  private static void writeSourcesSuite(XMLStreamWriter xml, Evaluation evaluation) throws XMLStreamException {
    newLine(xml, 1);
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", SOURCES_SUITE);
    writeCounts(xml, evaluation.report(), List.of(), List.of(), sourceErrors(evaluation), false);
    xml.writeAttribute("timestamp", TIMESTAMP.format(evaluation.report().evaluatedAt()));
    writeProperties(xml, evaluation, List.of());
    for (FailedSource failed : evaluation.failedSources()) {
      List<String> body = new ArrayList<>(failed.problems());
      body.add("The source was left out (--allow-partial): the facts only it supplies are absent, and rules"
          + " that need them are UNKNOWN.");
      writeErrorCase(xml, failed.source() + " not read", SOURCE_NOT_READ_TYPE, failed.firstProblem(), body);
    }
    for (SkippedRecord record : evaluation.skippedRecords()) {
      List<String> body = new ArrayList<>(record.problems());
      body.add(record.factId() == null
          ? "The record was skipped (--allow-partial): what it holds was not evaluated."
          : "The record was skipped (--allow-partial): " + record.describeFact() + " has every rule"
              + " UNKNOWN.");
      body.add("Defined at: " + record.origin().describe());
      writeErrorCase(xml, record.describeFact() + " at " + record.origin().describe() + " skipped", RECORD_SKIPPED_TYPE,
          record.problems().get(0), body);
    }
    if (!evaluation.warnings().isEmpty()) {
      newLine(xml, 2);
      xml.writeStartElement("system-err");
      xml.writeCharacters(text(String.join("\n", evaluation.warnings())));
      xml.writeEndElement();
    }
    newLine(xml, 1);
    xml.writeEndElement();
  }

  private static void writeErrorCase(XMLStreamWriter xml, String name, String type, String message, List<String> body)
      throws XMLStreamException {
    newLine(xml, 2);
    xml.writeStartElement("testcase");
    xml.writeAttribute("name", attribute(name));
    xml.writeAttribute("classname", "rampart." + SOURCES_SUITE);
    xml.writeAttribute("time", "0");
    newLine(xml, 3);
    xml.writeStartElement("error");
    xml.writeAttribute("message", attribute(message));
    xml.writeAttribute("type", type);
    xml.writeCharacters(text(String.join("\n", body)));
    xml.writeEndElement();
    newLine(xml, 2);
    xml.writeEndElement();
  }

  private static Map<Category, List<NotAssessed>> notAssessedByCategory(Report report) {
    Map<Category, List<NotAssessed>> byCategory = new TreeMap<>();
    for (NotAssessed rule : report.notAssessed()) {
      byCategory.computeIfAbsent(rule.rule().category(), c -> new ArrayList<>()).add(rule);
    }
    return byCategory;
  }

  // One test case per rule not assessed, named for the fact type none of which was supplied.
  private static void writeNotAssessedCase(XMLStreamWriter xml, NotAssessed notAssessed, RuleCatalogue catalogue,
      boolean unknownFails) throws XMLStreamException {
    Rule rule = notAssessed.rule();
    newLine(xml, 2);
    xml.writeStartElement("testcase");
    xml.writeAttribute("name", rule.target().wireName() + " (none supplied)");
    xml.writeAttribute("classname", text("rampart." + rule.category().wireName() + "." + catalogue.displayId(rule)));
    xml.writeAttribute("time", "0");
    newLine(xml, 3);
    String message = "not assessed: " + notAssessed.reason();
    if (unknownFails) {
      xml.writeStartElement("failure");
      xml.writeAttribute("message", attribute(message));
      xml.writeAttribute("type", NOT_ASSESSED_FAILURE_TYPE);
      xml.writeCharacters(text(message + "\nRule: " + rule.id() + " " + rule.title() + " (pack " + rule.packId() + ", severity "
          + rule.severity().wireName() + ")"));
      xml.writeEndElement();
    } else {
      xml.writeEmptyElement("skipped");
      xml.writeAttribute("message", attribute(message));
    }
    newLine(xml, 2);
    xml.writeEndElement();
  }

  // The requirements that rules of the category serve: a category's suite states how they rolled up.
  private static List<RequirementStatus> requirementsOf(Report report, Category category) {
    return report.requirementStatuses().stream()
        .filter(requirement -> requirement.rules().stream().anyMatch(rule -> rule.rule().category() == category))
        .toList();
  }

  private static void writeProperties(XMLStreamWriter xml, Evaluation evaluation, List<RequirementStatus> requirements)
      throws XMLStreamException {
    Report report = evaluation.report();
    newLine(xml, 2);
    xml.writeStartElement("properties");
    writeProperty(xml, "rampart.version", evaluation.toolVersion());
    writeProperty(xml, "rampart.evaluatedAt", report.evaluatedAt().toString());
    writeProperty(xml, "rampart.packs", report.packs().stream()
        .map(pack -> pack.id() + "@" + pack.version() + " (" + pack.source() + ")")
        .collect(Collectors.joining(", ")));
    writeProperty(xml, "rampart.inputs", String.join(", ", evaluation.inputs()));
    writeProperty(xml, "rampart.failOn", evaluation.gate().failOn());
    if (!report.requirementStatuses().isEmpty()) {
      writeProperty(xml, "rampart.requirements", RollupText.counts(report.requirementStatuses()));
    }
    for (RequirementStatus requirement : requirements) {
      writeProperty(xml, "rampart.requirement." + requirement.requirement(), requirement.status().label() + ": "
          + requirement.rules().stream().map(rule -> rule.rule().id() + " " + RollupText.ruleResults(rule))
              .collect(Collectors.joining("; ")));
    }
    newLine(xml, 2);
    xml.writeEndElement();
  }

  private static void writeProperty(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    newLine(xml, 3);
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", attribute(value));
  }

  private static void writeCase(XMLStreamWriter xml, Evaluation evaluation, RuleResult result,
      RuleCatalogue catalogue, boolean unknownFails) throws XMLStreamException {
    Rule rule = result.rule();
    newLine(xml, 2);
    boolean empty = result.outcome() == Outcome.PASS;
    if (empty) {
      xml.writeEmptyElement("testcase");
    } else {
      xml.writeStartElement("testcase");
    }
    xml.writeAttribute("name", text(result.factType().wireName() + "/" + result.factId()));
    xml.writeAttribute("classname", text("rampart." + rule.category().wireName() + "." + catalogue.displayId(rule)));
    xml.writeAttribute("time", "0");
    if (empty) {
      return;
    }
    newLine(xml, 3);
    Optional<AppliedWaiver> waiver = evaluation.report().waiverOf(result);
    if (waiver.isPresent()) {
      xml.writeEmptyElement("skipped");
      xml.writeAttribute("message", attribute("waived: " + waiver.get().waiver().justification() + " (approved by "
          + waiver.get().waiver().approvedBy() + ", until " + waiver.get().waiver().expires()
          + (waiver.get().waiver().ticket() == null ? "" : ", ticket " + waiver.get().waiver().ticket()) + ")"));
      newLine(xml, 2);
      xml.writeEndElement();
      return;
    }
    switch (result.outcome()) {
      case FAIL -> {
        xml.writeStartElement("failure");
        xml.writeAttribute("message", attribute(result.message()));
        xml.writeAttribute("type", rule.severity().wireName());
        xml.writeCharacters(text(details(evaluation, result, true)));
        xml.writeEndElement();
      }
      case ERROR -> {
        xml.writeStartElement("error");
        xml.writeAttribute("message", attribute(result.message()));
        xml.writeAttribute("type", "evaluation");
        xml.writeCharacters(text(details(evaluation, result, false)));
        xml.writeEndElement();
      }
      case UNKNOWN -> {
        String missing = "evidence missing: " + missingFields(result);
        if (unknownFails) {
          xml.writeStartElement("failure");
          xml.writeAttribute("message", attribute(missing));
          xml.writeAttribute("type", UNKNOWN_FAILURE_TYPE);
          xml.writeCharacters(text(details(evaluation, result, true)));
          xml.writeEndElement();
        } else {
          xml.writeEmptyElement("skipped");
          xml.writeAttribute("message", attribute(missing));
        }
      }
      case NOT_APPLICABLE -> {
        xml.writeEmptyElement("skipped");
        xml.writeAttribute("message", "not applicable");
      }
      case PASS -> throw new IllegalStateException("a PASS has no child element");
    }
    newLine(xml, 2);
    xml.writeEndElement();
  }

  private static String missingFields(RuleResult result) {
    List<String> fields =
        result.evidence().stream().filter(Evidence::isAbsent).map(Evidence::field).distinct().toList();
    if (fields.isEmpty()) {
      fields = result.evidence().stream().map(Evidence::field).distinct().toList();
    }
    return fields.isEmpty() ? result.message() : String.join(", ", fields);
  }

  // The body CI servers show under a failed test: what was found, how to fix it and where the fact is.
  private static String details(Evaluation evaluation, RuleResult result, boolean withRemediation) {
    Rule rule = result.rule();
    List<String> lines = new ArrayList<>();
    lines.add(result.message());
    for (Evidence evidence : result.evidence()) {
      lines.add("  " + EvidenceText.line(evidence));
      evaluation.sourceApartFromFact(result, evidence.source()).ifPresent(source -> lines.add("    from " + source));
    }
    for (UntrustedMatch untrusted : evaluation.report().untrustedMatchesOf(result)) {
      lines.add(WaiversNotApplied.line(untrusted));
    }
    if (withRemediation && !rule.remediation().isBlank()) {
      lines.add("Remediation: " + rule.remediation());
    }
    lines.add("Rule: " + rule.id() + " " + rule.title() + " (pack " + rule.packId() + ", severity "
        + rule.severity().wireName() + ")");
    evaluation.origin(result).ifPresent(origin -> lines.add("Defined at: " + origin));
    return String.join("\n", lines);
  }

  private static long count(List<RuleResult> results, Outcome outcome) {
    return results.stream().filter(result -> result.outcome() == outcome).count();
  }

  private static void newLine(XMLStreamWriter xml, int depth) throws XMLStreamException {
    xml.writeCharacters("\n" + INDENT.repeat(depth));
  }

  // Parsers turn line breaks in attribute values into spaces; say so explicitly and keep one line.
  private static String attribute(String value) {
    return text(value).replaceAll("\\s+", " ").strip();
  }

  // Characters XML 1.0 cannot carry at all (most control characters) become U+FFFD.
  private static String text(String value) {
    StringBuilder clean = new StringBuilder(value.length());
    value.codePoints().forEach(c -> clean.appendCodePoint(allowedInXml(c) ? c : 0xFFFD));
    return clean.toString();
  }

  private static boolean allowedInXml(int c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
