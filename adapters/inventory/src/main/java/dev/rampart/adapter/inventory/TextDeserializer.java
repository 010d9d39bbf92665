package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import dev.rampart.spi.value.Text;
import dev.rampart.spi.value.ValueFormat;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Accepts only text for text fields, so {@code version: 1.10} is reported instead of becoming "1.1".
 * A field the fact model gives a {@link ValueFormat} (an address, a network, a MAC address) is checked
 * here with the fact model's own rule, so a value it would refuse is reported where it is written.
 */
final class TextDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

  private static final long serialVersionUID = 1L;

  private final @Nullable ValueFormat format;

  TextDeserializer() {
    this(null);
  }

  private TextDeserializer(@Nullable ValueFormat format) {
    super(String.class);
    this.format = format;
  }

  @Override
  public JsonDeserializer<?> createContextual(DeserializationContext context, @Nullable BeanProperty property) {
    if (property == null || property.getMember() == null) {
      return this;
    }
    ValueFormat fieldFormat = FactModel.format(property.getMember().getDeclaringClass(), property.getName());
    return fieldFormat == null || fieldFormat.isNumber() ? this : new TextDeserializer(fieldFormat);
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.hasToken(JsonToken.VALUE_STRING)) {
      String text = parser.getText();
      if (format != null) {
        check(parser, text, format);
      }
      return text;
    }
    String fix = Found.isScalar(parser)
        ? "put it in quotes: " + Found.quote(parser.getText())
        : "write a single text value";
    throw new InvalidValueException(parser, "expected text but found " + Found.describe(parser), fix);
  }

  private static void check(JsonParser parser, String text, ValueFormat format) throws InvalidValueException {
    String value = Text.orNull(text);
    if (value != null && format.normalise(value).isEmpty()) {
      throw new InvalidValueException(parser, Found.quote(text) + " is not " + format.noun(), format.fix());
    }
  }
}
