package dev.rampart.reports.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A JSON value with the line and column it starts at, so a baseline's problems can name their place.
 *
 * @param value a {@code Map<String, JsonTree>}, a {@code List<JsonTree>}, a String, Number or Boolean,
 *     or null
 * @param line 1-based line
 * @param column 1-based column
 */
record JsonTree(@Nullable Object value, int line, int column) {

  private static final int MAX_DEPTH = 32;
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
      .build();

  /**
   * Parses one JSON document.
   *
   * @throws JsonParseException with the place of the first mistake
   */
  static JsonTree parse(String text) throws IOException {
    try (JsonParser parser = JSON.createParser(text)) {
      if (parser.nextToken() == null) {
        throw new JsonParseException(parser, "the file holds no JSON value");
      }
      JsonTree root = read(parser);
      if (parser.nextToken() != null) {
        throw new JsonParseException(parser, "more content after the JSON object");
      }
      return root;
    }
  }

  /** A word for messages: "an object", "a list", "the string 'x'"... */
  String describe() {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?>) {
      return "an object";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    if (value instanceof String text) {
      return "the string '" + text + "'";
    }
    return "the " + (value instanceof Boolean ? "boolean " : "number ") + value;
  }

  /** The members of an object, or null when this is no object. */
  @SuppressWarnings("unchecked")
  @Nullable Map<String, JsonTree> members() {
    return value instanceof Map<?, ?> map ? (Map<String, JsonTree>) map : null;
  }

  /** The items of a list, or null when this is no list. */
  @SuppressWarnings("unchecked")
  @Nullable List<JsonTree> items() {
    return value instanceof List<?> list ? (List<JsonTree>) list : null;
  }

  private static JsonTree read(JsonParser parser) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> {
        Map<String, JsonTree> members = new LinkedHashMap<>();
        Map<String, JsonLocation> keys = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          // tools disagree on which of two equal keys counts (jq and Python keep the last): refuse both
          JsonLocation first = keys.putIfAbsent(name, parser.currentTokenLocation());
          if (first != null) {
            throw new JsonParseException(parser, "duplicate key '" + name + "' (first at line " + first.getLineNr()
                + ", column " + first.getColumnNr() + "): remove one of the two", parser.currentTokenLocation());
          }
          parser.nextToken();
          members.put(name, read(parser));
        }
        yield new JsonTree(members, line, column);
      }
      case START_ARRAY -> {
        List<JsonTree> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(parser));
        }
        yield new JsonTree(items, line, column);
      }
      case VALUE_STRING -> new JsonTree(parser.getText(), line, column);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonTree(parser.getNumberValue(), line, column);
      case VALUE_TRUE, VALUE_FALSE -> new JsonTree(parser.getBooleanValue(), line, column);
      case VALUE_NULL -> new JsonTree(null, line, column);
      default -> throw new JsonParseException(parser, "unexpected " + token);
    };
  }
}
