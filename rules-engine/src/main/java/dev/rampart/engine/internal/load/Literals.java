package dev.rampart.engine.internal.load;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.rampart.engine.internal.ast.Destinations;
import dev.rampart.engine.internal.ast.Operator;
import dev.rampart.engine.internal.ast.Span;
import dev.rampart.engine.internal.ast.Version;
import dev.rampart.engine.internal.schema.Field;
import dev.rampart.engine.internal.schema.FieldKind;
import dev.rampart.spi.fact.WireNames;
import dev.rampart.spi.source.DidYouMean;
import dev.rampart.spi.value.Cidr;
import dev.rampart.spi.value.Vocabulary;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Converts a value written in a pack (or given as a parameter) into the runtime value an operator
 * compares with, or explains why it does not fit. Runtime values: numbers are {@code Double}, dates
 * and date-times are {@code Instant}, enum values are the enum constants, regular expressions are
 * RE2/J patterns, durations {@link Span}, networks lists of {@link Cidr}, destinations
 * {@link Destinations}, versions {@link Version}. Text of a vocabulary field (a protocol, a TLS
 * version) is brought to its canonical form; a spelling the vocabulary does not know is refused.
 */
public final class Literals {

  /** The fix for YAML 1.1's yes, no, on or off where a boolean belongs. */
  public static final String YAML_1_2_BOOLEANS =
      "write true or false, without quotes: packs are read as YAML 1.2, in which yes, no, on and off are text";

  private static final java.util.Set<String> YAML11_BOOLEANS = java.util.Set.of("yes", "no", "on", "off", "y", "n");

  private Literals() {}

  /** The outcome of a conversion: a value, or a message and a suggestion. */
  public sealed interface Result permits Ok, Bad {}

  /** A converted value. */
  public record Ok(@Nullable Object value) implements Result {}

  /** A value that does not fit; {@code message} quotes it, {@code suggestion} gives the fix. */
  public record Bad(String message, @Nullable String suggestion) implements Result {}

  /**
   * Converts the operand of {@code operator} applied to {@code field}.
   *
   * @param raw a String, Boolean, Number, or a List of those, as parsed from YAML
   */
  public static Result convert(Operator operator, Field field, @Nullable Object raw) {
    return switch (operator) {
      case EXISTS, UNIQUE, COVERS_ALL, REACHES_OTHER_DEVICES -> bool(raw, operator);
      case EQUALS, NOT_EQUALS -> scalar(field, raw);
      case IN, NOT_IN -> list(raw, item -> scalar(field, item));
      case GREATER_THAN, AT_LEAST, LESS_THAN, AT_MOST -> ordered(field, raw);
      case MATCHES -> regex(raw);
      // an attribute may hold a list of any plain values, so what it may contain is any plain value
      case CONTAINS -> field.kind() == FieldKind.LIST ? scalar(Objects.requireNonNull(field.element()), raw)
          : field.kind() == FieldKind.ANY ? scalar(field, raw) : string(raw);
      case VERSION_AT_LEAST -> version(raw);
      case OLDER_THAN, NEWER_THAN, WITHIN, BEYOND -> span(raw);
      case IN_CIDR -> raw instanceof List<?> ? list(raw, Literals::cidr) : wrapList(cidr(raw));
      case WITHIN_ANY -> destinations(raw instanceof List<?> ? raw : raw == null ? null : List.of(raw));
      case UNIQUE_AMONG -> new Bad("'uniqueAmong' takes a condition on the other facts, not " + describe(raw),
          "write e.g. 'uniqueAmong: {field: lifecycle.status, equals: retired}'");
    };
  }

  /** Converts a scalar for a field of the given kind. */
  public static Result scalar(Field field, @Nullable Object raw) {
    if (raw == null) {
      return new Bad("a value is missing", "give a value, or use 'exists: false' to test for absence");
    }
    return switch (field.kind()) {
      case STRING -> field.vocabulary() == null ? string(raw) : canonical(field.vocabulary(), raw);
      case BOOLEAN -> raw instanceof Boolean b ? new Ok(b)
          : new Bad("expected a boolean (true or false) but found " + describe(raw), booleanFix(raw));
      case INTEGER -> raw instanceof Number n && isWhole(n) ? new Ok(n.doubleValue()) : wrongType("a whole number", raw);
      case DECIMAL -> raw instanceof Number n ? new Ok(n.doubleValue()) : wrongType("a number", raw);
      case DATE, INSTANT -> time(raw);
      case ENUM -> enumValue(field, raw);
      case ANY -> raw instanceof Number n ? new Ok(n.doubleValue()) : scalarAny(raw);
      default -> new Bad("field of type " + field.typeDescription() + " cannot be compared with a value",
          "use 'exists', or a quantifier (anyOf, allOf, noneOf) for lists");
    };
  }

  private static Result canonical(Vocabulary vocabulary, Object raw) {
    Result text = string(raw);
    if (!(text instanceof Ok ok) || !(ok.value() instanceof String spelling)) {
      return text;
    }
    String value = vocabulary.canonical(spelling);
    if (vocabulary.isKnown(value)) {
      return new Ok(value);
    }
    List<String> known = vocabulary.canonicalValues();
    return new Bad("'" + spelling + "' is not a known " + vocabulary.noun(), DidYouMean.closest(spelling, known)
        .map(s -> "did you mean '" + s + "'? ").orElse("") + "known values: " + String.join(", ", known));
  }

  private static Result destinations(@Nullable Object raw) {
    Result entries = list(raw, Literals::destination);
    return entries instanceof Ok ok ? new Ok(Destinations.of((List<?>) Objects.requireNonNull(ok.value()), false)) : entries;
  }

  private static Result destination(@Nullable Object raw) {
    if (raw instanceof String s && Destinations.kindOf(s) != null) {
      return new Ok(s);
    }
    return new Bad("expected a network, host name or *.domain but found " + describe(raw),
        "write a network such as 192.0.2.0/24, a host name such as updates.example.com, or *.example.com");
  }

  private static Result scalarAny(Object raw) {
    return raw instanceof String || raw instanceof Boolean ? new Ok(raw) : wrongType("a string, number or boolean", raw);
  }

  private static Result ordered(Field field, @Nullable Object raw) {
    if (field.kind().isNumeric() || field.kind().isTime() || field.kind() == FieldKind.ANY) {
      return scalar(field, raw);
    }
    return new Bad("field of type " + field.typeDescription() + " has no order", OperatorRules.unordered(field));
  }

  private static Result bool(@Nullable Object raw, Operator operator) {
    if (!(raw instanceof Boolean b)) {
      return new Bad("'" + operator.wireName() + "' takes true or false but found " + describe(raw), booleanFix(raw));
    }
    if (operator == Operator.UNIQUE && !b) {
      return new Bad("'unique: false' tests nothing", "write 'unique: true', or remove the condition");
    }
    return new Ok(b);
  }

  /**
   * Whether a value is text that YAML 1.1 would have read as a boolean. Packs are read as YAML 1.2, as
   * editors and the JSON Schema read them, so yes, no, on and off are text; where true or false
   * belongs, the fix says so rather than leave the author puzzled.
   */
  public static boolean isYaml11Boolean(@Nullable Object raw) {
    return raw instanceof String s && YAML11_BOOLEANS.contains(s.toLowerCase(java.util.Locale.ROOT));
  }

  private static String booleanFix(@Nullable Object raw) {
    return isYaml11Boolean(raw) ? YAML_1_2_BOOLEANS : "write true or false, without quotes";
  }

  private static Result string(@Nullable Object raw) {
    if (raw instanceof String s) {
      return new Ok(s);
    }
    if (raw instanceof Number || raw instanceof Boolean) {
      return new Bad("expected a string but found " + describe(raw), "quote it: \"" + raw + "\"");
    }
    return wrongType("a string", raw);
  }

  private static Result time(Object raw) {
    if (raw instanceof String s) {
      try {
        if (s.length() == 10) {
          return new Ok(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        return new Ok(Instant.parse(s));
      } catch (DateTimeParseException e) {
        // fall through to the explanation below
      }
    }
    return new Bad("expected a date or date-time but found " + describe(raw),
        "write a date as 2027-01-31 or a date-time as 2027-01-31T12:00:00Z");
  }

  private static Result enumValue(Field field, Object raw) {
    if (raw instanceof String s) {
      for (Object constant : Objects.requireNonNull(field.enumType()).getEnumConstants()) {
        if (WireNames.of((Enum<?>) constant).equals(s)) {
          return new Ok(constant);
        }
      }
    }
    return new Bad("'" + raw + "' is not a value of " + field.name(), DidYouMean.hintOrList(String.valueOf(raw), field.enumValues(), "expected one of"));
  }

  private static Result regex(@Nullable Object raw) {
    if (!(raw instanceof String s)) {
      return wrongType("a regular expression in quotes", raw);
    }
    if (RegexSize.tooLarge(s)) {
      return new Bad("regular expression '" + s + "' repeats too much: its counted repetitions multiply to more than "
          + RegexSize.MAX_REPEAT, "RE2 allows at most " + RegexSize.MAX_REPEAT + " repetitions, nested ones"
          + " multiplied together; use + or * for repetition without a bound");
    }
    if (RegexSize.programTooLarge(s)) {
      return tooLarge(s, RegexSize.programSize(s));
    }
    try {
      Pattern pattern = Pattern.compile(s);
      int size = programSize(pattern);
      return size > RegexSize.MAX_PROGRAM ? tooLarge(s, size) : new Ok(pattern);
    } catch (PatternSyntaxException e) {
      return new Bad("invalid regular expression '" + s + "': " + e.getDescription(),
          "Rampart uses RE2 syntax (no backreferences or lookaround); check the pattern");
    }
  }

  /** How many instructions a compiled pattern has: what matching costs for every character it reads. */
  public static int programSize(Pattern pattern) {
    return pattern.matcher("").programSize();
  }

  private static Result tooLarge(String pattern, long size) {
    return new Bad(String.format("regular expression %s is too large: it compiles to about %,d instructions, more than"
        + " the %,d allowed", abbreviate(pattern), size, RegexSize.MAX_PROGRAM), "a counted repetition copies what it"
        + " repeats ('.{1000}' is 1000 copies of '.'): use + or * where no exact count is needed, or split the pattern"
        + " over several conditions");
  }

  /** A pattern quoted for a message: whole when short, else its start and its length. */
  public static String abbreviate(String pattern) {
    return pattern.length() <= 80 ? "'" + pattern + "'"
        : "'" + pattern.substring(0, 60) + "...' (" + pattern.length() + " characters)";
  }

  private static Result version(@Nullable Object raw) {
    if (raw instanceof String s && !s.isBlank()) {
      return new Ok(Version.parse(s));
    }
    if (raw instanceof Number) {
      return new Bad("expected a version string but found " + describe(raw), "quote it: \"" + raw + "\"");
    }
    return wrongType("a version such as \"2.4.1\"", raw);
  }

  private static Result span(@Nullable Object raw) {
    if (raw instanceof String s) {
      var span = Span.parse(s);
      if (span.isPresent()) {
        return new Ok(span.get());
      }
    }
    return new Bad("expected an ISO-8601 duration but found " + describe(raw),
        "write for example P30D (30 days), P1Y (a year) or PT12H (12 hours)");
  }

  private static Result cidr(@Nullable Object raw) {
    if (raw instanceof String s) {
      var cidr = Cidr.parse(s);
      if (cidr.isPresent()) {
        return new Ok(cidr.get());
      }
    }
    return new Bad("expected a network such as 10.0.0.0/8 but found " + describe(raw),
        "write an IPv4 or IPv6 address with a prefix length, e.g. 192.168.0.0/16");
  }

  private static Result wrapList(Result single) {
    return single instanceof Ok ok ? new Ok(List.of(Objects.requireNonNull(ok.value()))) : single;
  }

  private static Result list(@Nullable Object raw, java.util.function.Function<Object, Result> item) {
    if (!(raw instanceof List<?> items)) {
      return new Bad("expected a list but found " + describe(raw), "write the values as [a, b, c]");
    }
    if (items.isEmpty()) {
      return new Bad("the list is empty", "give at least one value");
    }
    List<Object> values = new ArrayList<>();
    for (Object each : items) {
      Result converted = item.apply(each);
      if (converted instanceof Bad bad) {
        return bad;
      }
      values.add(((Ok) converted).value());
    }
    return new Ok(List.copyOf(values));
  }

  private static boolean isWhole(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof BigInteger || n instanceof Short) {
      return true;
    }
    if (n instanceof BigDecimal d) {
      return d.stripTrailingZeros().scale() <= 0;
    }
    double d = n.doubleValue();
    return d == Math.rint(d);
  }

  private static Result wrongType(String expected, @Nullable Object raw) {
    return new Bad("expected " + expected + " but found " + describe(raw), null);
  }

  /** A phrase for a raw value in messages. */
  public static String describe(@Nullable Object raw) {
    if (raw == null) {
      return "nothing";
    }
    if (raw instanceof String s) {
      return "the string '" + s + "'";
    }
    if (raw instanceof Boolean) {
      return "the boolean " + raw;
    }
    if (raw instanceof Number) {
      return "the number " + raw;
    }
    if (raw instanceof List) {
      return "a list";
    }
    return "a mapping";
  }
}
