package dev.rampart.spi.fact;

import dev.rampart.spi.value.Format;
import dev.rampart.spi.value.ValueFormat;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * IoT security training of staff.
 *
 * @param lastCompleted when staff last completed IoT-specific security training; {@code null} when unknown
 * @param coveragePercent share of relevant staff trained, 0 to 100; {@code null} when unknown
 */
public record Training(
    @Nullable LocalDate lastCompleted,
    @Format(ValueFormat.PERCENT) @Nullable Integer coveragePercent) {

  public Training {
    coveragePercent = FieldValues.number("coveragePercent", coveragePercent, ValueFormat.PERCENT);
  }
}
