package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Accepts only the literals {@code true} and {@code false}: a quoted "no" must not silently become
 * false, because a wrong security fact is worse than a reported mistake.
 */
final class TrueFalseDeserializer extends StdScalarDeserializer<Boolean> {

  private static final long serialVersionUID = 1L;

  // YAML 1.1 spelled booleans this way; inventory files follow YAML 1.2, where they are text.
  private static final Set<String> YAML_11_WORDS = Set.of("yes", "no", "y", "n", "on", "off");

  TrueFalseDeserializer() {
    super(Boolean.class);
  }

  @Override
  public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.hasToken(JsonToken.VALUE_TRUE)) {
      return Boolean.TRUE;
    }
    if (parser.hasToken(JsonToken.VALUE_FALSE)) {
      return Boolean.FALSE;
    }
    throw new InvalidValueException(parser, "expected true or false but found " + Found.describe(parser), fix(parser));
  }

  private static String fix(JsonParser parser) throws IOException {
    if (!parser.hasToken(JsonToken.VALUE_STRING)) {
      return "write true or false";
    }
    String word = parser.getText().strip().toLowerCase(Locale.ROOT);
    if (word.equals("true") || word.equals("false")) {
      return "write it without quotes";
    }
    if (YAML_11_WORDS.contains(word)) {
      return "write true or false; yes, no, on and off are text in inventory files";
    }
    return "write true or false";
  }
}
