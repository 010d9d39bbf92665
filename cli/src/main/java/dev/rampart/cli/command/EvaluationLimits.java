package dev.rampart.cli.command;

import dev.rampart.engine.ComplianceEngine;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --max-facts} and {@code --time-limit}: bounds on one evaluation. A run that reaches one
 * reports only what it evaluated, says that the report is incomplete, and exits with 1.
 */
final class EvaluationLimits {

  @Option(
      names = "--max-facts",
      paramLabel = "N",
      description = "Evaluate at most N facts; with more, the report is incomplete and the run exits with 1.")
  private @Nullable Long maxFacts;

  @Option(
      names = "--time-limit",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Stop evaluating after DURATION (ISO-8601, e.g. PT30S or PT5M); the report then covers the"
          + " facts evaluated so far, is incomplete, and the run exits with 1.")
  private @Nullable Duration timeLimit;

  /** Whether a fact or time limit was given. */
  boolean any() {
    return maxFacts != null || timeLimit != null;
  }

  /** Applies the limits given; a value the engine refuses becomes a problem. */
  void applyTo(ComplianceEngine.Builder builder, List<String> problems) {
    try {
      if (maxFacts != null) {
        builder.maxFacts(maxFacts);
      }
    } catch (IllegalArgumentException e) {
      problems.add("--max-facts: " + e.getMessage() + " (give the number of facts to evaluate at most, e.g. 10000)");
    }
    try {
      if (timeLimit != null) {
        builder.timeLimit(timeLimit);
      }
    } catch (IllegalArgumentException e) {
      problems.add("--time-limit: " + e.getMessage() + " (give a positive duration, e.g. PT30S)");
    }
  }

  /** Reads an ISO-8601 duration such as {@code PT30S}. */
  static final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
      try {
        return Duration.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not an ISO-8601 duration (write e.g. PT30S for 30 seconds or PT5M for 5 minutes)");
      }
    }
  }
}
