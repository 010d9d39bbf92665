package dev.rampart.adapter.inventory;

import dev.rampart.spi.value.ValueFormat;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * The allowed values of a whole-number field, with the words of a message about a value outside them.
 *
 * @param min smallest allowed value
 * @param max largest allowed value
 * @param noun what a value of the field is called, with its article ("a port"); {@code null} for any number
 * @param hint the fix shown for a value out of range
 */
record ValueRange(long min, long max, @Nullable String noun, String hint) {

  /** Any value a whole-number field can hold. */
  static final ValueRange ANY =
      new ValueRange(Integer.MIN_VALUE, Integer.MAX_VALUE, null, "use a whole number from -2147483648 to 2147483647");

  /**
   * The range of one field of a record: the fact model's own, from its {@link ValueFormat}, so the
   * file is checked by the same rule as every fact built in code.
   */
  static ValueRange of(Class<?> record, String field) {
    ValueFormat format = FactModel.format(record, field);
    return format == null || !format.isNumber() ? ANY : new ValueRange(format.min(), format.max(), format.noun(),
        format.fix());
  }

  boolean contains(long value) {
    return value >= min && value <= max;
  }

  boolean contains(BigInteger value) {
    return value.compareTo(BigInteger.valueOf(min)) >= 0 && value.compareTo(BigInteger.valueOf(max)) <= 0;
  }

  /** What is wrong with a value outside the range, as written: "70000 is not a port". */
  String outside(String written) {
    return written + (noun == null ? " is out of range" : " is not " + noun);
  }
}
