package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code attributes}: named single values only (text, number, true/false), because rules
 * compare attributes as scalars and a nested structure there is almost always a misplaced field.
 */
final class AttributesDeserializer extends StdDeserializer<Map<String, Object>> {

  private static final long serialVersionUID = 1L;

  AttributesDeserializer() {
    super(Map.class);
  }

  @Override
  public Map<String, Object> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (!parser.isExpectedStartObjectToken()) {
      throw new InvalidValueException(parser, "expected named values but found " + Found.describe(parser),
          "write attributes as name: value pairs");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      try {
        Object value = scalar(parser);
        if (value != null) {
          values.put(name, value);
        }
      } catch (InvalidValueException e) {
        e.prependPath(values, name);
        throw e;
      }
    }
    return values;
  }

  /** The value as String, Long, Double, BigDecimal or Boolean; {@code null} (absent) for an explicit null. */
  private static @Nullable Object scalar(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    return switch (token) {
      case VALUE_STRING -> parser.getText();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? new BigDecimal(parser.getBigIntegerValue())
          : (Object) parser.getLongValue();
      case VALUE_NUMBER_FLOAT -> decimal(parser);
      default -> throw new InvalidValueException(parser,
          "expected a single value (text, number, true or false) but found " + Found.describe(parser),
          "attributes hold single values; move structured data into the matching fact field");
    };
  }

  /** A Double when that is exact, otherwise the BigDecimal, so no digit the user wrote is lost. */
  private static Object decimal(JsonParser parser) throws IOException {
    double value = parser.getDoubleValue();
    if (!Double.isFinite(value)) {
      throw new InvalidValueException(parser, "expected a finite number but found " + parser.getText(),
          "write a number, or put the text in quotes");
    }
    BigDecimal exact = parser.getDecimalValue();
    return BigDecimal.valueOf(value).compareTo(exact) == 0 ? (Object) value : exact;
  }
}
