package dev.rampart.spark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The counts of an evaluation on Spark, over every result (passes included, whether or not the
 * results table holds them).
 *
 * @param results how many results (rule and fact) were evaluated
 * @param byOutcome results by outcome name, e.g. {@code FAIL}
 * @param bySeverity findings (FAIL, UNKNOWN, ERROR) by the rule's severity, e.g. {@code high}
 * @param byCategory findings by the rule's category, e.g. {@code identity}
 * @param inputErrors rows that could not be read as facts, listed in {@link SparkEvaluation#errors()}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SparkSummary(
    long results, Map<String, Long> byOutcome, Map<String, Long> bySeverity, Map<String, Long> byCategory,
    long inputErrors) {

  public SparkSummary {
    byOutcome = sorted(byOutcome);
    bySeverity = sorted(bySeverity);
    byCategory = sorted(byCategory);
  }

  /** Whether no row was left unread: a summary with input errors never stands for the whole fleet. */
  public boolean isComplete() {
    return inputErrors == 0;
  }

  private static Map<String, Long> sorted(Map<String, Long> counts) {
    return Collections.unmodifiableMap(new TreeMap<>(counts));
  }
}
