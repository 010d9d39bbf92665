package dev.rampart.reports;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.rampart.engine.AppliedWaiver;
import dev.rampart.engine.AssessmentCoverage;
import dev.rampart.engine.NotAssessed;
import dev.rampart.engine.Report;
import dev.rampart.engine.RequirementAssessment;
import dev.rampart.engine.RequirementStatus;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.Waiver;
import dev.rampart.engine.value.Category;
import dev.rampart.engine.value.DisabledRule;
import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Rule;
import dev.rampart.engine.value.Severity;
import dev.rampart.reports.baseline.Baseline;
import dev.rampart.sources.FactKey;
import dev.rampart.sources.FailedSource;
import dev.rampart.sources.merge.Conflict;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The report for machines: a summary and one entry per result, in the report's order. The fields
 * are described in the module's README and, exactly, by the JSON Schema {@code docs/report-schema.json};
 * {@link #SCHEMA_VERSION} changes when they do.
 */
@API(status = STABLE, since = "0.1")
public final class JsonReport implements ReportWriter {

  /** The version of the report's layout: the minor part grows with added fields, the major with changes. */
  public static final String SCHEMA_VERSION = "1.6";

  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private final boolean onlyFindings;

  private JsonReport(boolean onlyFindings) {
    this.onlyFindings = onlyFindings;
  }

  /** A report that lists every result. */
  public static JsonReport allResults() {
    return new JsonReport(false);
  }

  /** A report that lists only findings (FAIL, UNKNOWN, ERROR); the summary still counts every result. */
  public static JsonReport onlyFindings() {
    return new JsonReport(true);
  }

  @Override
  public void write(Evaluation evaluation, Writer out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("schemaVersion", SCHEMA_VERSION);
      json.writeObjectFieldStart("tool");
      json.writeStringField("name", "rampart");
      json.writeStringField("version", evaluation.toolVersion());
      json.writeEndObject();
      writeSummary(json, evaluation);
      writeRequirements(json, evaluation.report());
      json.writeArrayFieldStart("results");
      Report report = evaluation.report();
      for (RuleResult result : onlyFindings ? report.findings() : report.results()) {
        writeResult(json, evaluation, result, evaluation.origin(result).orElse(null));
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write(System.lineSeparator());
    out.flush();
  }

  private static void writeSummary(JsonGenerator json, Evaluation evaluation) throws IOException {
    Report report = evaluation.report();
    json.writeObjectFieldStart("summary");
    json.writeStringField("evaluatedAt", report.evaluatedAt().toString());
    json.writeBooleanField("complete", report.isComplete());
    if (report.incompleteReason().isPresent()) {
      json.writeStringField("incompleteReason", report.incompleteReason().get());
    }
    json.writeArrayFieldStart("packs");
    for (Report.PackInfo pack : report.packs()) {
      writePack(json, pack);
    }
    json.writeEndArray();
    writeStrings(json, "inputs", evaluation.inputs());
    json.writeArrayFieldStart("failedSources");
    for (FailedSource failed : evaluation.failedSources()) {
      json.writeStartObject();
      json.writeStringField("source", failed.source());
      json.writeStringField("problem", failed.firstProblem());
      json.writeNumberField("problemCount", failed.problems().size());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("skippedRecords");
    for (SkippedRecord record : evaluation.skippedRecords()) {
      writeSkippedRecord(json, record);
    }
    json.writeEndArray();
    writeStrings(json, "warnings", evaluation.warnings());
    json.writeObjectFieldStart("facts");
    for (FactType type : FactType.values()) {
      json.writeNumberField(type.wireName(), report.factCounts().getOrDefault(type, 0L));
    }
    json.writeEndObject();
    json.writeArrayFieldStart("conflicts");
    for (Map.Entry<FactKey, List<Conflict>> fact : evaluation.conflicts().entrySet()) {
      for (Conflict conflict : fact.getValue()) {
        json.writeStartObject();
        json.writeStringField("factType", fact.getKey().type().wireName());
        json.writeStringField("factId", fact.getKey().id());
        writeConflictFields(json, conflict);
        json.writeEndObject();
      }
    }
    json.writeEndArray();
    json.writeFieldName("counts");
    writeCounts(json, report.counts());
    json.writeObjectFieldStart("bySeverity");
    for (int i = Severity.values().length - 1; i >= 0; i--) {
      Severity severity = Severity.values()[i];
      json.writeFieldName(severity.wireName());
      writeCounts(json, report.countsBySeverity().getOrDefault(severity, Map.of()));
    }
    json.writeEndObject();
    json.writeObjectFieldStart("byCategory");
    Set<Category> categories = new TreeSet<>(Category.builtIns());
    categories.addAll(report.countsByCategory().keySet());
    for (Category category : categories) {
      json.writeFieldName(category.wireName());
      writeCounts(json, report.countsByCategory().getOrDefault(category, Map.of()));
    }
    json.writeEndObject();
    json.writeObjectFieldStart("gate");
    json.writeStringField("failOn", evaluation.gate().failOn());
    json.writeBooleanField("failOnUnknown", evaluation.gate().failsOnUnknown());
    json.writeBooleanField("allowErrors", evaluation.gate().allowsErrors());
    json.writeBooleanField("failed", evaluation.gate().failed(report));
    json.writeEndObject();
    writeCoverage(json, evaluation);
    json.writeFieldName("requirements");
    writeRequirementCounts(json, report);
    writeWaivers(json, evaluation);
    Optional<Baseline> baseline = evaluation.gate().baseline();
    if (baseline.isPresent()) {
      writeBaseline(json, baseline.get(), report);
    }
    json.writeEndObject();
  }

  /**
   * The {@code coverage} object: the rules not assessed for want of facts, and how far each requirement
   * was assessed. The SARIF report writes the same object among its run's properties.
   */
  static void writeCoverage(JsonGenerator json, Evaluation evaluation) throws IOException {
    Report report = evaluation.report();
    AssessmentCoverage coverage = report.coverage();
    List<NotAssessed> failing = evaluation.gate().notAssessedFailures(report);
    json.writeObjectFieldStart("coverage");
    json.writeBooleanField("complete", coverage.isComplete());
    json.writeArrayFieldStart("notAssessed");
    for (NotAssessed notAssessed : coverage.notAssessed()) {
      Rule rule = notAssessed.rule();
      json.writeStartObject();
      json.writeStringField("ruleId", rule.id());
      json.writeStringField("packId", rule.packId());
      json.writeStringField("title", rule.title());
      json.writeStringField("severity", rule.severity().wireName());
      json.writeStringField("target", rule.target().wireName());
      json.writeStringField("reason", notAssessed.reason());
      json.writeBooleanField("failsGate", failing.contains(notAssessed));
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("requirements");
    for (RequirementAssessment requirement : coverage.requirements()) {
      json.writeStartObject();
      json.writeStringField("id", requirement.requirement());
      json.writeStringField("status", requirement.status().name());
      writeStrings(json, "ruleIds", requirement.rules().stream().map(Rule::id).toList());
      writeStrings(json, "notAssessed", requirement.notAssessed().stream().map(Rule::id).toList());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeSkippedRecord(JsonGenerator json, SkippedRecord record) throws IOException {
    Origin origin = record.origin();
    json.writeStartObject();
    json.writeStringField("source", origin.sourceId());
    json.writeStringField("location", origin.location());
    if (origin.line() > 0) {
      json.writeNumberField("line", origin.line());
      json.writeNumberField("column", origin.column());
    }
    if (record.type() != null) {
      json.writeStringField("factType", record.type().wireName());
    }
    if (record.factId() != null) {
      json.writeStringField("factId", record.factId());
    }
    writeStrings(json, "problems", record.problems());
    json.writeEndObject();
  }

  private static void writePack(JsonGenerator json, Report.PackInfo pack) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", pack.id());
    json.writeStringField("version", pack.version());
    json.writeStringField("title", pack.title());
    json.writeStringField("source", pack.source());
    if (pack.base() != null) {
      json.writeStringField("base", pack.base());
    }
    json.writeArrayFieldStart("disabledRules");
    for (DisabledRule rule : pack.disabledRules()) {
      json.writeStartObject();
      json.writeStringField("ruleId", rule.ruleId());
      json.writeStringField("title", rule.title());
      json.writeStringField("reason", rule.reason());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeConflictFields(JsonGenerator json, Conflict conflict) throws IOException {
    json.writeStringField("field", conflict.field().text());
    json.writeFieldName("kept");
    writeClaim(json, conflict.chosen());
    json.writeArrayFieldStart("overruled");
    for (Conflict.Claim claim : conflict.overruled()) {
      writeClaim(json, claim);
    }
    json.writeEndArray();
  }

  private static void writeClaim(JsonGenerator json, Conflict.Claim claim) throws IOException {
    json.writeStartObject();
    json.writeStringField("value", claim.value());
    json.writeStringField("source", claim.origin().describe());
    json.writeEndObject();
  }

  private static void writeCounts(JsonGenerator json, Map<Outcome, Long> counts) throws IOException {
    json.writeStartObject();
    for (Outcome outcome : Outcome.values()) {
      json.writeNumberField(outcome.name(), counts.getOrDefault(outcome, 0L));
    }
    json.writeEndObject();
  }

  private static void writeWaivers(JsonGenerator json, Evaluation evaluation) throws IOException {
    Report report = evaluation.report();
    json.writeObjectFieldStart("waivers");
    json.writeNumberField("waived", report.waivedCount());
    json.writeArrayFieldStart("expired");
    for (Waiver waiver : report.expiredWaivers()) {
      writeWaiver(json, waiver, null);
    }
    json.writeEndArray();
    Optional<ExpiringWaivers> expiring = evaluation.expiring();
    if (expiring.isPresent()) {
      json.writeObjectFieldStart("expiring");
      json.writeStringField("within", expiring.get().within().toString());
      json.writeArrayFieldStart("waivers");
      for (Waiver waiver : expiring.get().waivers()) {
        writeWaiver(json, waiver, waiver.daysLeftAt(report.evaluatedAt()));
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  // A waiver's selection and fields, with the days it has left when that is what it is listed for.
  private static void writeWaiver(JsonGenerator json, Waiver waiver, @Nullable Long daysLeft) throws IOException {
    json.writeStartObject();
    json.writeStringField("rule", waiver.rule());
    if (waiver.factType() != null) {
      json.writeStringField("factType", waiver.factType().wireName());
    }
    if (waiver.factId() != null) {
      json.writeStringField("factId", waiver.factId());
    }
    if (waiver.where() != null) {
      json.writeObjectFieldStart("where");
      json.writeStringField("field", waiver.where().field());
      json.writeStringField("equals", waiver.where().equals());
      json.writeEndObject();
    }
    writeWaiverFields(json, waiver);
    if (daysLeft != null) {
      json.writeNumberField("daysLeft", daysLeft);
    }
    json.writeEndObject();
  }

  /**
   * The number of requirements of each status, every status present. The SARIF report writes the same
   * object among its run's properties.
   */
  static void writeRequirementCounts(JsonGenerator json, Report report) throws IOException {
    json.writeStartObject();
    for (Map.Entry<RequirementStatus.Status, Long> count
        : RequirementStatus.countByStatus(report.requirementStatuses()).entrySet()) {
      json.writeNumberField(count.getKey().wireName(), count.getValue());
    }
    json.writeEndObject();
  }

  /**
   * The {@code requirements} array: each requirement with its status after waivers, its results and the
   * rules behind it. The SARIF report writes the same array among its run's properties.
   */
  static void writeRequirements(JsonGenerator json, Report report) throws IOException {
    json.writeArrayFieldStart("requirements");
    for (RequirementStatus requirement : report.requirementStatuses()) {
      json.writeStartObject();
      json.writeStringField("id", requirement.requirement());
      json.writeStringField("status", requirement.status().wireName());
      json.writeFieldName("counts");
      writeCounts(json, requirement.counts());
      json.writeNumberField("waived", requirement.waived());
      json.writeArrayFieldStart("rules");
      for (RequirementStatus.RuleStatus rule : requirement.rules()) {
        json.writeStartObject();
        json.writeStringField("ruleId", rule.rule().id());
        json.writeStringField("packId", rule.rule().packId());
        json.writeStringField("status", rule.status().wireName());
        json.writeFieldName("counts");
        writeCounts(json, rule.counts());
        json.writeNumberField("waived", rule.waived());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("disabledRules");
      for (DisabledRule rule : requirement.disabledRules()) {
        json.writeStartObject();
        json.writeStringField("ruleId", rule.ruleId());
        json.writeStringField("reason", rule.reason());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeWaiverFields(JsonGenerator json, Waiver waiver) throws IOException {
    json.writeStringField("justification", waiver.justification());
    json.writeStringField("approvedBy", waiver.approvedBy());
    json.writeStringField("expires", waiver.expires().toString());
    if (waiver.ticket() != null) {
      json.writeStringField("ticket", waiver.ticket());
    }
    if (!waiver.location().isEmpty()) {
      json.writeStringField("location", waiver.location());
    }
  }

  private static void writeBaseline(JsonGenerator json, Baseline baseline, Report report) throws IOException {
    Baseline.Comparison comparison = baseline.compare(report);
    json.writeObjectFieldStart("baseline");
    json.writeStringField("file", baseline.source());
    json.writeNumberField("new", comparison.newFindings());
    json.writeNumberField("existing", comparison.existingFindings());
    json.writeArrayFieldStart("resolved");
    for (Baseline.Entry entry : comparison.resolved()) {
      entry.writeTo(json);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeResult(JsonGenerator json, Evaluation evaluation, RuleResult result, @Nullable Origin origin)
      throws IOException {
    Rule rule = result.rule();
    json.writeStartObject();
    json.writeStringField("ruleId", rule.id());
    json.writeStringField("packId", rule.packId());
    json.writeStringField("title", rule.title());
    json.writeStringField("category", rule.category().wireName());
    json.writeStringField("severity", rule.severity().wireName());
    json.writeStringField("factType", result.factType().wireName());
    json.writeStringField("factId", result.factId());
    json.writeStringField("outcome", result.outcome().name());
    json.writeStringField("message", result.message());
    EvidenceJson.writeMember(json, result.evidence());
    writeStrings(json, "requirements", rule.requirements());
    writeStrings(json, "tags", rule.tags());
    if (!rule.owner().isEmpty()) {
      json.writeStringField("owner", rule.owner());
    }
    json.writeObjectFieldStart("references");
    for (Map.Entry<String, List<String>> framework : rule.references().entrySet()) {
      writeStrings(json, framework.getKey(), framework.getValue());
    }
    json.writeEndObject();
    json.writeStringField("remediation", rule.remediation());
    Optional<AppliedWaiver> waiver = evaluation.report().waiverOf(result);
    json.writeBooleanField("waived", waiver.isPresent());
    if (waiver.isPresent()) {
      json.writeObjectFieldStart("waiver");
      writeWaiverFields(json, waiver.get().waiver());
      json.writeEndObject();
    }
    WaiversNotApplied.write(json, evaluation.report().untrustedMatchesOf(result));
    Optional<Baseline.State> state = evaluation.gate().baseline().flatMap(baseline -> baseline.state(result));
    if (state.isPresent()) {
      json.writeStringField("baselineState", state.get().wireName());
    }
    if (origin != null) {
      writeLocation(json, origin);
    }
    List<Conflict> conflicts = evaluation.conflicts(result);
    if (!conflicts.isEmpty()) {
      json.writeArrayFieldStart("conflicts");
      for (Conflict conflict : conflicts) {
        json.writeStartObject();
        writeConflictFields(json, conflict);
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  private static void writeLocation(JsonGenerator json, Origin origin) throws IOException {
    json.writeObjectFieldStart("location");
    json.writeStringField("file", origin.location());
    if (origin.line() > 0) {
      json.writeNumberField("line", origin.line());
      json.writeNumberField("column", origin.column());
    }
    json.writeEndObject();
  }

  private static void writeStrings(JsonGenerator json, String name, List<String> values) throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
