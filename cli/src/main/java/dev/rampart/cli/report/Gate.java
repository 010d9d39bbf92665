package dev.rampart.cli.report;

import dev.rampart.engine.Outcome;
import dev.rampart.engine.Report;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.Severity;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The pass/fail verdict of a run: fails on a FAIL result at or above a severity, or never. */
public final class Gate {

  /** The {@code --fail-on} value that disables the gate. */
  public static final String NEVER = "never";

  private final @Nullable Severity threshold;

  private Gate(@Nullable Severity threshold) {
    this.threshold = threshold;
  }

  /** A gate that fails on a FAIL result whose rule severity is {@code threshold} or higher. */
  public static Gate atLeast(Severity threshold) {
    return new Gate(Objects.requireNonNull(threshold, "threshold"));
  }

  /** A gate that never fails. */
  public static Gate never() {
    return new Gate(null);
  }

  /**
   * Parses a {@code --fail-on} value: a severity's wire name or {@value #NEVER}.
   *
   * @throws IllegalArgumentException naming the valid values
   */
  public static Gate parse(String text) {
    if (NEVER.equals(text)) {
      return never();
    }
    return Severity.fromWireName(text)
        .map(Gate::atLeast)
        .orElseThrow(
            () -> new IllegalArgumentException(
                "'" + text + "' is not a severity (use one of " + validValues() + ")"));
  }

  /** The values {@link #parse} accepts, for messages and help. */
  public static String validValues() {
    return Arrays.stream(Severity.values()).map(Severity::wireName).collect(Collectors.joining(", "))
        + " or " + NEVER;
  }

  /** The lowest severity that fails the gate, or empty when the gate never fails. */
  public Optional<Severity> threshold() {
    return Optional.ofNullable(threshold);
  }

  /** The {@code --fail-on} value this gate was made from, e.g. {@code high} or {@code never}. */
  public String failOn() {
    return threshold == null ? NEVER : threshold.wireName();
  }

  /** Whether the report fails this gate. */
  public boolean failed(Report report) {
    return failures(report) > 0;
  }

  /** How many results fail this gate: FAIL results of rules at or above the threshold. */
  public long failures(Report report) {
    return report.results().stream().filter(this::fails).count();
  }

  /** Whether one result fails this gate. */
  public boolean fails(RuleResult result) {
    return threshold != null && result.outcome() == Outcome.FAIL && result.rule().severity().atLeast(threshold);
  }

  @Override
  public String toString() {
    return "--fail-on " + failOn();
  }
}
