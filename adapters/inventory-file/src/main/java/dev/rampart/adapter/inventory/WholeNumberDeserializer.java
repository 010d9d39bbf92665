package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * Accepts only unquoted whole numbers, and checks the field's range where it is parsed so the
 * message points at the value itself.
 */
final class WholeNumberDeserializer extends StdScalarDeserializer<Integer> implements ContextualDeserializer {

  private static final long serialVersionUID = 1L;

  private final ValueRange range;

  WholeNumberDeserializer() {
    this(ValueRange.ANY);
  }

  private WholeNumberDeserializer(ValueRange range) {
    super(Integer.class);
    this.range = range;
  }

  @Override
  public JsonDeserializer<?> createContextual(DeserializationContext context, @Nullable BeanProperty property) {
    if (property == null || property.getMember() == null) {
      return this;
    }
    return new WholeNumberDeserializer(ValueRange.of(property.getMember().getDeclaringClass(), property.getName()));
  }

  @Override
  public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.hasToken(JsonToken.VALUE_NUMBER_INT)) {
      if (parser.getNumberType() == JsonParser.NumberType.INT) {
        int value = parser.getIntValue();
        if (range.contains(value)) {
          return SharedValues.share(parser, value);
        }
      }
      BigInteger value = parser.getBigIntegerValue();
      if (!range.contains(value)) {
        throw new InvalidValueException(parser, parser.getText() + " is out of range", range.hint());
      }
      return value.intValue();
    }
    String what = "expected a whole number but found " + Found.describe(parser);
    boolean quotedNumber = parser.hasToken(JsonToken.VALUE_STRING) && parser.getText().strip().matches("[+-]?[0-9]+");
    String fix = quotedNumber ? "write it without quotes" : "write a whole number, e.g. 443";
    throw new InvalidValueException(parser, what, fix);
  }
}
