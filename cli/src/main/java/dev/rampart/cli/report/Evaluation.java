package dev.rampart.cli.report;

import dev.rampart.sources.FactKey;
import dev.rampart.sources.FailedSource;
import dev.rampart.engine.Report;
import dev.rampart.engine.RuleResult;
import dev.rampart.sources.merge.Conflict;
import dev.rampart.spi.source.Origin;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A finished evaluation as reports show it: the engine's report and what the run was given.
 *
 * @param report the engine's report
 * @param inputs the input files, as the user named them
 * @param origins where each fact is (for a merged fact, its record from the source of highest precedence);
 *     not copied, since it can hold millions of facts: hand over a map that no longer changes
 * @param conflicts for each fact whose sources disagreed, the fields they disagreed on
 * @param failedSources the sources left out under {@code --allow-partial}, in the order given
 * @param gate the pass/fail verdict in force
 * @param toolVersion the version of rampart that produced the report
 */
public record Evaluation(
    Report report,
    List<String> inputs,
    Map<FactKey, Origin> origins,
    Map<FactKey, List<Conflict>> conflicts,
    List<FailedSource> failedSources,
    Gate gate,
    String toolVersion) {

  public Evaluation {
    Objects.requireNonNull(report, "report");
    inputs = List.copyOf(inputs);
    origins = Collections.unmodifiableMap(origins);
    conflicts = sorted(conflicts);
    failedSources = List.copyOf(failedSources);
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(toolVersion, "toolVersion");
  }

  /** An evaluation of sources that were all read and never disagreed. */
  public Evaluation(Report report, List<String> inputs, Map<FactKey, Origin> origins, Gate gate, String toolVersion) {
    this(report, inputs, origins, Map.of(), List.of(), gate, toolVersion);
  }

  /** Where the fact a result is about was defined, when its source said. */
  public Optional<Origin> origin(RuleResult result) {
    return Optional.ofNullable(origins.get(new FactKey(result.factType(), result.factId())));
  }

  /** The conflicts between sources on the fact a result is about; empty when they agreed. */
  public List<Conflict> conflicts(RuleResult result) {
    return conflicts.getOrDefault(new FactKey(result.factType(), result.factId()), List.of());
  }

  /** The number of fields, over all facts, on which sources disagreed. */
  public int conflictCount() {
    return conflicts.values().stream().mapToInt(List::size).sum();
  }

  /**
   * The source of a piece of evidence when it is worth telling a reader: known, and another place
   * than where the fact itself is.
   */
  public Optional<String> sourceApartFromFact(RuleResult result, @Nullable String source) {
    if (source == null) {
      return Optional.empty();
    }
    Optional<Origin> origin = origin(result);
    return origin.isPresent() && origin.get().describe().equals(source) ? Optional.empty() : Optional.of(source);
  }

  // Facts by type (in the model's order), then id, so every report lists conflicts alike.
  private static Map<FactKey, List<Conflict>> sorted(Map<FactKey, List<Conflict>> conflicts) {
    Map<FactKey, List<Conflict>> ordered = new LinkedHashMap<>();
    conflicts.entrySet().stream()
        .filter(entry -> !entry.getValue().isEmpty())
        .sorted(Map.Entry.comparingByKey(Comparator.comparing(FactKey::type).thenComparing(FactKey::id)))
        .forEach(entry -> ordered.put(entry.getKey(), List.copyOf(entry.getValue())));
    return Collections.unmodifiableMap(ordered);
  }
}
