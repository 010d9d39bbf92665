package dev.rampart.bench.jmh;

import dev.rampart.spi.fact.WireNames;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a fact into the plain maps and lists CEL evaluates against, the way a JSON document would
 * look: unknown fields are absent keys, enums their wire names, whole numbers longs, dates and
 * instants epoch seconds (a date at the start of its day in UTC, as Rampart compares them).
 */
final class DeviceMaps {

  private DeviceMaps() {}

  static Map<String, Object> of(Record fact) {
    Map<String, Object> map = new HashMap<>();
    for (RecordComponent component : fact.getClass().getRecordComponents()) {
      Object value;
      try {
        value = component.getAccessor().invoke(fact);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + component.getName(), e);
      }
      if (value != null) {
        map.put(component.getName(), convert(value));
      }
    }
    return map;
  }

  private static Object convert(Object value) {
    if (value instanceof Record record) {
      return of(record);
    } else if (value instanceof List<?> list) {
      List<Object> converted = new ArrayList<>(list.size());
      list.forEach(element -> converted.add(convert(element)));
      return converted;
    } else if (value instanceof Map<?, ?> map) {
      Map<String, Object> converted = new HashMap<>();
      map.forEach((key, element) -> converted.put((String) key, convert(element)));
      return converted;
    } else if (value instanceof Enum<?> constant) {
      return WireNames.of(constant);
    } else if (value instanceof Integer number) {
      return number.longValue();
    } else if (value instanceof LocalDate date) {
      return date.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    } else if (value instanceof Instant instant) {
      return instant.getEpochSecond();
    }
    return value;
  }
}
