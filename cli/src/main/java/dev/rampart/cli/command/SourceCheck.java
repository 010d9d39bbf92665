package dev.rampart.cli.command;

import dev.rampart.engine.FactFields;
import dev.rampart.sources.FactKey;
import dev.rampart.sources.Inventory;
import dev.rampart.sources.SourceSpec;
import dev.rampart.sources.Sources;
import dev.rampart.sources.merge.MergePolicy;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one source gives when read as {@code evaluate} reads it, records it cannot read skipped and
 * listed: the facts by type, when the source collected them, the skipped records, warnings and
 * problems, and for each fact type which of its fields the source filled.
 *
 * @param source the source as given, {@code TYPE:LOCATION} with its options
 * @param role its role in the run
 * @param facts per fact type read, how many facts (stand-ins for skipped records included)
 * @param standIns per fact type, how many of those stand in for a skipped record, with every field unknown
 * @param earliest the earliest collection time the source gave a fact, or {@code null} when it gives none
 * @param latest the latest such time, or {@code null} when it gives none
 * @param skipped the records the source could not read, in order
 * @param warnings the parts the source could not read whose fields stay unknown
 * @param problems what would make {@code evaluate} refuse the facts (an id twice, a reference to nothing)
 * @param coverage per fact type read, how many facts fill each of its leaf fields
 */
record SourceCheck(
    SourceSpec source,
    SourceRole role,
    Map<FactType, Integer> facts,
    Map<FactType, Integer> standIns,
    @Nullable Instant earliest,
    @Nullable Instant latest,
    List<SkippedRecord> skipped,
    List<String> warnings,
    List<String> problems,
    List<FieldCoverage> coverage) {

  SourceCheck {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(role, "role");
    facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    standIns = Collections.unmodifiableMap(new LinkedHashMap<>(standIns));
    skipped = List.copyOf(skipped);
    warnings = List.copyOf(warnings);
    problems = List.copyOf(problems);
    coverage = List.copyOf(coverage);
  }

  /**
   * Reads the source through {@link Inventory#read}, with its records read in part unless its
   * {@value SourceSpec#PARTIAL_OPTION} option says otherwise.
   *
   * @throws SourceException when the source cannot be read at all, with every problem
   */
  static SourceCheck read(Sources sources, SourceSpec given) throws SourceException {
    SourceSpec spec = given.options().containsKey(SourceSpec.PARTIAL_OPTION)
        ? given : given.withOption(SourceSpec.PARTIAL_OPTION, "true");
    SourceRole role = sources.role(spec);
    Inventory inventory = Inventory.read(sources, List.of(spec), MergePolicy.defaults(), false);
    Map<FactKey, Origin> origins = inventory.origins();
    Map<FactType, Integer> counts = new EnumMap<>(FactType.class);
    Map<FactType, List<Fact>> byType = new EnumMap<>(FactType.class);
    for (Fact fact : inventory.facts()) {
      counts.merge(fact.type(), 1, Integer::sum);
      byType.computeIfAbsent(fact.type(), type -> new ArrayList<>()).add(fact);
    }
    Map<FactType, Integer> standIns = new EnumMap<>(FactType.class);
    for (SkippedRecord record : inventory.skippedRecords()) {
      FactType type = record.type();
      String id = record.factId();
      if (type != null && id != null && record.origin().equals(origins.get(new FactKey(type, id)))) {
        standIns.merge(type, 1, Integer::sum);
      }
    }
    List<FieldCoverage> coverage = new ArrayList<>();
    byType.forEach((type, facts) -> coverage.add(FieldCoverage.of(type, facts)));
    return new SourceCheck(given, role, counts, standIns,
        collected(origins.values(), true), collected(origins.values(), false),
        inventory.skippedRecords(), inventory.warnings(), inventory.problems(), coverage);
  }

  /** How many facts were read in all. */
  int factCount() {
    return facts.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static @Nullable Instant collected(Iterable<Origin> origins, boolean earliest) {
    Instant found = null;
    for (Origin origin : origins) {
      Instant at = origin.collectedAt();
      if (at != null && (found == null || (earliest ? at.isBefore(found) : at.isAfter(found)))) {
        found = at;
      }
    }
    return found;
  }

  /**
   * Of one fact type, how many facts fill each leaf field of the fact model.
   *
   * @param type the fact type
   * @param facts how many facts of it were read
   * @param filled every leaf field of the type, in the model's order, to the number of facts that fill it
   */
  record FieldCoverage(FactType type, int facts, Map<String, Integer> filled) {

    FieldCoverage {
      Objects.requireNonNull(type, "type");
      filled = Collections.unmodifiableMap(new LinkedHashMap<>(filled));
    }

    static FieldCoverage of(FactType type, List<Fact> facts) {
      Map<String, Integer> filled = new LinkedHashMap<>();
      FactFields.leafPaths(type).forEach(path -> filled.put(path, 0));
      for (Fact fact : facts) {
        Set<String> paths = FactFields.filledLeafPaths(fact);
        paths.forEach(path -> filled.merge(path, 1, Integer::sum));
      }
      return new FieldCoverage(type, facts.size(), filled);
    }

    /** The fields some fact fills, in the model's order. */
    List<String> filledFields() {
      return filled.entrySet().stream().filter(entry -> entry.getValue() > 0).map(Map.Entry::getKey).toList();
    }

    /** The fields no fact fills, in the model's order: what this source cannot tell. */
    List<String> neverFilled() {
      return filled.entrySet().stream().filter(entry -> entry.getValue() == 0).map(Map.Entry::getKey).toList();
    }

    /** The share of facts that fill the field, in percent, rounded down to a tenth so that 100 means all. */
    double percent(String path) {
      return Math.floor(1000.0 * filled.getOrDefault(path, 0) / facts) / 10.0;
    }
  }
}
