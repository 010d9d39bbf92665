package dev.rampart.adapter.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads values from Table API records, where every value is text, an empty reference is
 * {@code ""}, and a set reference is {@code {"link": …, "value": SYS_ID}}; with
 * {@code sysparm_display_value=all} every field is {@code {"display_value": …, "value": …}}, read by its value.
 */
final class Json {

  private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");

  private Json() {}

  /** A text field, trimmed, or the stored value of a field sent with its display value; {@code null} when absent, null or blank. */
  static @Nullable String text(JsonNode record, String field) {
    JsonNode value = record.get(field);
    if (value != null && value.isObject() && value.has("display_value")) {
      value = value.get("value");
    }
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
    return isSysId(sysId) ? sysId : null;
  }

  /** Whether the text is a sys_id: 32 lower-case hexadecimal digits. */
  static boolean isSysId(@Nullable String text) {
    return text != null && SYS_ID.matcher(text).matches();
  }
}
