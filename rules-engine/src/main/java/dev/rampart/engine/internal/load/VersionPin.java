package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.ast.Version;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The versions of a base that {@code extends: NAME@PIN} accepts: one version ({@code 1.0.0}), a caret
 * range ({@code ^1}: the same major version, at least the one written), a tilde range ({@code ~1.2}:
 * the same minor version), or comparators that must all hold ({@code >=1.0.0 <2}). Versions compare by
 * {@link Version}'s precedence, so {@code 1.0 = 1.0.0}; a pre-release base matches only a pin that
 * names it exactly, so {@code ^1} never picks up {@code 2.0.0-rc1}.
 */
final class VersionPin {

  /** How a pin may be written, for messages. */
  static final String FORMS = "a version (@1.0.0) or a range (@^1, @~1.2, @>=1.0.0 <2)";

  private static final Pattern NUMBERS = Pattern.compile("(0|[1-9][0-9]{0,17})(?:\\.(0|[1-9][0-9]{0,17})){0,2}");
  private static final Pattern COMPARATOR = Pattern.compile("(>=|<=|>|<|=)?(v?[0-9][0-9A-Za-z.+_-]*)");

  private final String text;
  private final List<Bound> bounds;
  private final boolean exact;

  private VersionPin(String text, List<Bound> bounds, boolean exact) {
    this.text = text;
    this.bounds = List.copyOf(bounds);
    this.exact = exact;
  }

  /** The pin written after '@', or {@code null} when it is none of the accepted forms. */
  static @Nullable VersionPin parse(String text) {
    String pin = text.strip();
    if (pin.startsWith("^") || pin.startsWith("~")) {
      long[] parts = numbers(pin.substring(1));
      if (parts == null) {
        return null;
      }
      Version lowest = version(parts, parts.length);
      Version above = pin.startsWith("^") ? caretCeiling(parts) : tildeCeiling(parts);
      return new VersionPin(pin, List.of(new Bound(">=", lowest), new Bound("<", above)), false);
    }
    List<Bound> bounds = new ArrayList<>();
    String[] comparators = pin.split("\\s+");
    for (String comparator : comparators) {
      Matcher matcher = COMPARATOR.matcher(comparator);
      if (!matcher.matches()) {
        return null;
      }
      bounds.add(new Bound(matcher.group(1) == null ? "=" : matcher.group(1), Version.parse(matcher.group(2))));
    }
    boolean exact = bounds.size() == 1 && bounds.get(0).operator().equals("=");
    return new VersionPin(pin, bounds, exact);
  }

  /** Whether a base of this version satisfies the pin. */
  boolean accepts(String version) {
    Version actual = Version.parse(version);
    int dash = version.indexOf('-');
    boolean preRelease = dash > 0 && actual.compareTo(Version.parse(version.substring(0, dash))) < 0;
    if (preRelease && !exact) {
      return false;
    }
    return bounds.stream().allMatch(bound -> bound.accepts(actual));
  }

  /** Whether the pin names one version, not a range. */
  boolean exact() {
    return exact;
  }

  /**
   * The caret range that the given version satisfies, to suggest: {@code ^1} for 1.4.2, {@code ^0.3} for
   * 0.3.1, or the version itself when it has no plain numeric form.
   */
  static String suggestFor(String version) {
    Matcher numeric = Pattern.compile("v?([0-9]+)(?:\\.([0-9]+))?.*").matcher(version.strip());
    if (!numeric.matches() || version.contains("-")) {
      return version;
    }
    return numeric.group(1).equals("0") && numeric.group(2) != null ? "^0." + numeric.group(2) : "^" + numeric.group(1);
  }

  @Override
  public String toString() {
    return text;
  }

  private static long @Nullable [] numbers(String text) {
    if (!NUMBERS.matcher(text).matches()) {
      return null;
    }
    String[] parts = text.split("\\.");
    long[] numbers = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      numbers[i] = Long.parseLong(parts[i]);
    }
    return numbers;
  }

  /** {@code ^1.2.3} is below 2; {@code ^0.2.3} below 0.3; {@code ^0.0.3} below 0.0.4; {@code ^0} below 1. */
  private static Version caretCeiling(long[] parts) {
    for (int i = 0; i < parts.length; i++) {
      if (parts[i] != 0 || i == parts.length - 1) {
        long[] ceiling = Arrays.copyOf(parts, i + 1);
        ceiling[i]++;
        return version(ceiling, ceiling.length);
      }
    }
    throw new IllegalStateException("a pin has at least one number");
  }

  /** {@code ~1.2.3} and {@code ~1.2} are below 1.3; {@code ~1} below 2. */
  private static Version tildeCeiling(long[] parts) {
    long[] ceiling = Arrays.copyOf(parts, Math.min(parts.length, 2));
    ceiling[ceiling.length - 1]++;
    return version(ceiling, ceiling.length);
  }

  private static Version version(long[] parts, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(i == 0 ? "" : ".").append(parts[i]);
    }
    return Version.parse(text.toString());
  }

  private record Bound(String operator, Version version) {

    boolean accepts(Version actual) {
      int c = actual.compareTo(version);
      return switch (operator) {
        case ">=" -> c >= 0;
        case ">" -> c > 0;
        case "<=" -> c <= 0;
        case "<" -> c < 0;
        default -> c == 0;
      };
    }
  }
}
