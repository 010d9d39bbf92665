package dev.rampart.oscal;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rampart.engine.Report;
import dev.rampart.engine.Report.PackInfo;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.Waiver;
import dev.rampart.engine.value.DisabledRule;
import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.EvidenceText;
import dev.rampart.engine.value.Outcome;
import dev.rampart.reports.Evaluation;
import dev.rampart.reports.ReportWriter;
import dev.rampart.sources.FactKey;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.Origin;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An evaluation as a NIST OSCAL 1.1.2 assessment-results document, for GRC tools that speak OSCAL:
 * the run as one result, each fact as a subject (an inventory item), each rule's outcome for each fact
 * as an observation with its evidence, a finding per guide requirement and per framework control the
 * rules cite, with OSCAL's status and a reason that keeps evidence missing, errors and rules not
 * assessed apart from failures, and each waiver that accepted results as a risk whose deviation was
 * approved. Every UUID is derived from what it identifies (packs, rules, facts, waivers, and for the
 * document and the result the inputs and the evaluation time), so a second run over the same inputs
 * at the same time writes the same bytes. docs/oscal.md maps each part.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AssessmentResults implements ReportWriter {

  static final UUID TOOL = StableUuids.of("component", "rampart");
  static final UUID PLATFORM = StableUuids.of("assessment-platform", "rampart");

  private final List<RulePack> packs;

  private AssessmentResults(List<RulePack> packs) {
    this.packs = List.copyOf(packs);
  }

  /**
   * The writer of evaluations of {@code packs}.
   *
   * @param packs the packs evaluated, as the engine holds them ({@code engine.packs()}): their rules
   *     and frameworks make the findings
   */
  public static AssessmentResults of(List<RulePack> packs) {
    return new AssessmentResults(Objects.requireNonNull(packs, "packs"));
  }

  @Override
  public void write(Evaluation evaluation, Writer out) throws IOException {
    Report report = evaluation.report();
    OutcomeTally tally = OutcomeTally.of(report);
    String time = timestamp(report.evaluatedAt());
    String plan = report.packs().stream().map(p -> p.id() + "@" + p.version()).collect(Collectors.joining(","));
    String inputs = String.join(",", evaluation.inputs());
    UUID planResource = StableUuids.of("resource", "assessment-plan", plan);

    JsonGenerator json = OscalJson.generator(out);
    json.writeStartObject();
    json.writeObjectFieldStart("assessment-results");
    OscalJson.uuid(json, StableUuids.of("assessment-results", plan, inputs, time));
    OscalJson.startMetadata(json, "Rampart assessment results: " + Markup.line(packTitles(report)),
        report.evaluatedAt(), time);
    json.writeArrayFieldStart("props");
    OscalJson.prop(json, "tool", "rampart " + Markup.oneLine(evaluation.toolVersion()));
    json.writeEndArray();
    json.writeEndObject();

    json.writeObjectFieldStart("import-ap");
    json.writeStringField("href", "#" + planResource);
    json.writeStringField("remarks", "Rampart's assessment plan is the rule packs it evaluated; the back-matter"
        + " resource this points at names them. `rampart rules --format oscal` writes each pack as an OSCAL"
        + " component definition.");
    json.writeEndObject();

    json.writeArrayFieldStart("results");
    json.writeStartObject();
    OscalJson.uuid(json, StableUuids.of("result", plan, inputs, time));
    json.writeStringField("title", "Evaluation of " + Markup.line(evaluation.inputs().isEmpty()
        ? "the facts given" : String.join(", ", evaluation.inputs())));
    json.writeStringField("description", summary(evaluation, tally));
    json.writeStringField("start", time);
    resultProps(json, evaluation);
    localDefinitions(json, evaluation, tally);
    AssessmentFindings findings = new AssessmentFindings(packs, report, tally, time);
    findings.writeReviewedControls(json);
    observations(json, report, time);
    findings.writeRisks(json);
    findings.writeFindings(json);
    remarks(json, evaluation);
    json.writeEndObject();
    json.writeEndArray();

    backMatter(json, report, planResource);
    json.writeEndObject();
    json.writeEndObject();
    json.flush();
  }

  /** An instant as OSCAL's date-time with a time zone, to the second. */
  static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The UUID of a fact's subject, the same for the fact in every document. */
  static UUID subject(FactType type, String factId) {
    return StableUuids.of("subject", type.wireName(), factId);
  }

  /** The UUID of the observation of one rule's outcome for one fact. */
  static UUID observation(RuleResult result) {
    return StableUuids.of("observation", result.rule().packId(), result.rule().id(), result.factType().wireName(),
        result.factId());
  }

  /** How a result names its fact in titles: {@code device cam-01}. */
  static String factName(FactType type, String factId) {
    return type.wireName() + " " + factId;
  }

  private static String packTitles(Report report) {
    return report.packs().isEmpty() ? "no pack"
        : report.packs().stream().map(p -> p.title() + " " + p.version()).collect(Collectors.joining(", "));
  }

  private static String summary(Evaluation evaluation, OutcomeTally tally) {
    Report report = evaluation.report();
    String counts = java.util.Arrays.stream(Outcome.values())
        .map(outcome -> report.count(outcome) + " " + outcome)
        .collect(Collectors.joining(", "));
    String packList = report.packs().stream().map(p -> p.id() + " " + p.version()).collect(Collectors.joining(", "));
    return "The rules of " + Markup.text(packList.isEmpty() ? "no pack" : packList) + " evaluated for "
        + tally.facts().size() + (tally.facts().size() == 1 ? " fact" : " facts") + ": " + counts
        + (report.waivedCount() == 0 ? "" : "; " + report.waivedCount() + " of them accepted by waivers")
        + ". The CI gate (fail on " + evaluation.gate().failOn() + ") "
        + (evaluation.gate().failed(report) ? "failed" : "passed") + ".";
  }

  private static void resultProps(JsonGenerator json, Evaluation evaluation) throws IOException {
    Report report = evaluation.report();
    json.writeArrayFieldStart("props");
    for (Outcome outcome : Outcome.values()) {
      OscalJson.prop(json, "results-" + wire(outcome), Long.toString(report.count(outcome)));
    }
    OscalJson.prop(json, "results-waived", Long.toString(report.waivedCount()));
    OscalJson.prop(json, "complete", Boolean.toString(report.isComplete() && evaluation.sourcesReadInFull()));
    OscalJson.prop(json, "gate", evaluation.gate().failed(report) ? "failed" : "passed");
    json.writeEndArray();
  }

  private static void localDefinitions(JsonGenerator json, Evaluation evaluation, OutcomeTally tally)
      throws IOException {
    json.writeObjectFieldStart("local-definitions");
    if (!tally.facts().isEmpty()) {
      json.writeArrayFieldStart("inventory-items");
      for (FactKey fact : tally.facts()) {
        inventoryItem(json, fact, evaluation.origins().get(fact));
      }
      json.writeEndArray();
    }
    json.writeObjectFieldStart("assessment-assets");
    json.writeArrayFieldStart("components");
    json.writeStartObject();
    OscalJson.uuid(json, TOOL);
    json.writeStringField("type", "software");
    json.writeStringField("title", "Rampart");
    json.writeStringField("description", "The compliance rules engine that evaluated the rule packs over the facts.");
    json.writeArrayFieldStart("props");
    OscalJson.prop(json, "version", Markup.oneLine(evaluation.toolVersion()));
    json.writeEndArray();
    json.writeObjectFieldStart("status");
    json.writeStringField("state", "operational");
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndArray();
    json.writeArrayFieldStart("assessment-platforms");
    json.writeStartObject();
    OscalJson.uuid(json, PLATFORM);
    json.writeStringField("title", "Rampart");
    json.writeArrayFieldStart("uses-components");
    json.writeStartObject();
    json.writeStringField("component-uuid", TOOL.toString());
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void inventoryItem(JsonGenerator json, FactKey fact, @Nullable Origin origin) throws IOException {
    json.writeStartObject();
    OscalJson.uuid(json, subject(fact.type(), fact.id()));
    json.writeStringField("description", "The " + Markup.text(factName(fact.type(), fact.id()))
        + (origin == null ? "" : ", as " + Markup.text(origin.toString()) + " defines it") + ".");
    json.writeArrayFieldStart("props");
    OscalJson.prop(json, "fact-type", fact.type().wireName());
    OscalJson.prop(json, "fact-id", Markup.oneLine(fact.id()));
    if (origin != null) {
      OscalJson.prop(json, "origin", Markup.oneLine(origin.describe()));
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void observations(JsonGenerator json, Report report, String time) throws IOException {
    if (report.resultCount() == 0) {
      return;
    }
    json.writeArrayFieldStart("observations");
    for (RuleResult result : report.results()) {
      observation(json, report, result, time);
    }
    json.writeEndArray();
  }

  private static void observation(JsonGenerator json, Report report, RuleResult result, String time)
      throws IOException {
    json.writeStartObject();
    OscalJson.uuid(json, observation(result));
    String fact = factName(result.factType(), result.factId());
    json.writeStringField("title", Markup.line(result.rule().id()) + " " + result.outcome() + ": " + Markup.line(fact));
    json.writeStringField("description", Markup.text(result.message()));
    json.writeArrayFieldStart("props");
    OscalJson.prop(json, "pack", result.rule().packId());
    OscalJson.prop(json, "rule", result.rule().id());
    OscalJson.prop(json, "outcome", result.outcome().name());
    OscalJson.prop(json, "severity", result.rule().severity().name().toLowerCase(Locale.ROOT));
    if (result.isFinding() && report.waiverOf(result).isPresent()) {
      OscalJson.prop(json, "waived", "true");
    }
    json.writeEndArray();
    json.writeArrayFieldStart("methods");
    json.writeString("TEST");
    json.writeEndArray();
    json.writeArrayFieldStart("types");
    json.writeString(result.isFinding() ? "finding" : "control-objective");
    json.writeEndArray();
    json.writeArrayFieldStart("origins");
    json.writeStartObject();
    json.writeArrayFieldStart("actors");
    json.writeStartObject();
    json.writeStringField("type", "tool");
    json.writeStringField("actor-uuid", TOOL.toString());
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeArrayFieldStart("subjects");
    json.writeStartObject();
    json.writeStringField("subject-uuid", subject(result.factType(), result.factId()).toString());
    json.writeStringField("type", "inventory-item");
    json.writeStringField("title", Markup.line(fact));
    json.writeEndObject();
    json.writeEndArray();
    if (!result.evidence().isEmpty()) {
      json.writeArrayFieldStart("relevant-evidence");
      for (Evidence evidence : result.evidence()) {
        relevantEvidence(json, evidence);
      }
      json.writeEndArray();
    }
    json.writeStringField("collected", time);
    if (result.outcome() == Outcome.FAIL && !result.rule().remediation().isBlank()) {
      json.writeStringField("remarks", "Remediation: " + Markup.text(result.rule().remediation()));
    }
    json.writeEndObject();
  }

  private static void relevantEvidence(JsonGenerator json, Evidence evidence) throws IOException {
    json.writeStartObject();
    json.writeStringField("description", (evidence.applicability() ? "applies when: " : "")
        + Markup.text(EvidenceText.line(evidence)));
    json.writeArrayFieldStart("props");
    OscalJson.prop(json, "field", Markup.oneLine(evidence.field()));
    OscalJson.prop(json, "found", Markup.oneLine(EvidenceText.actual(evidence)));
    OscalJson.prop(json, "expected", Markup.oneLine(EvidenceText.expected(evidence)));
    if (evidence.source() != null) {
      OscalJson.prop(json, "source", Markup.oneLine(evidence.source()));
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void remarks(JsonGenerator json, Evaluation evaluation) throws IOException {
    Report report = evaluation.report();
    List<String> lines = new ArrayList<>();
    report.incompleteReason().ifPresent(reason -> lines.add("The evaluation is incomplete (" + reason
        + "): the results cover only the facts evaluated."));
    evaluation.failedSources().forEach(failed -> lines.add("Source " + failed.source()
        + " could not be read and was left out."));
    evaluation.skippedRecords().forEach(skipped -> lines.add("A record was skipped: " + skipped));
    evaluation.warnings().forEach(lines::add);
    for (Waiver waiver : report.expiredWaivers()) {
      lines.add("The waiver " + waiver.describe() + (waiver.location().isEmpty() ? "" : " at " + waiver.location())
          + " expired on " + waiver.expires() + " and accepted nothing.");
    }
    if (!lines.isEmpty()) {
      json.writeStringField("remarks", lines.stream().map(Markup::text).collect(Collectors.joining("\n\n")));
    }
  }

  private static void backMatter(JsonGenerator json, Report report, UUID planResource) throws IOException {
    json.writeObjectFieldStart("back-matter");
    json.writeArrayFieldStart("resources");
    json.writeStartObject();
    OscalJson.uuid(json, planResource);
    json.writeStringField("title", "Assessment plan: the rule packs evaluated");
    StringBuilder description = new StringBuilder();
    for (PackInfo pack : report.packs()) {
      description.append("- ").append(Markup.text(pack.id() + " " + pack.version() + ": " + pack.title()
          + " (" + pack.source() + (pack.base() == null ? "" : ", extends " + pack.base()) + ")")).append('\n');
      for (DisabledRule disabled : pack.disabledRules()) {
        description.append("  - disabled: ").append(Markup.text(disabled.ruleId() + " (" + disabled.reason() + ")"))
            .append('\n');
      }
    }
    json.writeStringField("description", description.length() == 0 ? "No pack." : description.toString().strip());
    if (!report.packs().isEmpty()) {
      json.writeArrayFieldStart("rlinks");
      for (PackInfo pack : report.packs()) {
        json.writeStartObject();
        json.writeStringField("href", packHref(pack));
        if (!pack.source().equals(RulePack.BUILT_IN)) {
          json.writeStringField("media-type", "application/yaml");
        }
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
  }

  /**
   * Where a pack can be read: its file as a URI reference (relative as the run named it), or for a
   * built-in pack a URN that names it and its version, {@code urn:rampart:pack:iot-baseline:1.0.0}.
   */
  static String packHref(PackInfo pack) {
    if (pack.source().equals(RulePack.BUILT_IN)) {
      return "urn:rampart:pack:" + pack.id() + ":" + pack.version();
    }
    try {
      Path file = Path.of(pack.source());
      return file.isAbsolute() ? file.toUri().toASCIIString()
          : new URI(null, null, file.toString().replace(java.io.File.separatorChar, '/'), null).toASCIIString();
    } catch (InvalidPathException | URISyntaxException e) {
      return "urn:rampart:pack:" + pack.id() + ":" + pack.version();
    }
  }

  private static String wire(Outcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
