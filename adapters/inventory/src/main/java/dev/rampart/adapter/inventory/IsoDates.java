package dev.rampart.adapter.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import org.jspecify.annotations.Nullable;

/**
 * Reads the two shapes nearly every date in an inventory has, {@code 2027-06-30} and
 * {@code 2026-11-01T10:00:00Z}, without the general {@link java.time.format.DateTimeFormatter}
 * machinery, which costs more than the rest of a device's fields together.
 *
 * <p>Each method accepts only text that {@link LocalDate#parse} or {@link Instant#parse} would turn
 * into the same value; for anything else it returns {@code null}, and the caller goes the general
 * way, which also explains what is wrong.
 */
final class IsoDates {

  private static final int DATE_LENGTH = "2027-06-30".length();
  private static final int INSTANT_LENGTH = "2026-11-01T10:00:00Z".length();
  private static final long SECONDS_PER_DAY = 86_400;

  private IsoDates() {}

  /** A real calendar date written exactly as {@code yyyy-MM-dd}, or {@code null}. */
  static @Nullable LocalDate date(String text) {
    if (text.length() != DATE_LENGTH) {
      return null;
    }
    return dateAt(text);
  }

  /**
   * A point in time written exactly as {@code yyyy-MM-ddTHH:mm:ssZ}, or as a date
   * {@code yyyy-MM-dd} meaning the start of that day in UTC; otherwise {@code null}.
   */
  static @Nullable Instant instant(String text) {
    if (text.length() == DATE_LENGTH) {
      LocalDate date = dateAt(text);
      return date == null ? null : Instant.ofEpochSecond(date.toEpochDay() * SECONDS_PER_DAY);
    }
    if (text.length() != INSTANT_LENGTH || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
        || text.charAt(19) != 'Z') {
      return null;
    }
    LocalDate date = dateAt(text);
    int hour = number(text, 11, 2);
    int minute = number(text, 14, 2);
    int second = number(text, 17, 2);
    // 24:00:00 and leap seconds are left to Instant.parse, which has its own rules for them.
    if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    return Instant.ofEpochSecond(date.toEpochDay() * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second);
  }

  /** The date in the first ten characters, {@code yyyy-MM-dd}, or {@code null}. */
  private static @Nullable LocalDate dateAt(String text) {
    if (text.charAt(4) != '-' || text.charAt(7) != '-') {
      return null;
    }
    int year = number(text, 0, 4);
    int month = number(text, 5, 2);
    int day = number(text, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
      return null;
    }
    return LocalDate.of(year, month, day);
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> Year.isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** The ASCII digits at {@code start} as a number, or -1 if any character there is not one. */
  private static int number(String text, int start, int digits) {
    int value = 0;
    for (int i = start; i < start + digits; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
