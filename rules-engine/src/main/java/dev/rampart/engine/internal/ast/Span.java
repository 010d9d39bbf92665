package dev.rampart.engine.internal.ast;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * An ISO-8601 duration such as {@code P30D}, {@code P1Y6M} or {@code PT12H}, measured on the UTC
 * calendar so that {@code P1M} means a calendar month.
 *
 * @param period the date part
 * @param duration the time part
 * @param text the duration as written
 */
public record Span(Period period, Duration duration, String text) {

  public Span {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(text, "text");
  }

  /** Parses {@code PnYnMnWnDTnHnMnS}; either part may be absent. */
  public static Optional<Span> parse(String text) {
    if (!text.startsWith("P") && !text.startsWith("-P")) {
      return Optional.empty();
    }
    try {
      int t = text.indexOf('T');
      String datePart = t < 0 ? text : text.substring(0, t);
      Period period = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
      Duration duration = t < 0 ? Duration.ZERO : Duration.parse("PT" + text.substring(t + 1));
      if (t >= 0 && t == text.length() - 1) {
        return Optional.empty();
      }
      return Optional.of(new Span(period, duration, text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The instant this span before {@code now}. */
  public Instant before(Instant now) {
    return now.atOffset(ZoneOffset.UTC).minus(period).minus(duration).toInstant();
  }

  /** The instant this span after {@code now}. */
  public Instant after(Instant now) {
    return now.atOffset(ZoneOffset.UTC).plus(period).plus(duration).toInstant();
  }

  @Override
  public String toString() {
    return text;
  }
}
