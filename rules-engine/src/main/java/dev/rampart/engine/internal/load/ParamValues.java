package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.ast.ParamDef;
import dev.rampart.engine.internal.ast.Span;
import dev.rampart.engine.value.ParameterType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks parameter values against their declared type and range, parses overrides given as text,
 * and renders values as text that parses back.
 */
public final class ParamValues {

  /** Durations are ordered by how far they reach from this instant (a month is a calendar month). */
  private static final Instant DURATION_ORIGIN = Instant.parse("2000-01-01T00:00:00Z");

  private ParamValues() {}

  /** {@code null} when the raw value fits the type, else what is wrong ("must be ..."). */
  public static @Nullable String check(ParameterType type, @Nullable Object raw) {
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
   * {@code null} when a value of the parameter's type lies within its range, else what is wrong,
   * naming the range ("must be at least 1024 (the range is 1024 to 16384)").
   */
  public static @Nullable String checkRange(ParamDef param, Object raw) {
    Object minimum = param.minimum();
    Object maximum = param.maximum();
    boolean low = minimum != null && compare(param.type(), raw, minimum) < 0;
    boolean high = maximum != null && compare(param.type(), raw, maximum) > 0;
    if (!low && !high) {
      return null;
    }
    String range = minimum != null && maximum != null
        ? " (the range is " + render(minimum) + " to " + render(maximum) + ")" : "";
    return low ? "must be at least " + render(minimum) + range : "must be at most " + render(maximum) + range;
  }

  /** Whether a parameter of the type may declare {@code minimum} and {@code maximum}. */
  public static boolean isRanged(ParameterType type) {
    return type == ParameterType.INTEGER || type == ParameterType.NUMBER || type == ParameterType.DURATION;
  }

  /** Orders two values of an integer, number or duration parameter. */
  static int compare(ParameterType type, Object a, Object b) {
    if (type == ParameterType.DURATION) {
      return Span.parse((String) a).orElseThrow().after(DURATION_ORIGIN)
          .compareTo(Span.parse((String) b).orElseThrow().after(DURATION_ORIGIN));
    }
    return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
  }

  /**
   * Parses an override given as text (on a command line) into a raw value of the type. A list is
   * written as the docs write it, {@code [1.0, 1.1]}, or as a bare comma list {@code 1.0,1.1};
   * elements may be quoted, {@code ["a, b", c]}, to hold a comma or a bracket.
   *
   * @throws IllegalArgumentException with a message saying what the value must look like
   */
  public static Object parse(ParameterType type, String text) {
    Object raw = switch (type) {
      case STRING, DURATION, DATE -> text;
      case INTEGER, NUMBER -> number(text);
      case BOOLEAN -> text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : text;
      case LIST -> list(text);
    };
    String bad = check(type, raw);
    if (bad != null) {
      throw new IllegalArgumentException(bad.replace("not the string", "not"));
    }
    return raw;
  }

  /** A raw value as text that {@link #parse} reads back as the same value. */
  public static String render(Object raw) {
    if (raw instanceof List<?> list) {
      return list.stream().map(ParamValues::element).collect(Collectors.joining(", ", "[", "]"));
    }
    if (raw instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return String.valueOf(raw);
  }

  private static String element(Object value) {
    String text = String.valueOf(value);
    boolean plain = !text.isEmpty() && text.equals(text.strip())
        && text.chars().noneMatch(c -> c == ',' || c == '[' || c == ']' || c == '"' || c == '\'');
    if (plain) {
      return text;
    }
    return text.indexOf('"') >= 0 ? "'" + text + "'" : "\"" + text + "\"";
  }

  private static List<Object> list(String text) {
    String body = text.strip();
    if (body.startsWith("[") != body.endsWith("]") || body.equals("[") || body.equals("]")) {
      throw new IllegalArgumentException("the list '" + text + "' has an unmatched bracket: write it as [a, b] or as a, b");
    }
    if (body.startsWith("[")) {
      body = body.substring(1, body.length() - 1).strip();
    }
    List<Object> values = new ArrayList<>();
    if (body.isEmpty()) {
      return values;
    }
    int i = 0;
    while (true) {
      while (i < body.length() && body.charAt(i) == ' ') {
        i++;
      }
      String value;
      if (i < body.length() && (body.charAt(i) == '"' || body.charAt(i) == '\'')) {
        char quote = body.charAt(i);
        int close = body.indexOf(quote, i + 1);
        if (close < 0) {
          throw new IllegalArgumentException("the list '" + text + "' has an unclosed quote " + quote
              + ": close each quoted element, e.g. [\"a, b\", c]");
        }
        value = body.substring(i + 1, close);
        i = close + 1;
        while (i < body.length() && body.charAt(i) == ' ') {
          i++;
        }
        if (i < body.length() && body.charAt(i) != ',') {
          throw new IllegalArgumentException("the list '" + text + "' has text after the quoted element \"" + value
              + "\": separate elements with commas, e.g. [\"a\", b]");
        }
      } else {
        int comma = body.indexOf(',', i);
        int end = comma < 0 ? body.length() : comma;
        value = body.substring(i, end).strip();
        i = end;
        if (value.isEmpty()) {
          throw new IllegalArgumentException("the list '" + text + "' has an empty element: remove the extra comma");
        }
        for (char c : new char[] {'[', ']', '"', '\''}) {
          if (value.indexOf(c) >= 0) {
            throw new IllegalArgumentException("the list element '" + value + "' has a stray " + c
                + ": write the list as [a, b], quoting an element that holds a bracket or quote mark");
          }
        }
      }
      values.add(value);
      if (i >= body.length()) {
        return values;
      }
      i++; // the comma
      if (i >= body.length()) {
        throw new IllegalArgumentException("the list '" + text + "' ends with a comma: remove it");
      }
    }
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

  private static String expected(ParameterType type) {
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
