package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/** A YAML alias ({@code *name}) was found; inventory files do not support them. */
final class YamlAliasException extends JsonParseException {

  private static final long serialVersionUID = 1L;

  private final String alias;

  YamlAliasException(JsonParser parser, String alias) {
    super(parser, "YAML alias '*" + alias + "' is not supported", parser.currentTokenLocation());
    this.alias = alias;
  }

  String alias() {
    return alias;
  }
}
