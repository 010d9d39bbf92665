package dev.rampart.reports;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.reports.baseline.Baseline;
import dev.rampart.engine.NotAssessed;
import dev.rampart.engine.Report;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The pass/fail verdict of a run: fails on a FAIL or ERROR result (and, if asked, an UNKNOWN one) at
 * or above a severity that no valid waiver accepts and, with a baseline, that is not in the baseline;
 * fails too when a waiver that covers a finding has expired, and, if asked, on a rule at or above the
 * severity that was not assessed. Or never fails. An ERROR is a rule that could not be evaluated on a
 * fact (text where it orders numbers, say): it fails the gate unless the user allows errors, so that a
 * value written oddly can never turn a FAIL into a pass.
 */
@API(status = STABLE, since = "0.1")
public final class Gate {

  /** The {@code --fail-on} value that disables the gate. */
  public static final String NEVER = "never";

  private final @Nullable Severity threshold;
  private final boolean failOnUnknown;
  private final boolean allowErrors;
  private final @Nullable Baseline baseline;

  private Gate(@Nullable Severity threshold, boolean failOnUnknown, boolean allowErrors, @Nullable Baseline baseline) {
    this.threshold = threshold;
    this.failOnUnknown = failOnUnknown;
    this.allowErrors = allowErrors;
    this.baseline = baseline;
  }

  /** A gate that fails on a FAIL result whose rule severity is {@code threshold} or higher. */
  public static Gate atLeast(Severity threshold) {
    return new Gate(Objects.requireNonNull(threshold, "threshold"), false, false, null);
  }

  /** A gate that never fails. */
  public static Gate never() {
    return new Gate(null, false, false, null);
  }

  /** This gate, also failing on UNKNOWN results at or above its severity when {@code failOnUnknown}. */
  public Gate failingOnUnknown(boolean failOnUnknown) {
    return new Gate(threshold, failOnUnknown, allowErrors, baseline);
  }

  /**
   * This gate, letting ERROR results pass when {@code allowErrors} ({@code --allow-errors}); by default
   * they fail it as FAIL results do.
   */
  public Gate allowingErrors(boolean allowErrors) {
    return new Gate(threshold, failOnUnknown, allowErrors, baseline);
  }

  /** This gate, failing only on results that are not in the baseline. */
  public Gate withBaseline(Baseline baseline) {
    return new Gate(threshold, failOnUnknown, allowErrors, Objects.requireNonNull(baseline, "baseline"));
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

  /** Whether UNKNOWN results fail this gate as FAIL results do ({@code --fail-on-unknown}). */
  public boolean failsOnUnknown() {
    return failOnUnknown;
  }

  /** Whether ERROR results pass this gate ({@code --allow-errors}); by default they fail it. */
  public boolean allowsErrors() {
    return allowErrors;
  }

  /** The baseline whose results do not fail this gate, if one was given. */
  public Optional<Baseline> baseline() {
    return Optional.ofNullable(baseline);
  }

  /**
   * Whether the report fails this gate: a result fails it, a waiver covering a finding has expired,
   * or the evaluation is incomplete. An incomplete report never passes, even with {@code --fail-on
   * never}: it did not evaluate everything it was given.
   */
  public boolean failed(Report report) {
    return !report.isComplete()
        || (threshold != null && (failures(report) > 0 || !report.expiredWaivers().isEmpty()))
        || !notAssessedFailures(report).isEmpty();
  }

  /**
   * The rules not assessed (no fact of their target type was supplied) that fail this gate: with
   * {@code --fail-on-unknown}, those at or above the threshold, like an UNKNOWN result. Waivers and the
   * baseline do not cover them: they name results, and a rule not assessed has none.
   */
  public List<NotAssessed> notAssessedFailures(Report report) {
    if (threshold == null || !failOnUnknown) {
      return List.of();
    }
    return report.notAssessed().stream().filter(rule -> rule.rule().severity().atLeast(threshold)).toList();
  }

  /** How many results fail this gate; see {@link #fails}. */
  public long failures(Report report) {
    // only findings can fail a gate, and they are few beside all results
    return report.findings().stream().filter(result -> fails(report, result)).count();
  }

  /**
   * Whether one result of the report fails this gate: a FAIL or ERROR (unless errors are allowed),
   * or, failing on unknowns, an UNKNOWN, of a rule at or above the threshold, not waived and not in the
   * baseline.
   */
  public boolean fails(Report report, RuleResult result) {
    return fails(result.outcome(), result.rule().severity())
        && report.waiverOf(result).isEmpty()
        && (baseline == null || !baseline.contains(result));
  }

  /**
   * Whether a result of this outcome, of a rule of this severity, fails this gate when no waiver or
   * baseline entry covers it: for evaluations that count results without holding a {@link Report},
   * such as one spread over a Spark cluster.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public boolean fails(Outcome outcome, Severity severity) {
    boolean counted = switch (outcome) {
      case FAIL -> true;
      case ERROR -> !allowErrors;
      case UNKNOWN -> failOnUnknown;
      case PASS, NOT_APPLICABLE -> false;
    };
    return threshold != null && counted && severity.atLeast(threshold);
  }

  /** The flags this gate was made from, e.g. {@code --fail-on high --fail-on-unknown}. */
  @Override
  public String toString() {
    return "--fail-on " + failOn() + (failOnUnknown && threshold != null ? " --fail-on-unknown" : "")
        + (allowErrors && threshold != null ? " --allow-errors" : "");
  }
}
