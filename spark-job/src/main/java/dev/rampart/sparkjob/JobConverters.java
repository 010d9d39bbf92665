package dev.rampart.sparkjob;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The job's option types, read as {@code rampart evaluate} reads them. */
final class JobConverters {

  /** The pack evaluated when no {@code --pack} is given, as in the CLI. */
  static final String DEFAULT_PACK = "iot-baseline";

  private JobConverters() {}

  /** {@code --now}: an ISO-8601 instant, or a date meaning the start of that day in UTC. */
  static final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return value.contains("T") ? Instant.parse(value)
            : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is neither an ISO-8601 instant such as 2026-11-25T00:00:00Z"
            + " nor a date such as 2026-11-25");
      }
    }
  }
}
