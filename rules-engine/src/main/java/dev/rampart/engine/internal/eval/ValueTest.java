package dev.rampart.engine.internal.eval;

import com.google.re2j.Pattern;
import dev.rampart.engine.internal.ast.Operator;
import dev.rampart.engine.internal.ast.Span;
import dev.rampart.engine.internal.ast.Version;
import java.time.Instant;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One leaf's comparison of a present value with its constant operand, prepared once per rule: the
 * costly operators remember their answers for repeated texts, and durations are turned into
 * instants once per evaluation time rather than once per fact. The semantics are
 * {@link Values#test}'s.
 */
@FunctionalInterface
interface ValueTest {

  boolean test(Object value, Instant now);

  static ValueTest of(Operator operator, Object operand) {
    return switch (operator) {
      case MATCHES -> {
        Pattern pattern = (Pattern) operand;
        yield memoized(operator, text -> pattern.matcher(text).find());
      }
      case VERSION_AT_LEAST -> {
        Version minimum = (Version) operand;
        yield memoized(operator, text -> Version.parse(text).compareTo(minimum) >= 0);
      }
      case OLDER_THAN -> {
        Bounds bounds = new Bounds((Span) operand);
        yield (value, now) -> Values.instant(Values.normalize(value), operator).isBefore(bounds.at(now).before);
      }
      case NEWER_THAN -> {
        Bounds bounds = new Bounds((Span) operand);
        yield (value, now) -> Values.instant(Values.normalize(value), operator).isAfter(bounds.at(now).before);
      }
      case BEYOND -> {
        Bounds bounds = new Bounds((Span) operand);
        yield (value, now) -> !Values.instant(Values.normalize(value), operator).isBefore(bounds.at(now).after);
      }
      case WITHIN -> {
        Bounds bounds = new Bounds((Span) operand);
        yield (value, now) -> {
          Instant instant = Values.instant(Values.normalize(value), operator);
          Bounds.At at = bounds.at(now);
          return !instant.isBefore(at.before) && !instant.isAfter(at.after);
        };
      }
      case EQUALS, NOT_EQUALS -> {
        boolean equal = operator == Operator.EQUALS;
        // text, flags and names compare as they are, without normalising: the common case, made cheap
        yield isPlain(operand)
            ? (value, now) -> isPlain(value) ? operand.equals(value) == equal : Values.test(operator, value, operand, now)
            : (value, now) -> Values.test(operator, value, operand, now);
      }
      default -> (value, now) -> Values.test(operator, value, operand, now);
    };
  }

  private static boolean isPlain(Object value) {
    return value instanceof String || value instanceof Boolean || value instanceof Enum<?>;
  }

  private static ValueTest memoized(Operator operator, Predicate<String> test) {
    Memo memo = new Memo();
    return (value, now) -> {
      String text = Values.text(value, operator);
      Boolean known = memo.get(text);
      if (known != null) {
        return known;
      }
      boolean answer = test.test(text);
      memo.put(text, answer);
      return answer;
    };
  }

  /** A span's window around the last evaluation time asked for; sessions keep one time throughout. */
  final class Bounds {

    private final Span span;
    private volatile @Nullable At last;

    Bounds(Span span) {
      this.span = span;
    }

    At at(Instant now) {
      At at = last;
      if (at == null || !at.now.equals(now)) {
        at = new At(now, span.before(now), span.after(now));
        last = at;
      }
      return at;
    }

    record At(Instant now, Instant before, Instant after) {}
  }
}
