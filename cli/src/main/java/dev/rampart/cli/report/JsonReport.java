package dev.rampart.cli.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.rampart.engine.Category;
import dev.rampart.engine.Evidence;
import dev.rampart.engine.Outcome;
import dev.rampart.engine.Report;
import dev.rampart.engine.Rule;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.Severity;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.Origin;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The report for machines: a summary and one entry per result, in the report's order. The fields
 * are described in the module's README; {@link #SCHEMA_VERSION} changes when they do.
 */
public final class JsonReport implements ReportWriter {

  /** The version of the report's layout: the minor part grows with added fields, the major with changes. */
  public static final String SCHEMA_VERSION = "1.0";

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
      json.writeArrayFieldStart("results");
      for (RuleResult result : evaluation.report().results()) {
        if (!onlyFindings || result.isFinding()) {
          writeResult(json, result, evaluation.origin(result).orElse(null));
        }
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
    json.writeArrayFieldStart("packs");
    for (Report.PackInfo pack : report.packs()) {
      json.writeStartObject();
      json.writeStringField("id", pack.id());
      json.writeStringField("version", pack.version());
      json.writeStringField("title", pack.title());
      json.writeEndObject();
    }
    json.writeEndArray();
    writeStrings(json, "inputs", evaluation.inputs());
    json.writeObjectFieldStart("facts");
    for (FactType type : FactType.values()) {
      json.writeNumberField(type.wireName(), report.factCounts().getOrDefault(type, 0L));
    }
    json.writeEndObject();
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
    for (Category category : Category.values()) {
      json.writeFieldName(category.wireName());
      writeCounts(json, report.countsByCategory().getOrDefault(category, Map.of()));
    }
    json.writeEndObject();
    json.writeObjectFieldStart("gate");
    json.writeStringField("failOn", evaluation.gate().failOn());
    json.writeBooleanField("failed", evaluation.gate().failed(report));
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeCounts(JsonGenerator json, Map<Outcome, Long> counts) throws IOException {
    json.writeStartObject();
    for (Outcome outcome : Outcome.values()) {
      json.writeNumberField(outcome.name(), counts.getOrDefault(outcome, 0L));
    }
    json.writeEndObject();
  }

  private static void writeResult(JsonGenerator json, RuleResult result, @Nullable Origin origin)
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
    json.writeArrayFieldStart("evidence");
    for (Evidence evidence : result.evidence()) {
      json.writeStartObject();
      json.writeStringField("field", evidence.field());
      json.writeStringField("actual", evidence.actual());
      json.writeStringField("expected", evidence.expected());
      json.writeEndObject();
    }
    json.writeEndArray();
    writeStrings(json, "requirements", rule.requirements());
    json.writeObjectFieldStart("references");
    for (Map.Entry<String, List<String>> framework : rule.references().entrySet()) {
      writeStrings(json, framework.getKey(), framework.getValue());
    }
    json.writeEndObject();
    json.writeStringField("remediation", rule.remediation());
    json.writeBooleanField("waived", false);
    if (origin != null) {
      writeLocation(json, origin);
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
