package dev.rampart.engine.internal.eval;

import com.google.re2j.Pattern;
import dev.rampart.engine.internal.ast.Destinations;
import dev.rampart.engine.internal.ast.Operator;
import dev.rampart.engine.internal.ast.PolicyResources;
import dev.rampart.engine.internal.ast.Span;
import dev.rampart.engine.internal.ast.Version;
import dev.rampart.spi.fact.WireNames;
import dev.rampart.spi.value.Cidr;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The semantics of each operator over runtime values, and how values are rendered as evidence. */
final class Values {

  private Values() {}

  /** Numbers become Double and dates Instant, so comparisons need one rule per kind. */
  static Object normalize(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof LocalDate d) {
      return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return value;
  }

  /**
   * Applies an operator to a present value.
   *
   * @throws EvaluationException when the value cannot be compared (an attribute of the wrong type, an
   *     IP address that is not one)
   */
  static boolean test(Operator operator, Object rawValue, Object operand, Instant now) {
    Object value = normalize(rawValue);
    if (value instanceof List<?> && operator != Operator.CONTAINS && operator != Operator.COVERS_ALL) {
      // only an attribute holds a list where the pack could not tell: never let it compare as unequal
      throw new EvaluationException(render(value) + " is a list; '" + operator.wireName() + "' compares a single value"
          + " (use 'contains', or a quantifier: anyOf, allOf, noneOf)");
    }
    if (operand instanceof List<?> && (operator == Operator.EQUALS || operator == Operator.NOT_EQUALS)) {
      throw new EvaluationException("cannot compare " + render(value) + " with the list " + render(operand)
          + " (use 'in' to test membership)");
    }
    return switch (operator) {
      case EQUALS -> same(value, operand);
      case NOT_EQUALS -> !same(value, operand);
      case IN -> operand instanceof Set<?> set ? set.contains(setKey(value)) : anySame(value, (List<?>) operand);
      case NOT_IN -> operand instanceof Set<?> set ? !set.contains(setKey(value)) : !anySame(value, (List<?>) operand);
      case GREATER_THAN -> compare(value, operand) > 0;
      case AT_LEAST -> compare(value, operand) >= 0;
      case LESS_THAN -> compare(value, operand) < 0;
      case AT_MOST -> compare(value, operand) <= 0;
      case MATCHES -> ((Pattern) operand).matcher(text(value, operator)).find();
      case CONTAINS -> contains(value, operand);
      case VERSION_AT_LEAST -> Version.parse(text(value, operator)).compareTo((Version) operand) >= 0;
      case OLDER_THAN -> instant(value, operator).isBefore(((Span) operand).before(now));
      case NEWER_THAN -> instant(value, operator).isAfter(((Span) operand).before(now));
      case WITHIN -> within(instant(value, operator), (Span) operand, now);
      case BEYOND -> !instant(value, operator).isBefore(((Span) operand).after(now));
      case IN_CIDR -> operand instanceof Destinations index
          ? index.contains(network(text(value, operator))) : inCidr(text(value, operator), (List<?>) operand);
      case WITHIN_ANY -> withinAny(text(value, operator), (Destinations) operand);
      case COVERS_ALL -> Destinations.of(list(value, operator), false).coversAll() == (Boolean) operand;
      case REACHES_OTHER_DEVICES -> PolicyResources.reachesOtherDevices(text(value, operator)) == (Boolean) operand;
      case EXISTS, UNIQUE, UNIQUE_AMONG -> throw new IllegalStateException(operator + " is decided before values are compared");
    };
  }

  private static boolean same(Object value, Object operand) {
    Object other = normalize(operand);
    if (value instanceof Double a && other instanceof Double b) {
      return a.doubleValue() == b.doubleValue();
    }
    return value.equals(other);
  }

  private static boolean anySame(Object value, List<?> candidates) {
    for (Object candidate : candidates) {
      if (same(value, candidate)) {
        return true;
      }
    }
    return false;
  }

  private static int compare(Object value, Object operand) {
    Object other = normalize(operand);
    if (value instanceof Double a && other instanceof Double b) {
      return Double.compare(a, b);
    }
    if (value instanceof Instant a && other instanceof Instant b) {
      return a.compareTo(b);
    }
    throw new EvaluationException("cannot order " + render(value) + " against " + render(other) + ": they are not of one kind");
  }

  private static boolean contains(Object value, Object operand) {
    if (value instanceof List<?> list) {
      for (Object element : list) {
        if (element != null && same(normalize(element), operand)) {
          return true;
        }
      }
      return false;
    }
    if (value instanceof String text && operand instanceof String part) {
      return text.contains(part);
    }
    throw new EvaluationException("cannot look for " + render(operand) + " in " + render(value));
  }

  private static boolean within(Instant value, Span span, Instant now) {
    return !value.isBefore(span.before(now)) && !value.isAfter(span.after(now));
  }

  private static boolean withinAny(String value, Destinations destinations) {
    try {
      return destinations.covers(value);
    } catch (IllegalArgumentException e) {
      throw new EvaluationException(e.getMessage());
    }
  }

  private static Cidr network(String value) {
    return Cidr.parse(value).orElseThrow(() -> new EvaluationException("'" + value + "' is not an IP address or network"));
  }

  private static List<?> list(Object value, Operator operator) {
    if (value instanceof List<?> list) {
      return list;
    }
    throw new EvaluationException("'" + operator.wireName() + "' needs a list but the value is " + render(value));
  }

  private static boolean inCidr(String value, List<?> networks) {
    Cidr address = network(value);
    for (Object network : networks) {
      if (((Cidr) network).contains(address)) {
        return true;
      }
    }
    return false;
  }

  static String text(Object value, Operator operator) {
    if (value instanceof String s) {
      return s;
    }
    throw new EvaluationException("'" + operator.wireName() + "' needs text but the value is " + render(value));
  }

  static Instant instant(Object value, Operator operator) {
    if (value instanceof Instant i) {
      return i;
    }
    throw new EvaluationException("'" + operator.wireName() + "' needs a date but the value is " + render(value));
  }

  /**
   * A list field's value prepared once per fact as the operand of a membership operator: a hash set
   * of the normalized values for {@code in} and {@code notIn}, {@link Destinations} for
   * {@code inCidr} (its networks) and {@code withinAny}. Each value is then looked up, not compared
   * with every element.
   */
  static Object indexedOperand(Operator operator, Object value) {
    List<?> elements = value instanceof List<?> list ? list : List.of(value);
    return switch (operator) {
      case IN, NOT_IN -> {
        Set<Object> set = new HashSet<>();
        for (Object element : elements) {
          if (element != null) {
            set.add(setKey(element));
          }
        }
        yield set;
      }
      case IN_CIDR -> Destinations.of(elements, true);
      case WITHIN_ANY -> Destinations.of(elements, false);
      default -> throw new IllegalStateException(operator + " takes no indexed operand");
    };
  }

  /** The value as a set holds it: {@link #same} values have equal keys. */
  private static Object setKey(Object value) {
    Object normalized = normalize(value);
    return normalized instanceof Double d && d == 0.0 ? 0.0 : normalized;
  }

  /** A field's value prepared as an operand: versions parsed, numbers and dates normalized. */
  static Object operandFromField(Operator operator, Object value) {
    if (operator == Operator.VERSION_AT_LEAST) {
      return Version.parse(text(value, operator));
    }
    return value instanceof List<?> ? value : normalize(value);
  }

  /** A value as evidence shows it. */
  static String render(Object value) {
    if (value instanceof Absent absent) {
      return absent.render();
    }
    if (value instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Enum<?> e) {
      return WireNames.of(e);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(v -> v == null ? "null" : render(v)).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof dev.rampart.spi.fact.Fact fact) {
      return fact.type().wireName() + " '" + fact.id() + "'";
    }
    if (value instanceof Record) {
      return "{...}";
    }
    return value.toString();
  }
}
