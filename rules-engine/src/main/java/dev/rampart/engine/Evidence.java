package dev.rampart.engine;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One condition that decided a result: the field it read, what it found, what it expected and,
 * when the evaluation was given {@link Provenance}, the source of the value found.
 *
 * @param field the path read, relative to the evaluated fact, e.g. {@code services[1].port} or
 *     {@code vendor.disclosureProgram}
 * @param actual the value found, rendered as text, or {@value #ABSENT} when no source reported it
 * @param expected what the rule expected, e.g. {@code equals false} or {@code not in [23, 2323]}
 * @param source where the value found came from, as {@code SOURCE:LOCATION[:LINE:COLUMN]}, e.g.
 *     {@code nmap:scan.xml:40:3}; {@code null} when the evaluation had no provenance for it, and
 *     always for an absent value, which no source reported
 */
public record Evidence(String field, String actual, String expected, @Nullable String source) {

  /** The text of {@link #actual()} for a field that no source reported. */
  public static final String ABSENT = "absent";

  public Evidence {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(expected, "expected");
  }

  /** Evidence whose source is not known. */
  public Evidence(String field, String actual, String expected) {
    this(field, actual, expected, null);
  }

  /** The same evidence naming another source, or none. */
  public Evidence withSource(@Nullable String source) {
    return new Evidence(field, actual, expected, source);
  }

  /** Whether the field had no value. */
  public boolean isAbsent() {
    return actual.startsWith(ABSENT);
  }

  /** {@code field = actual (expected ...)}, then {@code [source]} when the source is known. */
  @Override
  public String toString() {
    return field + " = " + actual + " (expected " + expected + ")" + (source == null ? "" : " [" + source + "]");
  }
}
