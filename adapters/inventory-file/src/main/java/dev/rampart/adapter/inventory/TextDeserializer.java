package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/** Accepts only text for text fields, so {@code version: 1.10} is reported instead of becoming "1.1". */
final class TextDeserializer extends StdScalarDeserializer<String> {

  private static final long serialVersionUID = 1L;

  TextDeserializer() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.hasToken(JsonToken.VALUE_STRING)) {
      return parser.getText();
    }
    String fix = Found.isScalar(parser)
        ? "put it in quotes: " + Found.quote(parser.getText())
        : "write a single text value";
    throw new InvalidValueException(parser, "expected text but found " + Found.describe(parser), fix);
  }
}
