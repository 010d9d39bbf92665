package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Describes the value under the parser for "expected X but found Y" messages. */
final class Found {

  private static final int MAX_QUOTED = 40;

  private Found() {}

  /** The current value as a user would recognise it: {@code "22"}, {@code 1.10}, {@code true}, {@code a list}. */
  static String describe(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case VALUE_STRING -> quote(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> parser.getText();
      case VALUE_NULL -> "null";
      case START_OBJECT -> "an object";
      case START_ARRAY -> "a list";
      default -> "'" + parser.getText() + "'";
    };
  }

  /** Text in double quotes, shortened so one long value cannot swamp a message. */
  static String quote(String text) {
    String shown = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "..." : text;
    return '"' + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"';
  }

  /** True for tokens that are a single value rather than an object or a list. */
  static boolean isScalar(JsonParser parser) {
    JsonToken token = parser.currentToken();
    return token != null && token.isScalarValue();
  }
}
