package dev.rampart.reports;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rampart.engine.AssessmentCoverage;
import dev.rampart.engine.NotAssessed;
import dev.rampart.engine.Report;
import dev.rampart.engine.RequirementAssessment;
import dev.rampart.engine.RequirementStatus;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.Waiver;
import dev.rampart.engine.value.Category;
import dev.rampart.engine.value.DisabledRule;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Rule;
import dev.rampart.engine.value.Severity;
import dev.rampart.sources.FactKey;
import dev.rampart.sources.FailedSource;
import dev.rampart.sources.merge.Conflict;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The report for people in a browser: one self-contained HTML file with a summary, charts of
 * findings by category and severity, a sortable and filterable table of results, a collapsible
 * section per fact and the packs evaluated. It loads nothing: styles and script are inline, and a
 * Content-Security-Policy allows only its own script.
 *
 * <p>The page is the template {@code report.html} beside this class. The summary, charts and packs
 * are rendered here, every text HTML-escaped; the results go in as JSON in a
 * {@code <script type="application/json">} block, with {@code <}, {@code >} and {@code &} written as
 * {@code \u003c}, {@code \u003e} and {@code \u0026} so no value can end the block, and the page's
 * script builds the table and the per-fact sections from it with DOM text nodes only.
 */
@API(status = STABLE, since = "0.1")
public final class HtmlReport implements ReportWriter {

  private static final String TEMPLATE_RESOURCE = "report.html";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z]+)\\}\\}");
  private static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);
  private static final JsonFactory JSON = new JsonFactory();
  private static final Template TEMPLATE = Template.load();

  private static final Map<Outcome, String> OUTCOME_COLOURS = Map.of(
      Outcome.PASS, "#2e7d32",
      Outcome.FAIL, "#c62828",
      Outcome.UNKNOWN, "#d97706",
      Outcome.ERROR, "#7b1fa2",
      Outcome.NOT_APPLICABLE, "#8a96a3");
  private static final List<Outcome> FINDINGS = List.of(Outcome.FAIL, Outcome.UNKNOWN, Outcome.ERROR);
  private static final List<Outcome> SUMMARY_ORDER =
      List.of(Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN, Outcome.ERROR, Outcome.NOT_APPLICABLE);

  private static final int CHART_WIDTH = 520;
  private static final int LABEL_WIDTH = 104;
  private static final int BAR_WIDTH = 360;
  private static final int ROW_HEIGHT = 28;
  private static final int BAR_HEIGHT = 16;

  private HtmlReport() {}

  /** The HTML report. */
  public static HtmlReport create() {
    return new HtmlReport();
  }

  @Override
  public void write(Evaluation evaluation, Writer out) throws IOException {
    Report report = evaluation.report();
    Map<String, String> values = new HashMap<>();
    values.put("scriptHash", TEMPLATE.scriptHash());
    values.put("title", escape("Rampart compliance report: " + packNames(report) + " at " + report.evaluatedAt()));
    values.put("version", escape(evaluation.toolVersion()));
    values.put("evaluatedAt", escape(report.evaluatedAt().toString()));
    values.put("packNames", escape(packNames(report)));
    values.put("factSummary", escape(factSummary(report)));
    values.put("verdict", verdict(evaluation));
    values.put("summary", summary(report));
    values.put("coverage", coverage(evaluation));
    values.put("requirements", requirements(report));
    values.put("expiringWaivers", expiringWaivers(evaluation));
    values.put("charts", chart("By category", "Findings by category", categoryBars(report))
        + "\n      " + chart("By severity", "Findings by severity", severityBars(report)));
    values.put("packs", packs(report));
    values.put("run", run(evaluation));
    values.put("data", data(evaluation));
    out.write(TEMPLATE.fill(values));
    out.flush();
  }

  /** Text made safe for HTML content and quoted attribute values. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** JSON made safe inside a script element: nothing in it can close the element or open a comment. */
  static String scriptSafe(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }

  private static String packNames(Report report) {
    return report.packs().stream().map(pack -> pack.id() + " " + pack.version()).collect(Collectors.joining(", "));
  }

  private static String factSummary(Report report) {
    List<String> parts = TextReport.factCountsByType(report);
    long total = report.factCounts().values().stream().mapToLong(Long::longValue).sum();
    return parts.isEmpty() ? "none" : total + " (" + String.join(", ", parts) + ")";
  }

  private static String verdict(Evaluation evaluation) {
    Gate gate = evaluation.gate();
    Optional<Severity> threshold = gate.threshold();
    Optional<String> incomplete = evaluation.report().incompleteReason();
    if (incomplete.isPresent()) {
      return "<div class=\"verdict failed\" id=\"verdict\"><span class=\"tag\">GATE FAILED</span><span class=\"why\">"
          + escape("the evaluation is incomplete (" + incomplete.get() + ")") + "</span></div>";
    }
    if (threshold.isEmpty()) {
      return "<div class=\"verdict off\" id=\"verdict\"><span class=\"tag\">GATE OFF</span>"
          + "<span class=\"why\">not applied (" + escape(gate.toString()) + ")</span></div>";
    }
    long failures = gate.failures(evaluation.report());
    String scope = "at severity " + threshold.get().wireName() + " or above (" + gate + ")";
    int notAssessedFailures = gate.notAssessedFailures(evaluation.report()).size();
    if (failures == 0 && notAssessedFailures > 0) {
      return "<div class=\"verdict failed\" id=\"verdict\"><span class=\"tag\">GATE FAILED</span><span class=\"why\">"
          + escape(notAssessedFailures + " rule" + (notAssessedFailures == 1 ? "" : "s") + " not assessed " + scope)
          + "</span></div>";
    }
    int notAssessed = evaluation.report().notAssessed().size();
    String caveat = notAssessed == 0 ? "" : "; " + notAssessed + " rule" + (notAssessed == 1 ? "" : "s") + " not assessed";
    return failures > 0
        ? "<div class=\"verdict failed\" id=\"verdict\"><span class=\"tag\">GATE FAILED</span><span class=\"why\">"
            + escape(failures + " FAIL result" + (failures == 1 ? " " : "s ") + scope) + "</span></div>"
        : "<div class=\"verdict passed\" id=\"verdict\"><span class=\"tag\">GATE PASSED</span><span class=\"why\">"
            + escape("no FAIL result " + scope + caveat) + "</span></div>";
  }

  // The rules that produced no result for want of facts, and the requirements that leaves unassessed.
  private static String coverage(Evaluation evaluation) {
    AssessmentCoverage coverage = evaluation.report().coverage();
    if (coverage.isComplete()) {
      return "";
    }
    List<NotAssessed> failing = evaluation.gate().notAssessedFailures(evaluation.report());
    StringBuilder html = new StringBuilder();
    html.append("<section class=\"panel\" id=\"coverage\">\n    <h2>Not assessed (")
        .append(coverage.notAssessed().size()).append(coverage.notAssessed().size() == 1 ? " rule" : " rules")
        .append(")</h2>\n    <p>No fact of these rules' target type was supplied, so they produced no result:"
            + " they neither passed nor failed.</p>")
        .append("\n    <table class=\"plain\" id=\"not-assessed\">")
        .append("<thead><tr><th>Rule</th><th>Severity</th><th>Title</th><th>Reason</th><th>Gate</th></tr></thead><tbody>");
    for (NotAssessed notAssessed : coverage.notAssessed()) {
      Rule rule = notAssessed.rule();
      html.append("\n      <tr><td class=\"mono\">").append(escape(rule.id())).append("</td><td>")
          .append(escape(rule.severity().wireName())).append("</td><td>").append(escape(rule.title())).append("</td><td>")
          .append(escape(notAssessed.reason())).append("</td><td>")
          .append(failing.contains(notAssessed) ? "fails it (--fail-on-unknown)" : "\u2014").append("</td></tr>");
    }
    html.append("\n    </tbody></table>");
    for (RequirementAssessment.Status status : List.of(RequirementAssessment.Status.NOT_ASSESSED,
        RequirementAssessment.Status.PARTIALLY_ASSESSED)) {
      List<RequirementAssessment> requirements = coverage.requirements(status);
      if (!requirements.isEmpty()) {
        boolean none = status == RequirementAssessment.Status.NOT_ASSESSED;
        html.append("\n    <p id=\"").append(none ? "requirements-not-assessed" : "requirements-partly-assessed")
            .append("\">").append(none ? "Requirements not assessed (" : "Requirements partly assessed (")
            .append(requirements.size()).append("): <span class=\"mono\">")
            .append(escape(requirements.stream().map(RequirementAssessment::requirement).collect(Collectors.joining(", "))))
            .append("</span></p>");
      }
    }
    return html.append("\n  </section>").toString();
  }

  // Each requirement with its status after waivers and the rules behind it, with their results.
  private static String requirements(Report report) {
    List<RequirementStatus> requirements = report.requirementStatuses();
    if (requirements.isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder();
    html.append("<section class=\"panel\" id=\"requirements\">\n    <h2>Requirements (")
        .append(escape(RollupText.counts(requirements))).append(")</h2>")
        .append("\n    <table class=\"plain\" id=\"requirement-statuses\">")
        .append("<thead><tr><th>Requirement</th><th>Status</th><th>Rules</th></tr></thead><tbody>");
    for (RequirementStatus requirement : requirements) {
      List<String> rules = new ArrayList<>();
      requirement.rules().forEach(rule -> rules.add("<span class=\"mono\">" + escape(rule.rule().id()) + "</span> "
          + escape(RollupText.ruleResults(rule))));
      requirement.disabledRules().forEach(rule -> rules.add("<span class=\"mono\">" + escape(rule.ruleId())
          + "</span> disabled: " + escape(rule.reason())));
      html.append("\n      <tr><td class=\"mono\">").append(escape(requirement.requirement()))
          .append("</td><td class=\"requirement-status ").append(requirement.status().wireName()).append("\">")
          .append(escape(requirement.status().label())).append("</td><td>").append(String.join("; ", rules))
          .append("</td></tr>");
    }
    return html.append("\n    </tbody></table>\n  </section>").toString();
  }

  // The waivers that apply now but expire within the period asked for (--warn-expiring).
  private static String expiringWaivers(Evaluation evaluation) {
    Optional<ExpiringWaivers> expiring = evaluation.expiring();
    if (expiring.isEmpty() || expiring.get().waivers().isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder();
    html.append("<section class=\"panel\" id=\"expiring-waivers\">\n    <h2>Waivers expiring within ")
        .append(escape(expiring.get().within().toString())).append(" (").append(expiring.get().waivers().size())
        .append(")</h2>\n    <table class=\"plain\">")
        .append("<thead><tr><th>Waiver</th><th>Expires</th><th>Ticket</th><th>Approved by</th><th>Reason</th>"
            + "<th>Defined at</th></tr></thead><tbody>");
    for (Waiver waiver : expiring.get().waivers()) {
      html.append("\n      <tr><td class=\"mono\">").append(escape(waiver.describe())).append("</td><td>")
          .append(escape(ExpiringWaivers.expiry(waiver, evaluation.report().evaluatedAt())))
          .append("</td><td class=\"mono\">").append(waiver.ticket() == null ? "\u2014" : escape(waiver.ticket()))
          .append("</td><td>").append(escape(waiver.approvedBy())).append("</td><td>")
          .append(escape(waiver.justification())).append("</td><td class=\"mono\">")
          .append(waiver.location().isEmpty() ? "\u2014" : escape(waiver.location())).append("</td></tr>");
    }
    return html.append("\n    </tbody></table>\n  </section>").toString();
  }

  private static String summary(Report report) {
    long total = report.resultCount();
    long applicable = total - report.count(Outcome.NOT_APPLICABLE);
    String rate = applicable == 0
        ? "n/a"
        : String.format(Locale.ROOT, "%.1f%%", 100.0 * report.count(Outcome.PASS) / applicable);
    StringBuilder html = new StringBuilder();
    html.append("<div class=\"cards\">\n");
    html.append(card("rate", "pass-rate", rate, "Pass rate"));
    html.append(card("", "count-total", Long.toString(total), "Results"));
    for (Outcome outcome : SUMMARY_ORDER) {
      html.append(card("outcome-" + outcome.name(), "count-" + outcome.name(), Long.toString(report.count(outcome)),
          outcome.name()));
    }
    html.append("    </div>\n");
    html.append("    <div class=\"rate-bar\" role=\"img\" aria-label=\"")
        .append(escape(SUMMARY_ORDER.stream()
            .map(outcome -> report.count(outcome) + " " + outcome.name())
            .collect(Collectors.joining(", "))))
        .append("\">");
    for (Outcome outcome : SUMMARY_ORDER) {
      long n = report.count(outcome);
      if (n > 0) {
        html.append("<span style=\"width:")
            .append(String.format(Locale.ROOT, "%.3f", 100.0 * n / total))
            .append("%;background:").append(OUTCOME_COLOURS.get(outcome)).append("\" title=\"")
            .append(n).append(' ').append(outcome.name()).append("\"></span>");
      }
    }
    html.append("</div>\n");
    html.append("    <p class=\"sub\">Pass rate: PASS results among the results whose rule applied")
        .append(" (all but NOT_APPLICABLE)")
        .append(applicable == 0 ? "; no rule applied." : ": " + report.count(Outcome.PASS) + " of " + applicable + ".")
        .append(" UNKNOWN means evidence was missing to decide; ERROR that the rule could not be evaluated.</p>");
    return html.toString();
  }

  private static String card(String modifier, String id, String value, String label) {
    return "      <div class=\"card" + (modifier.isEmpty() ? "" : " " + modifier) + "\">"
        + "<span class=\"value\" id=\"" + id + "\">" + escape(value) + "</span>"
        + "<span class=\"label\">" + escape(label) + "</span></div>\n";
  }

  private record Bar(String label, Map<Outcome, Long> counts) {

    long findings() {
      return FINDINGS.stream().mapToLong(outcome -> counts.getOrDefault(outcome, 0L)).sum();
    }
  }

  private static List<Bar> categoryBars(Report report) {
    List<Bar> bars = new ArrayList<>();
    for (Map.Entry<Category, Map<Outcome, Long>> category : report.countsByCategory().entrySet()) {
      bars.add(new Bar(RuleCatalogue.categoryName(category.getKey()), category.getValue()));
    }
    return bars;
  }

  private static List<Bar> severityBars(Report report) {
    List<Bar> bars = new ArrayList<>();
    for (int i = Severity.values().length - 1; i >= 0; i--) {
      Severity severity = Severity.values()[i];
      bars.add(new Bar(severity.wireName(), report.countsBySeverity().getOrDefault(severity, Map.of())));
    }
    return bars;
  }

  // A horizontal bar per label, its findings stacked FAIL, UNKNOWN, ERROR on a common scale.
  private static String chart(String heading, String description, List<Bar> bars) {
    long max = bars.stream().mapToLong(Bar::findings).max().orElse(0);
    int height = Math.max(1, bars.size()) * ROW_HEIGHT + 8;
    String summary = bars.stream().map(bar -> bar.label() + " " + bar.findings()).collect(Collectors.joining(", "));
    StringBuilder svg = new StringBuilder();
    svg.append("<figure class=\"chart\">\n        <h3>").append(escape(heading)).append("</h3>\n");
    svg.append("        <svg viewBox=\"0 0 ").append(CHART_WIDTH).append(' ').append(height)
        .append("\" role=\"img\" aria-label=\"").append(escape(description + ": " + summary)).append("\">\n");
    svg.append("          <title>").append(escape(description)).append("</title>\n");
    if (bars.isEmpty()) {
      svg.append("          <text class=\"none\" x=\"0\" y=\"20\">No results</text>\n");
    }
    for (int row = 0; row < bars.size(); row++) {
      Bar bar = bars.get(row);
      int top = 4 + row * ROW_HEIGHT;
      int barTop = top + (ROW_HEIGHT - BAR_HEIGHT) / 2;
      svg.append("          <g class=\"bar\" data-label=\"").append(escape(bar.label())).append("\" data-findings=\"")
          .append(bar.findings()).append("\">\n");
      svg.append("            <text x=\"").append(LABEL_WIDTH - 10).append("\" y=\"").append(barTop + 12)
          .append("\" text-anchor=\"end\">").append(escape(bar.label())).append("</text>\n");
      svg.append("            <rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(barTop).append("\" width=\"")
          .append(BAR_WIDTH).append("\" height=\"").append(BAR_HEIGHT).append("\" rx=\"3\" fill=\"#eef1f4\"/>\n");
      double x = LABEL_WIDTH;
      for (Outcome outcome : FINDINGS) {
        long n = bar.counts().getOrDefault(outcome, 0L);
        if (n == 0) {
          continue;
        }
        double width = (double) BAR_WIDTH * n / max;
        svg.append("            <rect x=\"").append(format(x)).append("\" y=\"").append(barTop).append("\" width=\"")
            .append(format(width)).append("\" height=\"").append(BAR_HEIGHT).append("\" fill=\"")
            .append(OUTCOME_COLOURS.get(outcome)).append("\"><title>").append(n).append(' ').append(outcome.name())
            .append("</title></rect>\n");
        x += width;
      }
      svg.append("            <text class=\"count").append(bar.findings() == 0 ? " none" : "").append("\" x=\"")
          .append(LABEL_WIDTH + BAR_WIDTH + 10).append("\" y=\"").append(barTop + 12).append("\">")
          .append(bar.findings()).append("</text>\n");
      svg.append("          </g>\n");
    }
    svg.append("        </svg>\n      </figure>");
    return svg.toString();
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String packs(Report report) {
    StringBuilder html = new StringBuilder();
    html.append("<table class=\"plain\" id=\"packs\">")
        .append("<thead><tr><th>Pack</th><th>Version</th><th>Title</th><th>Extends</th><th>Source</th></tr></thead>"
            + "<tbody>");
    for (Report.PackInfo pack : report.packs()) {
      html.append("\n          <tr><td class=\"mono\">").append(escape(pack.id())).append("</td><td class=\"mono\">")
          .append(escape(pack.version())).append("</td><td>").append(escape(pack.title())).append("</td><td class=\"mono\">")
          .append(pack.base() == null ? "\u2014" : escape(pack.base())).append("</td><td class=\"mono\">")
          .append(escape(pack.source())).append("</td></tr>");
    }
    html.append("\n        </tbody></table>");
    List<String> disabled = new ArrayList<>();
    for (Report.PackInfo pack : report.packs()) {
      for (DisabledRule rule : pack.disabledRules()) {
        disabled.add("\n          <tr><td class=\"mono\">" + escape(rule.ruleId()) + "</td><td>" + escape(rule.title())
            + "</td><td class=\"mono\">" + escape(pack.id()) + "</td><td>" + escape(rule.reason()) + "</td></tr>");
      }
    }
    if (!disabled.isEmpty()) {
      // a switched-off rule is an exception to the policy, so its reason is shown with it
      html.append("\n        <h3 id=\"disabled-rules-heading\">Disabled rules (").append(disabled.size()).append(")</h3>")
          .append("\n        <table class=\"plain\" id=\"disabled-rules\">")
          .append("<thead><tr><th>Rule</th><th>Title</th><th>Disabled by</th><th>Reason</th></tr></thead><tbody>");
      disabled.forEach(html::append);
      html.append("\n        </tbody></table>");
    }
    return html.toString();
  }

  private static String run(Evaluation evaluation) {
    Report report = evaluation.report();
    List<String> items = new ArrayList<>();
    items.add("Evaluated at <span class=\"mono\">" + escape(report.evaluatedAt().toString())
        + "</span> (durations such as firmware age are measured against this time)");
    items.add("Inputs: " + (evaluation.inputs().isEmpty()
        ? "none"
        : evaluation.inputs().stream().map(input -> "<span class=\"mono\">" + escape(input) + "</span>")
            .collect(Collectors.joining(", "))));
    items.add("Facts: " + escape(factSummary(report)));
    report.incompleteReason().ifPresent(reason ->
        items.add("<b>Incomplete:</b> " + escape(reason) + "; the results cover only the facts evaluated"));
    for (FailedSource failed : evaluation.failedSources()) {
      items.add("Not read (--allow-partial): <span class=\"mono\">" + escape(failed.source()) + "</span>: "
          + escape(failed.firstProblem()));
    }
    for (SkippedRecord record : evaluation.skippedRecords()) {
      // its rules are UNKNOWN when its fact is known, so a reader of those results finds why here
      items.add("Record skipped (--allow-partial): <span class=\"mono\">" + escape(record.describeFact())
          + "</span> at <span class=\"mono\">" + escape(record.origin().describe()) + "</span>: "
          + record.problems().stream().map(HtmlReport::escape).collect(Collectors.joining("; ")));
    }
    for (String warning : evaluation.warnings()) {
      items.add("Source warning: " + escape(warning));
    }
    if (evaluation.conflictCount() > 0) {
      items.add("Conflicts between sources: " + evaluation.conflictCount() + conflicts(evaluation));
    }
    items.add("Gate: <span class=\"mono\">" + escape(evaluation.gate().toString()) + "</span>");
    items.add("rampart " + escape(evaluation.toolVersion()));
    return "<ul>" + items.stream().map(item -> "\n          <li>" + item + "</li>").collect(Collectors.joining())
        + "\n        </ul>";
  }

  // Each field sources disagreed on: the fact and field, the value kept and where from, each value overruled.
  private static String conflicts(Evaluation evaluation) {
    StringBuilder html = new StringBuilder("\n            <ul>");
    evaluation.conflicts().forEach((fact, conflicts) -> {
      for (Conflict conflict : conflicts) {
        html.append("\n              <li><span class=\"mono\">").append(escape(fact.toString())).append(' ')
            .append(escape(conflict.field().text())).append("</span>: kept ").append(claim(conflict.chosen()));
        for (Conflict.Claim overruled : conflict.overruled()) {
          html.append("; overruled ").append(claim(overruled));
        }
        html.append("</li>");
      }
    });
    return html.append("\n            </ul>").toString();
  }

  private static String claim(Conflict.Claim claim) {
    return "<span class=\"mono\">" + escape(claim.value()) + "</span> from <span class=\"mono\">"
        + escape(claim.origin().describe()) + "</span>";
  }


  private static String data(Evaluation evaluation) throws IOException {
    Report report = evaluation.report();
    RuleCatalogue catalogue = RuleCatalogue.of(report);
    List<FactKey> facts = facts(evaluation);
    Map<FactKey, Integer> factIndexes = new HashMap<>();
    for (int i = 0; i < facts.size(); i++) {
      factIndexes.put(facts.get(i), i);
    }
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeStringField("evaluatedAt", report.evaluatedAt().toString());
      json.writeArrayFieldStart("rules");
      for (Rule rule : catalogue.rules()) {
        writeRule(json, rule, catalogue);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("facts");
      for (FactKey fact : facts) {
        json.writeStartObject();
        json.writeStringField("type", fact.type().wireName());
        json.writeStringField("id", fact.id());
        Origin origin = evaluation.origins().get(fact);
        if (origin != null) {
          json.writeStringField("location", origin.toString());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("results");
      for (RuleResult result : report.results()) {
        json.writeStartObject();
        json.writeNumberField("rule", catalogue.index(result.rule()));
        json.writeNumberField("fact", factIndexes.get(new FactKey(result.factType(), result.factId())));
        json.writeStringField("outcome", result.outcome().name());
        json.writeStringField("message", result.message());
        EvidenceJson.writeMember(json, result.evidence());
        WaiversNotApplied.write(json, report.untrustedMatchesOf(result));
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return scriptSafe(text.toString());
  }

  private static void writeRule(JsonGenerator json, Rule rule, RuleCatalogue catalogue) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", catalogue.displayId(rule));
    json.writeStringField("title", rule.title());
    json.writeStringField("pack", rule.packId());
    json.writeStringField("category", rule.category().wireName());
    json.writeStringField("severity", rule.severity().wireName());
    json.writeStringField("remediation", rule.remediation());
    json.writeArrayFieldStart("references");
    for (Map.Entry<String, List<String>> framework : rule.references().entrySet()) {
      for (String control : framework.getValue()) {
        json.writeString(framework.getKey() + ":" + control);
      }
    }
    json.writeEndArray();
    json.writeArrayFieldStart("requirements");
    for (String requirement : rule.requirements()) {
      json.writeString(requirement);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  // Every fact with a result or a known origin, by type in the guide's order and then by id.
  private static List<FactKey> facts(Evaluation evaluation) {
    TreeSet<FactKey> facts = new TreeSet<>(Comparator.comparing(FactKey::type).thenComparing(FactKey::id));
    facts.addAll(evaluation.origins().keySet());
    for (RuleResult result : evaluation.report().results()) {
      facts.add(new FactKey(result.factType(), result.factId()));
    }
    return List.copyOf(facts);
  }

  /** The page template with its placeholders, and the hash of its script for the Content-Security-Policy. */
  private record Template(String text, String scriptHash) {

    static Template load() {
      try (InputStream in = HtmlReport.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the HTML report template " + TEMPLATE_RESOURCE + " is missing from the jar");
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        Matcher script = SCRIPT.matcher(text);
        if (!script.find()) {
          throw new IllegalStateException("the HTML report template has no <script> element");
        }
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(script.group(1).getBytes(StandardCharsets.UTF_8));
        return new Template(text, "sha256-" + Base64.getEncoder().encodeToString(hash));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the HTML report template", e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform provides SHA-256", e);
      }
    }

    // One pass over the template, so a value that looks like a placeholder is never filled in.
    String fill(Map<String, String> values) {
      Matcher placeholder = PLACEHOLDER.matcher(text);
      StringBuilder page = new StringBuilder(text.length() * 2);
      while (placeholder.find()) {
        String value = values.get(placeholder.group(1));
        if (value == null) {
          throw new IllegalStateException("no value for the template placeholder " + placeholder.group());
        }
        placeholder.appendReplacement(page, Matcher.quoteReplacement(value));
      }
      placeholder.appendTail(page);
      return page.toString();
    }
  }
}
