package dev.rampart.adaptersupport.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.rampart.spi.source.TextPosition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One JSON value of a file, read with the place where it starts so that every problem can name its
 * line and column. A reader takes one value at a time (one device of a long export, say), never
 * more than it needs as a tree.
 */
public sealed interface Json {

  /** Where the value starts. */
  TextPosition at();

  /** A short description for messages, e.g. {@code an object} or {@code the number 3}. */
  String describe();

  /** The place of a parser location, or {@code null} when the parser did not know it. */
  static @Nullable TextPosition positionOf(@Nullable JsonLocation location) {
    if (location == null || location.getLineNr() <= 0) {
      return null;
    }
    return new TextPosition(location.getLineNr(), Math.max(location.getColumnNr(), 1));
  }

  /** Reads the value at the parser's current token, which must be a value's first token. */
  static Json read(JsonParser parser) throws IOException {
    TextPosition at = Objects.requireNonNull(positionOf(parser.currentTokenLocation()), "position");
    JsonToken token = Objects.requireNonNull(parser.currentToken(), "token");
    return switch (token) {
      case START_OBJECT -> {
        Map<String, Json> members = new LinkedHashMap<>();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
          parser.nextToken();
          members.put(name, read(parser));
        }
        yield new Members(members, at);
      }
      case START_ARRAY -> {
        List<Json> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          elements.add(read(parser));
        }
        yield new Elements(elements, at);
      }
      case VALUE_STRING -> new Text(parser.getText(), at);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Number(parser.getText(), at);
      case VALUE_TRUE, VALUE_FALSE -> new TrueFalse(parser.getBooleanValue(), at);
      case VALUE_NULL -> new Null(at);
      default -> throw new IllegalStateException("not the start of a value: " + token);
    };
  }

  /** A JSON object, members in the order written. */
  record Members(Map<String, Json> members, TextPosition at) implements Json {

    /** The member with this name, or {@code null} when absent. */
    public @Nullable Json get(String name) {
      return members.get(name);
    }

    /** The value at a dotted path such as {@code properties.reported.firmwareVersion}, or {@code null}. */
    public @Nullable Json find(List<String> path) {
      Json current = this;
      for (String name : path) {
        if (!(current instanceof Members object)) {
          return null;
        }
        current = object.get(name);
        if (current == null) {
          return null;
        }
      }
      return current;
    }

    @Override
    public String describe() {
      return "an object";
    }
  }

  /** A JSON array. */
  record Elements(List<Json> elements, TextPosition at) implements Json {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A JSON string. */
  record Text(String text, TextPosition at) implements Json {
    @Override
    public String describe() {
      return "the text '" + text + "'";
    }
  }

  /** A JSON number, kept as written so that no digit is lost. */
  record Number(String text, TextPosition at) implements Json {
    @Override
    public String describe() {
      return "the number " + text;
    }
  }

  /** {@code true} or {@code false}. */
  record TrueFalse(boolean value, TextPosition at) implements Json {
    @Override
    public String describe() {
      return String.valueOf(value);
    }
  }

  /**
   * {@code null}: the Azure CLI writes it for every unset field, YANG's JSON encoding (MUD) writes
   * an empty leaf as {@code [null]}.
   */
  record Null(TextPosition at) implements Json {
    @Override
    public String describe() {
      return "null";
    }
  }
}
