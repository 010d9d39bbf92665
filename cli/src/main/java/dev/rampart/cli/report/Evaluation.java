package dev.rampart.cli.report;

import dev.rampart.cli.input.FactKey;
import dev.rampart.engine.Report;
import dev.rampart.engine.RuleResult;
import dev.rampart.spi.source.Origin;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A finished evaluation as reports show it: the engine's report and what the run was given.
 *
 * @param report the engine's report
 * @param inputs the input files, as the user named them
 * @param origins where each fact was defined
 * @param gate the pass/fail verdict in force
 * @param toolVersion the version of rampart that produced the report
 */
public record Evaluation(
    Report report, List<String> inputs, Map<FactKey, Origin> origins, Gate gate, String toolVersion) {

  public Evaluation {
    Objects.requireNonNull(report, "report");
    inputs = List.copyOf(inputs);
    origins = Map.copyOf(origins);
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(toolVersion, "toolVersion");
  }

  /** Where the fact a result is about was defined, when its source said. */
  public Optional<Origin> origin(RuleResult result) {
    return Optional.ofNullable(origins.get(new FactKey(result.factType(), result.factId())));
  }
}
