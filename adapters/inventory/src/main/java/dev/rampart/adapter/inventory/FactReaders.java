package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rampart.spi.fact.FactType;
import java.util.EnumMap;
import java.util.Map;

/** The strictly configured Jackson readers that bind one inventory element to its fact record. */
final class FactReaders {

  private static final ObjectMapper MAPPER = createMapper();
  private static final Map<FactType, ObjectReader> READERS = createReaders();
  private static final ObjectReader TRUST = MAPPER.readerFor(TrustSection.class);

  private FactReaders() {}

  static ObjectReader forType(FactType type) {
    return READERS.get(type);
  }

  /** The reader of the inventory's {@code trust} section. */
  static ObjectReader forTrust() {
    return TRUST;
  }

  private static ObjectMapper createMapper() {
    return JsonMapper.builder()
        .addModule(new FactModelModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        // Our own scalar deserializers already refuse coercion; this also covers Jackson's built-in
        // ones (lists, records), so a "" or a number never turns into an empty list or an object.
        .withCoercionConfigDefaults(config -> {
          config.setAcceptBlankAsEmpty(false);
          for (CoercionInputShape shape : CoercionInputShape.values()) {
            config.setCoercion(shape, CoercionAction.Fail);
          }
        })
        // A null inside a list ("- " with nothing after it) is a mistake, never a list element.
        .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
        // A certificate may name its PEM text or file instead of (or besides) its fields.
        .addHandler(PendingReference.HANDLER)
        .build();
  }

  private static Map<FactType, ObjectReader> createReaders() {
    Map<FactType, ObjectReader> readers = new EnumMap<>(FactType.class);
    for (FactType type : FactType.values()) {
      readers.put(type, MAPPER.readerFor(type.javaType()));
    }
    return readers;
  }
}
