package dev.rampart.engine;

import java.util.Objects;

/**
 * One condition that decided a result: the field it read, what it found and what it expected.
 *
 * @param field the path read, relative to the evaluated fact, e.g. {@code services[1].port} or
 *     {@code vendor[acme].disclosureProgram}
 * @param actual the value found, rendered as text, or {@value #ABSENT} when no source reported it
 * @param expected what the rule expected, e.g. {@code equals false} or {@code not in [23, 2323]}
 */
public record Evidence(String field, String actual, String expected) {

  /** The text of {@link #actual()} for a field that no source reported. */
  public static final String ABSENT = "absent";

  public Evidence {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(expected, "expected");
  }

  /** Whether the field had no value. */
  public boolean isAbsent() {
    return actual.startsWith(ABSENT);
  }

  @Override
  public String toString() {
    return field + " = " + actual + " (expected " + expected + ")";
  }
}
