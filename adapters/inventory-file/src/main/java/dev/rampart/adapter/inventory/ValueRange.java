package dev.rampart.adapter.inventory;

import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.DataHandling;
import dev.rampart.spi.fact.Network;
import dev.rampart.spi.fact.Service;
import dev.rampart.spi.fact.Training;
import java.math.BigInteger;
import java.util.Map;

/**
 * The allowed values of a whole-number field, with the hint shown when a value is outside them.
 *
 * @param min smallest allowed value
 * @param max largest allowed value
 * @param hint the fix shown for a value out of range
 */
record ValueRange(long min, long max, String hint) {

  /** Any value a whole-number field can hold. */
  static final ValueRange ANY =
      new ValueRange(Integer.MIN_VALUE, Integer.MAX_VALUE, "use a whole number from -2147483648 to 2147483647");

  // Keyed by "Record.field": ranges are facts about the model that the SPI records do not enforce themselves.
  private static final Map<String, ValueRange> BY_FIELD = Map.of(
      key(Service.class, "port"), new ValueRange(1, 65535, "a port is 1 to 65535"),
      key(Network.class, "vlan"), new ValueRange(1, 4094, "a VLAN id is 1 to 4094"),
      key(DataHandling.class, "retentionDays"), new ValueRange(0, Integer.MAX_VALUE, "days kept cannot be negative"),
      key(Training.class, "coveragePercent"), new ValueRange(0, 100, "a percentage is 0 to 100"),
      key(Certificate.class, "keySize"),
      new ValueRange(1, Integer.MAX_VALUE, "a key size is a positive number of bits, e.g. 2048"));

  /** The range of one field of a record. */
  static ValueRange of(Class<?> record, String field) {
    return BY_FIELD.getOrDefault(key(record, field), ANY);
  }

  boolean contains(long value) {
    return value >= min && value <= max;
  }

  boolean contains(BigInteger value) {
    return value.compareTo(BigInteger.valueOf(min)) >= 0 && value.compareTo(BigInteger.valueOf(max)) <= 0;
  }

  private static String key(Class<?> record, String field) {
    return record.getName() + "." + field;
  }
}
