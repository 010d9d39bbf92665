package dev.rampart.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.EvidenceText;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * A result's evidence as the JSON member {@code evidence}, alike in the JSON, SARIF and HTML reports:
 * for each piece, the texts
 * {@code field}, {@code actual}, {@code expected} and {@code source} that readers of the first
 * versions know, and the same evidence as data beside them.
 */
final class EvidenceJson {

  private EvidenceJson() {}

  /** Writes the member {@code evidence}: an array of one object per piece, in the result's order. */
  static void writeMember(JsonGenerator json, List<Evidence> evidence) throws IOException {
    json.writeArrayFieldStart("evidence");
    for (Evidence piece : evidence) {
      write(json, piece);
    }
    json.writeEndArray();
  }

  private static void write(JsonGenerator json, Evidence evidence) throws IOException {
    json.writeStartObject();
    json.writeStringField("field", evidence.field());
    json.writeStringField("actual", EvidenceText.actual(evidence));
    json.writeStringField("expected", EvidenceText.expected(evidence));
    if (evidence.source() != null) {
      json.writeStringField("source", evidence.source());
    }
    json.writeBooleanField("absent", evidence.isAbsent());
    if (evidence.actual() instanceof Evidence.Actual.Absence absence && !absence.reason().isEmpty()) {
      json.writeStringField("absenceReason", absence.reason());
    }
    if (evidence.expected() instanceof Evidence.Expectation.Comparison comparison) {
      json.writeStringField("operator", comparison.operator());
      Evidence.Operand operand = comparison.operand();
      if (operand != null) {
        json.writeObjectFieldStart("operand");
        json.writeStringField("kind", operand.kind().name().toLowerCase(Locale.ROOT));
        json.writeStringField("text", operand.text());
        if (!operand.name().isEmpty()) {
          json.writeStringField("name", operand.name());
        }
        json.writeEndObject();
      }
      json.writeBooleanField("negated", comparison.negated());
    } else {
      json.writeStringField("needs", ((Evidence.Expectation.Presence) evidence.expected()).what());
    }
    if (evidence.applicability()) {
      json.writeBooleanField("applicability", true);
    }
    json.writeEndObject();
  }
}
