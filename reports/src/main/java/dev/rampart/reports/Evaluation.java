package dev.rampart.reports;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.Report;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.value.Severity;
import dev.rampart.sources.FactKey;
import dev.rampart.sources.FailedSource;
import dev.rampart.sources.Inventory;
import dev.rampart.sources.merge.Conflict;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A finished evaluation as reports show it: the engine's report and what the run was given. Made with
 * {@link #builder(Report)}, where all but the report is optional:
 *
 * <pre>{@code
 * Evaluation evaluation = Evaluation.builder(engine.evaluate(facts)).build();
 * SarifReport.of(engine.rules()).write(evaluation, out);
 * }</pre>
 *
 * @param report the engine's report
 * @param inputs the input files, as the user named them
 * @param origins where each fact is (for a merged fact, its record from the source of highest precedence);
 *     not copied, since it can hold millions of facts: hand over a map that no longer changes
 * @param conflicts for each fact whose sources disagreed, the fields they disagreed on
 * @param failedSources the sources left out under {@code --allow-partial}, in the order given
 * @param skippedRecords the records that sources read in part could not read, in the order of the sources
 *     and their records; the facts of those whose type and id are known were evaluated with every field unknown
 * @param warnings what sources could read only in part (a missing permission), each a complete line with
 *     its fix; the fields concerned stay unknown
 * @param gate the pass/fail verdict in force
 * @param toolVersion the version of rampart that produced the report
 * @param expiringWaivers the waivers expiring soon, when the run asked for them ({@code --warn-expiring}); else
 *     {@code null}
 */
@API(status = STABLE, since = "0.1")
public record Evaluation(
    Report report,
    List<String> inputs,
    Map<FactKey, Origin> origins,
    Map<FactKey, List<Conflict>> conflicts,
    List<FailedSource> failedSources,
    List<SkippedRecord> skippedRecords,
    List<String> warnings,
    Gate gate,
    String toolVersion,
    @Nullable ExpiringWaivers expiringWaivers) {

  public Evaluation {
    Objects.requireNonNull(report, "report");
    inputs = List.copyOf(inputs);
    origins = Collections.unmodifiableMap(origins);
    conflicts = sorted(conflicts);
    failedSources = List.copyOf(failedSources);
    skippedRecords = List.copyOf(skippedRecords);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(toolVersion, "toolVersion");
  }

  /** An evaluation that did not ask for the waivers expiring soon. */
  public Evaluation(Report report, List<String> inputs, Map<FactKey, Origin> origins,
      Map<FactKey, List<Conflict>> conflicts, List<FailedSource> failedSources, List<SkippedRecord> skippedRecords,
      List<String> warnings, Gate gate, String toolVersion) {
    this(report, inputs, origins, conflicts, failedSources, skippedRecords, warnings, gate, toolVersion, null);
  }

  /** An evaluation of sources that were all read and never disagreed. */
  public Evaluation(Report report, List<String> inputs, Map<FactKey, Origin> origins, Gate gate, String toolVersion) {
    this(report, inputs, origins, Map.of(), List.of(), List.of(), List.of(), gate, toolVersion, null);
  }

  /**
   * A builder of an evaluation of {@code report}: by default no inputs named, no origins, conflicts,
   * failed sources, skipped records or warnings, the gate {@link Gate#atLeast atLeast(high)} and this library's version.
   */
  public static Builder builder(Report report) {
    return new Builder(report);
  }

  /** The waivers expiring soon, when the run asked for them. */
  public Optional<ExpiringWaivers> expiring() {
    return Optional.ofNullable(expiringWaivers);
  }

  /** Where the fact a result is about was defined, when its source said. */
  public Optional<Origin> origin(RuleResult result) {
    return Optional.ofNullable(origins.get(new FactKey(result.factType(), result.factId())));
  }

  /** The conflicts between sources on the fact a result is about; empty when they agreed. */
  public List<Conflict> conflicts(RuleResult result) {
    return conflicts.getOrDefault(new FactKey(result.factType(), result.factId()), List.of());
  }

  /**
   * Whether the sources were read in full: none was left out and none skipped a record. Source
   * warnings do not count, since what they could not read stays unknown in the results.
   */
  public boolean sourcesReadInFull() {
    return failedSources.isEmpty() && skippedRecords.isEmpty();
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

  /** Collects what a run was given besides the report; {@link #build()} copies it into an evaluation. */
  public static final class Builder {

    private final Report report;
    private List<String> inputs = List.of();
    private Map<FactKey, Origin> origins = Map.of();
    private Map<FactKey, List<Conflict>> conflicts = Map.of();
    private List<FailedSource> failedSources = List.of();
    private List<SkippedRecord> skippedRecords = List.of();
    private List<String> warnings = List.of();
    private Gate gate = Gate.atLeast(Severity.HIGH);
    private String toolVersion = libraryVersion();
    private @Nullable ExpiringWaivers expiringWaivers;

    private Builder(Report report) {
      this.report = Objects.requireNonNull(report, "report");
    }

    /** The inputs as the user named them (files, {@code type:location} of other sources). */
    public Builder inputs(List<String> inputs) {
      this.inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
      return this;
    }

    /** Where each fact is; reports point at it. */
    public Builder origins(Map<FactKey, Origin> origins) {
      this.origins = Objects.requireNonNull(origins, "origins");
      return this;
    }

    /** For each fact whose sources disagreed, the fields they disagreed on. */
    public Builder conflicts(Map<FactKey, List<Conflict>> conflicts) {
      this.conflicts = Objects.requireNonNull(conflicts, "conflicts");
      return this;
    }

    /** The sources that could not be read and were left out. */
    public Builder failedSources(List<FailedSource> failedSources) {
      this.failedSources = List.copyOf(Objects.requireNonNull(failedSources, "failedSources"));
      return this;
    }

    /** The records that sources read in part skipped. */
    public Builder skippedRecords(List<SkippedRecord> skippedRecords) {
      this.skippedRecords = List.copyOf(Objects.requireNonNull(skippedRecords, "skippedRecords"));
      return this;
    }

    /** What sources could read only in part, each a complete line with its fix. */
    public Builder warnings(List<String> warnings) {
      this.warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
      return this;
    }

    /**
     * The origins, conflicts, failed sources, skipped records and source warnings of an inventory read
     * with {@link Inventory#read}.
     */
    public Builder inventory(Inventory inventory) {
      Objects.requireNonNull(inventory, "inventory");
      return origins(inventory.origins()).conflicts(inventory.conflicts()).failedSources(inventory.failedSources())
          .skippedRecords(inventory.skippedRecords()).warnings(inventory.warnings());
    }

    /** The pass/fail verdict the reports state. */
    public Builder gate(Gate gate) {
      this.gate = Objects.requireNonNull(gate, "gate");
      return this;
    }

    /** The version of the tool that produced the report, as reports name it. */
    public Builder toolVersion(String toolVersion) {
      this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
      return this;
    }

    /** The waivers expiring soon, for the reports to list ({@code --warn-expiring}). */
    public Builder expiringWaivers(ExpiringWaivers expiringWaivers) {
      this.expiringWaivers = Objects.requireNonNull(expiringWaivers, "expiringWaivers");
      return this;
    }

    public Evaluation build() {
      return new Evaluation(report, inputs, origins, conflicts, failedSources, skippedRecords, warnings, gate,
          toolVersion, expiringWaivers);
    }

    // The jar's Implementation-Version; "dev" when run from classes, as in this module's tests.
    private static String libraryVersion() {
      String version = Evaluation.class.getPackage().getImplementationVersion();
      return version == null || version.isBlank() ? "dev" : version;
    }
  }
}
