package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import dev.rampart.spi.fact.WireNames;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an enum constant by its exact wire name ({@code apiKey}, {@code wpa2}); any other spelling
 * is reported with the list of valid names, so files stay greppable and unambiguous.
 */
final class WireNameEnumDeserializer<E extends Enum<E>> extends StdScalarDeserializer<E> {

  private static final long serialVersionUID = 1L;

  private final Class<E> type;
  private final List<String> names;

  WireNameEnumDeserializer(Class<E> type) {
    super(type);
    this.type = type;
    this.names = WireNames.all(type);
  }

  @Override
  public E deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.hasToken(JsonToken.VALUE_STRING)) {
      Optional<E> constant = WireNames.parse(type, parser.getText());
      if (constant.isPresent()) {
        return constant.get();
      }
    }
    throw invalid(parser);
  }

  private InvalidValueException invalid(JsonParser parser) throws IOException {
    String expected = "expected one of: " + String.join(", ", names);
    if (!parser.hasToken(JsonToken.VALUE_STRING)) {
      return new InvalidValueException(parser, "expected a name but found " + Found.describe(parser), expected);
    }
    String text = parser.getText();
    // Only a difference of spelling (case, '_', '-') earns a hint; the full list is short and always shown.
    String canonical = canonical(text);
    for (String name : names) {
      if (canonical(name).equals(canonical)) {
        String fix = "write it as '" + name + "'; " + expected;
        return new InvalidValueException(parser, "unknown value '" + text + "'", fix);
      }
    }
    return new InvalidValueException(parser, "unknown value '" + text + "'", expected);
  }

  private static String canonical(String name) {
    return name.replace("_", "").replace("-", "").strip().toLowerCase(Locale.ROOT);
  }
}
