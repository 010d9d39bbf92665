package dev.rampart.cli.command;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.rampart.cli.command.SourceCheck.FieldCoverage;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.WireNames;
import dev.rampart.spi.source.SkippedRecord;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code rampart adapters --check --format json}: the same content as the text, in the shape
 * docs/adapters/README.md documents.
 */
final class SourceCheckJson {

  /** The layout's version, MAJOR.MINOR: a minor version only adds fields. */
  static final String SCHEMA_VERSION = "1.0";

  private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private SourceCheckJson() {}

  static void write(SourceCheck check, Writer out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("schemaVersion", SCHEMA_VERSION);
      json.writeStringField("source", check.source().toString());
      json.writeStringField("type", check.source().type());
      json.writeStringField("location", check.source().location());
      json.writeObjectFieldStart("options");
      for (Map.Entry<String, String> option : check.source().options().entrySet()) {
        json.writeStringField(option.getKey(), option.getValue());
      }
      json.writeEndObject();
      json.writeStringField("role", WireNames.of(check.role()));
      json.writeObjectFieldStart("collected");
      instant(json, "earliest", check.earliest());
      instant(json, "latest", check.latest());
      json.writeEndObject();
      json.writeArrayFieldStart("facts");
      for (Map.Entry<FactType, Integer> entry : check.facts().entrySet()) {
        json.writeStartObject();
        json.writeStringField("type", entry.getKey().wireName());
        json.writeNumberField("count", entry.getValue());
        json.writeNumberField("standIns", check.standIns().getOrDefault(entry.getKey(), 0));
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("skippedRecords");
      for (SkippedRecord record : check.skipped()) {
        json.writeStartObject();
        json.writeStringField("origin", record.origin().describe());
        json.writeStringField("factType", record.type() == null ? null : record.type().wireName());
        json.writeStringField("factId", record.factId());
        strings(json, "problems", record.problems());
        json.writeEndObject();
      }
      json.writeEndArray();
      strings(json, "warnings", check.warnings());
      strings(json, "problems", check.problems());
      json.writeArrayFieldStart("fieldCoverage");
      for (FieldCoverage coverage : check.coverage()) {
        coverage(json, coverage);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write(System.lineSeparator());
    out.flush();
  }

  private static void coverage(JsonGenerator json, FieldCoverage coverage) throws IOException {
    json.writeStartObject();
    json.writeStringField("type", coverage.type().wireName());
    json.writeNumberField("facts", coverage.facts());
    json.writeArrayFieldStart("fields");
    for (Map.Entry<String, Integer> field : coverage.filled().entrySet()) {
      json.writeStartObject();
      json.writeStringField("path", field.getKey());
      json.writeNumberField("filled", field.getValue());
      json.writeNumberField("percent", coverage.percent(field.getKey()));
      json.writeEndObject();
    }
    json.writeEndArray();
    strings(json, "neverFilled", coverage.neverFilled());
    json.writeEndObject();
  }

  private static void instant(JsonGenerator json, String name, @Nullable Instant at) throws IOException {
    json.writeStringField(name, at == null ? null : at.toString());
  }

  private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
