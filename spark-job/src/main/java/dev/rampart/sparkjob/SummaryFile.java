package dev.rampart.sparkjob;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rampart.engine.value.Outcome;
import dev.rampart.reports.Gate;
import dev.rampart.spark.SparkSummary;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code summary.json}: what was evaluated, the counts, and the gate's verdict with its exit code. */
final class SummaryFile {

  /** The version of the summary's shape; its minor grows with fields added. */
  static final String VERSION = "1.0";

  private SummaryFile() {}

  static String json(SparkSummary summary, Instant now, Gate gate, long failures, List<String> packs) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JsonFactory.builder().build().createGenerator(text)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("summaryVersion", VERSION);
      json.writeStringField("now", now.toString());
      json.writeArrayFieldStart("packs");
      for (String pack : packs) {
        json.writeString(pack);
      }
      json.writeEndArray();
      json.writeNumberField("results", summary.results());
      // every outcome, zeros too, as the JSON report's counts
      Map<String, Long> outcomes = new LinkedHashMap<>();
      for (Outcome outcome : Outcome.values()) {
        outcomes.put(outcome.name(), summary.byOutcome().getOrDefault(outcome.name(), 0L));
      }
      counts(json, "byOutcome", outcomes);
      counts(json, "findingsBySeverity", summary.bySeverity());
      counts(json, "findingsByCategory", summary.byCategory());
      json.writeObjectFieldStart("gate");
      json.writeStringField("failOn", gate.failOn());
      json.writeBooleanField("failOnUnknown", gate.failsOnUnknown());
      json.writeBooleanField("allowErrors", gate.allowsErrors());
      json.writeNumberField("failures", failures);
      json.writeBooleanField("passed", failures == 0);
      json.writeNumberField("exitCode", failures == 0 ? JobExit.OK : JobExit.GATE_FAILED);
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to a string", e);
    }
    return text + "\n";
  }

  private static void counts(JsonGenerator json, String name, Map<String, Long> counts) throws IOException {
    json.writeObjectFieldStart(name);
    for (Map.Entry<String, Long> count : counts.entrySet()) {
      json.writeNumberField(count.getKey(), count.getValue());
    }
    json.writeEndObject();
  }
}
