package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.value.Format;
import dev.rampart.spi.value.ValueFormat;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * IoT security training of staff.
 *
 * @param lastCompleted when staff last completed IoT-specific security training; {@code null} when unknown
 * @param coveragePercent share of relevant staff trained, 0 to 100; {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record Training(
    @Nullable LocalDate lastCompleted,
    @Format(ValueFormat.PERCENT) @Nullable Integer coveragePercent) {

  public Training {
    coveragePercent = FieldValues.number("coveragePercent", coveragePercent, ValueFormat.PERCENT);
  }
}
