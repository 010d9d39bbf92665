package dev.rampart.adaptersupport.http;

import dev.rampart.spi.source.SourceConfig;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads the options of one source and collects every mistake in them, so that a user sees all of
 * them in one run. Each problem starts with the source and its (redacted) location.
 */
public final class Options {

  private static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(10);

  private final SourceConfig config;
  private final String subject;
  private final List<String> problems = new ArrayList<>();

  /**
   * @param config what the user gave
   * @param subject how problems start, e.g. {@code netbox source 'https://netbox.example.com'}
   * @param known every option the source takes
   */
  public Options(SourceConfig config, String subject, List<String> known) {
    this.config = config;
    this.subject = subject;
    List<String> unknown = config.unknownOptions(known);
    if (!unknown.isEmpty()) {
      add("unknown option(s) " + String.join(", ", unknown) + " (the source takes the options "
          + String.join(", ", known) + ")");
    }
  }

  /** The option's text, or {@code null} when it is not given; a blank value is a problem. */
  public @Nullable String text(String key) {
    String value = config.option(key).orElse(null);
    if (value != null && value.isBlank()) {
      add("option " + key + " is blank (leave it out for the default, or give a value)");
      return null;
    }
    return value == null ? null : value.strip();
  }

  /** The option's text, or {@code fallback} when it is not given. */
  public String text(String key, String fallback) {
    String value = text(key);
    return value == null ? fallback : value;
  }

  /** A whole number from {@code min} to {@code max}. */
  public int wholeNumber(String key, int fallback, int min, int max) {
    String value = text(key);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // explained below
    }
    add("option " + key + " is '" + value + "', not a whole number from " + min + " to " + max
        + " (e.g. " + key + "=" + fallback + ")");
    return fallback;
  }

  /**
   * One of the constants of an enum, by the name the option gives it; a value that is none of them is
   * a problem naming them all.
   *
   * @param fallback the choice when the option is not given, also the enum whose constants are the choices
   * @param name the option's name for each constant, e.g. {@code netbox-id}
   * @param example a valid use of the option and what it is for, e.g. {@code deviceIds=netbox-id for NetBox's numeric ids}
   */
  public <E extends Enum<E>> E choice(String key, E fallback, Function<E, String> name, String example) {
    String value = text(key);
    if (value == null) {
      return fallback;
    }
    List<String> names = new ArrayList<>();
    for (E constant : fallback.getDeclaringClass().getEnumConstants()) {
      if (name.apply(constant).equals(value)) {
        return constant;
      }
      names.add(name.apply(constant));
    }
    String listed = names.size() == 1 ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    add("option " + key + " is '" + value + "', not " + listed + " (e.g. " + example + ")");
    return fallback;
  }

  /** A positive duration of at most ten minutes: whole seconds ({@code 30}) or ISO-8601 ({@code PT0.5S}). */
  public Duration duration(String key, Duration fallback) {
    String value = text(key);
    if (value == null) {
      return fallback;
    }
    Duration duration = null;
    try {
      duration = value.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
    } catch (DateTimeParseException | NumberFormatException e) {
      // explained below
    }
    if (duration == null || duration.isZero() || duration.isNegative() || duration.compareTo(LONGEST_TIMEOUT) > 0) {
      add("option " + key + " is '" + value + "', not a duration from 1 second to 10 minutes (give seconds, e.g. "
          + key + "=" + fallback.toSeconds() + ", or an ISO-8601 duration such as PT1M)");
      return fallback;
    }
    return duration;
  }

  /** Records a problem with the source's configuration. */
  public void add(String problem) {
    problems.add(subject + ": " + problem);
  }

  /** Every problem recorded so far, in order. */
  public List<String> problems() {
    return List.copyOf(problems);
  }
}
