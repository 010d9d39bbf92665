package dev.rampart.engine.internal.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of one record type of the fact model, in declaration order.
 *
 * @param name the type's name for messages, e.g. {@code device} or {@code service}
 * @param javaType the record class
 * @param fields field name to field
 */
public record TypeSchema(String name, Class<?> javaType, Map<String, Field> fields) {

  public TypeSchema {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public Optional<Field> field(String fieldName) {
    return Optional.ofNullable(fields.get(fieldName));
  }
}
