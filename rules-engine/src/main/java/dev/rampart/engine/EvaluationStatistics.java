package dev.rampart.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.engine.value.Outcome;
import dev.rampart.spi.fact.FactType;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a report's evaluation covered and took, for metrics: facts by type, rules, results by
 * outcome, and the time of each phase it went through.
 *
 * @param facts the facts evaluated, by type; every type is present
 * @param rules the rules evaluated
 * @param results the results, by outcome; every outcome is present
 * @param durations the time of each phase the evaluation went through, in phase order; a phase it
 *     did not go through (a session checks no facts as a whole) is absent
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record EvaluationStatistics(
    Map<FactType, Long> facts, int rules, Map<Outcome, Long> results, Map<Phase, Duration> durations) {

  /** The phases of an evaluation. */
  public enum Phase {
    /** Checking the facts given: ids unique per type. */
    CHECK_FACTS,
    /**
     * Evaluating the rules, with compiling the rule bases a first evaluation needs, and for a
     * streaming evaluation its wait for the last shards ({@link StreamingEvaluation#finish()}).
     */
    EVALUATE_RULES,
    /** Naming the source of each value the evidence cites ({@link Provenance}). */
    ATTRIBUTE_SOURCES,
    /** Building the report: ordering and counting the results. */
    BUILD_REPORT
  }

  public EvaluationStatistics {
    facts = copy(FactType.class, facts);
    results = copy(Outcome.class, results);
    durations = copy(Phase.class, durations);
    if (rules < 0) {
      throw new IllegalArgumentException("rules must not be negative, not " + rules);
    }
  }

  private static <K extends Enum<K>, V> Map<K, V> copy(Class<K> keys, Map<K, V> map) {
    Map<K, V> copy = new EnumMap<>(keys);
    map.forEach((key, value) -> copy.put(key, java.util.Objects.requireNonNull(value, "value")));
    return Collections.unmodifiableMap(copy);
  }

  /** The facts evaluated, of every type. */
  public long factCount() {
    return facts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The results, of every outcome. */
  public long resultCount() {
    return results.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The time of every phase together. */
  public Duration duration() {
    return durations.values().stream().reduce(Duration.ZERO, Duration::plus);
  }
}
