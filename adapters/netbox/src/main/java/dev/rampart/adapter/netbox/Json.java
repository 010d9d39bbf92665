package dev.rampart.adapter.netbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/** Reads values from NetBox objects, where absent, {@code null} and {@code ""} all mean unknown. */
final class Json {

  private Json() {}

  /** A text or number field, trimmed; {@code null} when absent, null or blank. */
  static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !(value.isTextual() || value.isNumber())) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  /** The numeric {@code id} of a nested object, e.g. {@code device.id}; {@code null} when absent. */
  static @Nullable Long id(JsonNode node, String field) {
    JsonNode id = node.path(field).path("id");
    return id.isIntegralNumber() ? id.asLong() : null;
  }

  /**
   * The {@code value} of a choice field such as {@code status: {value: active, label: Active}}, or
   * the field itself where older versions send plain text.
   */
  static @Nullable String choice(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isObject() ? text(value, "value") : text(node, field);
  }
}
