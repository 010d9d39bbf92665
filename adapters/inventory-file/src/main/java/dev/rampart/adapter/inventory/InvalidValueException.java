package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
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

  InvalidValueException(JsonParser parser, String what, @Nullable String fix) {
    super(parser, what, parser.currentTokenLocation());
    this.what = what;
    this.fix = fix;
  }

  String what() {
    return what;
  }

  @Nullable String fix() {
    return fix;
  }
}
