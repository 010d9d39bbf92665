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
      String written = parser.getText();
      if (!isDecimal(written)) {
        throw notDecimal(parser, written);
      }
      if (parser.getNumberType() == JsonParser.NumberType.INT) {
        int value = parser.getIntValue();
        if (range.contains(value)) {
          return SharedValues.share(parser, value);
        }
      }
      BigInteger value = parser.getBigIntegerValue();
      if (!range.contains(value)) {
        throw new InvalidValueException(parser, range.outside(parser.getText()), range.hint());
      }
      return value.intValue();
    }
    if (parser.hasToken(JsonToken.VALUE_STRING) && parser.getText().matches("[+-]?0[0-9_]+")) {
      // YAML 1.1 reads 08 and 09 as text, being no octal numbers
      throw notDecimal(parser, parser.getText());
    }
    String what = "expected a whole number but found " + Found.describe(parser);
    boolean quotedNumber = parser.hasToken(JsonToken.VALUE_STRING) && parser.getText().strip().matches("[+-]?[0-9]+");
    String fix = quotedNumber ? "write it without quotes" : "write a whole number, e.g. 443";
    throw new InvalidValueException(parser, what, fix);
  }

  /**
   * Plain decimal digits with an optional sign and no leading zero. YAML 1.1 reads {@code 023} as
   * octal 19, {@code 0x17} as hexadecimal and {@code 1_000} as 1000; no one means a port that way.
   */
  private static boolean isDecimal(String written) {
    int start = written.startsWith("-") || written.startsWith("+") ? 1 : 0;
    if (start == written.length() || (written.charAt(start) == '0' && written.length() > start + 1)) {
      return false;
    }
    for (int i = start; i < written.length(); i++) {
      char c = written.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static InvalidValueException notDecimal(JsonParser parser, String written) {
    String sign = written.startsWith("-") ? "-" : "";
    String digits = written.replaceFirst("^[+-]", "");
    if (digits.matches("0[0-9_]+")) {
      String decimal = digits.replace("_", "").replaceFirst("^0+(?=.)", "");
      return new InvalidValueException(parser, written + " is written with a leading zero, which YAML reads as an"
          + " octal number", "write " + sign + decimal);
    }
    return new InvalidValueException(parser, written + " is not written as a plain decimal number",
        "write the number in decimal digits only, e.g. 443");
  }
}
