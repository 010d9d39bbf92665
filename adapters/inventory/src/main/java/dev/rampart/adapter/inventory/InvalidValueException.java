package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.rampart.spi.source.TextPosition;
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
  private final @Nullable TextPosition at;

  InvalidValueException(JsonParser parser, String what, @Nullable String fix) {
    this(parser, what, fix, null);
  }

  /**
   * For a value read from a buffer of tokens, which knows no place: {@code at} is where the reader
   * saw it.
   */
  InvalidValueException(JsonParser parser, String what, @Nullable String fix, @Nullable TextPosition at) {
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
  @Nullable TextPosition at() {
    return at;
  }
}
