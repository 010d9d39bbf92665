package dev.rampart.adapter.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads values from Table API records, where every value is text, an empty reference is
 * {@code ""}, and a set reference is {@code {"link": …, "value": SYS_ID}}.
 */
final class Json {

  private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");

  private Json() {}

  /** A text field, trimmed; {@code null} when absent, null, blank or a reference. */
  static @Nullable String text(JsonNode record, String field) {
    JsonNode value = record.get(field);
    if (value == null || !(value.isTextual() || value.isNumber() || value.isBoolean())) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  /**
   * The sys_id a reference field points to; {@code null} when it is empty or not a sys_id, so that
   * nothing but a sys_id ever goes into a URL.
   */
  static @Nullable String reference(JsonNode record, String field) {
    JsonNode value = record.get(field);
    String sysId = value == null ? null : value.isObject() ? text(value, "value") : text(record, field);
    return sysId != null && SYS_ID.matcher(sysId).matches() ? sysId : null;
  }
}
