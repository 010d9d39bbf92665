package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code attributes}: named single values (text, number, true/false) or flat lists of them,
 * which rules test with {@code contains} or a quantifier; a nested structure there is almost always
 * a misplaced field, so it is refused.
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
        Object value = parser.currentToken() == JsonToken.START_ARRAY ? list(parser) : scalar(parser);
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

  /** A list of single values, each as {@link #scalar} reads it; a null in it is refused, not dropped. */
  private static List<Object> list(JsonParser parser) throws IOException {
    List<Object> values = new ArrayList<>();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      try {
        if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT || token == JsonToken.VALUE_NULL) {
          throw new InvalidValueException(parser,
              "expected a single value (text, number, true or false) in the list but found " + Found.describe(parser),
              "a list attribute holds single values; move structured data into the matching fact field");
        }
        values.add(Objects.requireNonNull(scalar(parser)));
      } catch (InvalidValueException e) {
        e.prependPath(values, values.size());
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
          "expected a single value (text, number, true or false) or a list of them but found " + Found.describe(parser),
          "attributes hold single values and lists of them; move structured data into the matching fact field");
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
