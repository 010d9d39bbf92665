package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.rampart.adaptersupport.json.Position;
import org.jspecify.annotations.Nullable;

/**
 * A value that has the wrong type or is out of range, with the user-facing explanation and fix.
 *
 * <p>It extends Jackson's mapping exception so that Jackson adds the field path as it unwinds.
 */
final class InvalidValueException extends JsonMappingException {

  private static final long serialVersionUID = 1L;

  private final String what;
  private final @Nullable String fix;
  private final @Nullable Position at;

  InvalidValueException(JsonParser parser, String what, @Nullable String fix) {
    this(parser, what, fix, null);
  }

  /**
   * For a value read from a buffer of tokens, which knows no place: {@code at} is where the reader
   * saw it.
   */
  InvalidValueException(JsonParser parser, String what, @Nullable String fix, @Nullable Position at) {
    super(parser, what, parser.currentTokenLocation());
    this.what = what;
    this.fix = fix;
    this.at = at;
  }

  String what() {
    return what;
  }

  @Nullable String fix() {
    return fix;
  }

  /** Where the value was written, when the parser that raised this did not know it. */
  @Nullable Position at() {
    return at;
  }
}
