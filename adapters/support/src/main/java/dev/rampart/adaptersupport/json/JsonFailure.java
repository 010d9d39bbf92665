package dev.rampart.adaptersupport.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.rampart.spi.source.TextPosition;
import java.io.CharConversionException;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Why a JSON file could not be read to its end, and where, in the words a user reads; each adapter
 * adds the fix for its kind of file.
 *
 * @param at where the parser stopped, or {@code null} when it did not know
 * @param kind what went wrong, for the adapter to choose its fix
 * @param what what went wrong, e.g. {@code duplicate key 'deviceId'}
 */
public record JsonFailure(@Nullable TextPosition at, Kind kind, String what) {

  /** How deep the JSON files adapters read may nest: real exports and MUD files nest a few levels. */
  public static final int MAX_NESTING_DEPTH = 64;

  /**
   * The parsers for JSON files that adapters read: a key given twice in one object is an error,
   * never a silent overwrite, and nesting is limited to {@value #MAX_NESTING_DEPTH} levels.
   */
  public static final JsonFactory STRICT = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
      .build();

  /** What went wrong. */
  public enum Kind {
    /** The bytes are no UTF-8 (or UTF-16) text. */
    NOT_TEXT,
    /** Nested deeper than {@value JsonFailure#MAX_NESTING_DEPTH} levels. */
    TOO_DEEP,
    /** The file ends inside an object or list. */
    CUT_SHORT,
    /** The text is no valid JSON here, or a key appears twice. */
    SYNTAX,
    /** The file could not be read on. */
    UNREADABLE
  }

  /** The failure of a parser that stopped with {@code e}. */
  public static JsonFailure of(IOException e, JsonParser parser) {
    TextPosition at = e instanceof JsonProcessingException located && located.getLocation() != null
        ? Json.positionOf(located.getLocation()) : Json.positionOf(parser.currentLocation());
    if (e instanceof CharConversionException) {
      return new JsonFailure(at, Kind.NOT_TEXT, "the file is not valid UTF-8 or UTF-16 text");
    }
    if (e instanceof StreamConstraintsException) {
      return new JsonFailure(at, Kind.TOO_DEEP, "the data is nested more than " + MAX_NESTING_DEPTH + " levels deep");
    }
    if (e instanceof JsonParseException json) {
      String message = json.getOriginalMessage() == null ? "" : json.getOriginalMessage();
      if (message.startsWith("Duplicate field")) {
        return new JsonFailure(at, Kind.SYNTAX, "duplicate key " + message.substring("Duplicate field ".length()));
      }
      if (message.startsWith("Unexpected end-of-input")) {
        return new JsonFailure(at, Kind.CUT_SHORT, "the file ends before every bracket is closed");
      }
      return new JsonFailure(at, Kind.SYNTAX, "the file is not valid JSON here: " + firstLine(message));
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new JsonFailure(at, message.startsWith("Unexpected end-of-input") ? Kind.CUT_SHORT : Kind.UNREADABLE,
        "reading stopped: " + firstLine(message));
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
