package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.ast.ParamType;
import dev.rampart.engine.internal.ast.Span;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Checks parameter values against their declared type, and parses overrides given as text. */
public final class ParamValues {

  private ParamValues() {}

  /** {@code null} when the raw value fits the type, else what is wrong ("must be ..."). */
  public static @Nullable String check(ParamType type, @Nullable Object raw) {
    boolean fits = switch (type) {
      case STRING -> raw instanceof String;
      case INTEGER -> raw instanceof Number n && new BigDecimal(n.toString()).stripTrailingZeros().scale() <= 0;
      case NUMBER -> raw instanceof Number;
      case BOOLEAN -> raw instanceof Boolean;
      case DURATION -> raw instanceof String s && Span.parse(s).isPresent();
      case DATE -> raw instanceof String s && isDate(s);
      case LIST -> raw instanceof List<?> list && list.stream().allMatch(i -> i instanceof String || i instanceof Number);
    };
    return fits ? null : "must be " + expected(type) + ", not " + Literals.describe(raw);
  }

  /**
   * Parses an override given as text (on a command line) into a raw value of the type.
   *
   * @throws IllegalArgumentException with a message saying what the value must look like
   */
  public static Object parse(ParamType type, String text) {
    Object raw = switch (type) {
      case STRING, DURATION, DATE -> text;
      case INTEGER, NUMBER -> number(text);
      case BOOLEAN -> text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : text;
      case LIST -> text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).map(s -> (Object) s).toList();
    };
    String bad = check(type, raw);
    if (bad != null) {
      throw new IllegalArgumentException(bad.replace("not the string", "not"));
    }
    return raw;
  }

  private static Object number(String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return text;
    }
  }

  private static boolean isDate(String text) {
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String expected(ParamType type) {
    return switch (type) {
      case STRING -> "a string";
      case INTEGER -> "a whole number";
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case DURATION -> "an ISO-8601 duration such as P30D";
      case DATE -> "a date such as 2027-01-31";
      case LIST -> "a list of values";
    };
  }
}
