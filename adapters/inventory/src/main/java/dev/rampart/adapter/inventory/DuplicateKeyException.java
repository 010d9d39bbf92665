package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/** An object holds the same key twice; the location is that of the second one. */
final class DuplicateKeyException extends JsonParseException {

  private static final long serialVersionUID = 1L;

  private final String key;

  DuplicateKeyException(JsonParser parser, String key) {
    super(parser, "Duplicate field '" + key + "'", parser.currentTokenLocation());
    this.key = key;
  }

  String key() {
    return key;
  }
}
