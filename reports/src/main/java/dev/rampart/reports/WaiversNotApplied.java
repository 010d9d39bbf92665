package dev.rampart.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rampart.engine.UntrustedMatch;
import dev.rampart.engine.Waiver;
import java.io.IOException;
import java.util.List;

/**
 * The waivers that selected a result but were not applied, because the value their {@code where}
 * matched came from a source they do not trust: alike as a line in the text and JUnit reports, and
 * as the {@code waiversNotApplied} member in the JSON, SARIF and HTML reports.
 */
final class WaiversNotApplied {

  private WaiversNotApplied() {}

  /** The line that says which waiver was not applied, and why, with the fix. */
  static String line(UntrustedMatch match) {
    Waiver waiver = match.waiver();
    String which = waiver.location().isEmpty() ? waiver.describe() : "at " + waiver.location();
    return "waiver " + which + " not applied: " + match.reason();
  }

  /** Writes the {@code waiversNotApplied} member, one object per waiver; nothing when there is none. */
  static void write(JsonGenerator json, List<UntrustedMatch> matches) throws IOException {
    if (matches.isEmpty()) {
      return;
    }
    json.writeArrayFieldStart("waiversNotApplied");
    for (UntrustedMatch match : matches) {
      json.writeStartObject();
      json.writeStringField("rule", match.waiver().rule());
      if (!match.waiver().location().isEmpty()) {
        json.writeStringField("location", match.waiver().location());
      }
      json.writeStringField("field", match.field());
      if (match.origin() != null) {
        json.writeStringField("source", match.origin().describe());
      }
      json.writeArrayFieldStart("trustedSources");
      for (String source : match.waiver().trustedSources()) {
        json.writeString(source);
      }
      json.writeEndArray();
      json.writeStringField("reason", match.reason());
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
