package dev.rampart.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.FactType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;
import scala.collection.Iterator;

/**
 * Writes a table row as the inventory format's JSON for one element, so that the inventory adapter
 * binds it exactly as it binds a file's: only the columns the fact model knows are written, nested
 * ones included (the rest are ignored, as the tables' contract says); a null column is left out, as
 * an absent field; every value is written with the JSON type its column has, so a column of the
 * wrong type is refused by the adapter, naming the field.
 */
final class RowJson {

  private static final JsonFactory JSON = new JsonFactory();
  /** The names a certificate takes besides its fields: its PEM text, analysed as the adapter does. */
  private static final Set<String> CERTIFICATE_EXTRAS = Set.of("pem");
  private static final Map<Class<?>, Shape> SHAPES = new HashMap<>();

  private RowJson() {}

  /** The row as one line of JSON, an element of the type's section. */
  static String write(FactType type, Row row) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      writeRecord(json, row, shape(type.javaType()));
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory failed", e);
    }
    return text.toString();
  }

  private static void writeRecord(JsonGenerator json, Row row, Shape shape) throws IOException {
    json.writeStartObject();
    StructField[] fields = row.schema().fields();
    for (int i = 0; i < fields.length; i++) {
      String name = fields[i].name();
      if (row.isNullAt(i) || !shape.knows(name)) {
        continue;
      }
      json.writeFieldName(name);
      writeValue(json, row.get(i), fields[i].dataType(), shape.nested(name));
    }
    json.writeEndObject();
  }

  private static void writeValue(JsonGenerator json, @Nullable Object value, DataType type, @Nullable Shape shape)
      throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Row row && type instanceof StructType) {
      if (shape == null) {
        writeRecord(json, row, Shape.ANY);
      } else {
        writeRecord(json, row, shape);
      }
    } else if (type instanceof ArrayType array) {
      json.writeStartArray();
      for (Object element : elements(value)) {
        writeValue(json, element, array.elementType(), shape);
      }
      json.writeEndArray();
    } else if (type instanceof MapType map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : entries(value).entrySet()) {
        json.writeFieldName(String.valueOf(entry.getKey()));
        writeValue(json, entry.getValue(), map.valueType(), null);
      }
      json.writeEndObject();
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigDecimal decimal) {
      json.writeNumber(decimal);
    } else if (value instanceof Double || value instanceof Float) {
      json.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof java.sql.Date date) {
      json.writeString(date.toLocalDate().toString());
    } else if (value instanceof java.sql.Timestamp timestamp) {
      json.writeString(timestamp.toInstant().toString());
    } else if (value instanceof byte[]) {
      json.writeString("(binary)"); // no field of the model is binary: the adapter names the field and its type
    } else {
      json.writeString(value.toString()); // text, LocalDate and Instant print as the format writes them
    }
  }

  private static List<?> elements(Object value) {
    if (value instanceof List<?> list) {
      return list;
    }
    if (value instanceof scala.collection.Seq<?> seq) {
      java.util.List<Object> list = new java.util.ArrayList<>();
      Iterator<?> each = seq.iterator();
      while (each.hasNext()) {
        list.add(each.next());
      }
      return list;
    }
    return List.of(value);
  }

  private static Map<?, ?> entries(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      return scala.jdk.javaapi.CollectionConverters.asJava(map);
    }
    return Map.of();
  }

  private static synchronized Shape shape(Class<?> type) {
    Shape known = SHAPES.get(type);
    if (known == null) {
      known = new Shape(type);
      SHAPES.put(type, known);
    }
    return known;
  }

  /** The fields of one record of the fact model, each with the record it nests, if any. */
  private static final class Shape {

    static final Shape ANY = new Shape(null);

    private final @Nullable Class<?> type;
    private final Map<String, @Nullable Class<?>> fields = new HashMap<>();

    Shape(@Nullable Class<?> type) {
      this.type = type;
      if (type == null) {
        return;
      }
      for (RecordComponent component : type.getRecordComponents()) {
        fields.put(component.getName(), nestedRecord(component.getGenericType()));
      }
      if (type == Certificate.class) {
        CERTIFICATE_EXTRAS.forEach(name -> fields.put(name, null));
      }
    }

    boolean knows(String name) {
      return type == null || fields.containsKey(name);
    }

    @Nullable Shape nested(String name) {
      Class<?> nested = type == null ? null : fields.get(name);
      return nested == null ? null : shape(nested);
    }

    private static @Nullable Class<?> nestedRecord(Type type) {
      if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
        return nestedRecord(parameterized.getActualTypeArguments()[0]);
      }
      return type instanceof Class<?> cls && cls.isRecord() ? cls : null;
    }
  }
}
