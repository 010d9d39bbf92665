package dev.rampart.sources;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.sources.merge.Conflict;
import dev.rampart.sources.merge.DevicePresence;
import dev.rampart.sources.merge.FactMerger;
import dev.rampart.sources.merge.IdentityKey;
import dev.rampart.sources.merge.MergePolicy;
import dev.rampart.sources.merge.MergedFact;
import dev.rampart.sources.merge.SourcedFact;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.Problem;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The facts read from a user's inputs: every source read on its own, then the records that describe
 * the same thing merged into one fact (by the merge policy's identity keys, values taken in source
 * precedence), each fact with the origin of every field and the conflicts between sources.
 */
@API(status = STABLE, since = "0.1")
public final class Inventory {

  private final List<Fact> facts;
  private final Map<FactKey, MergedFact> byKey;
  private final List<FailedSource> failedSources;
  private final List<String> problems;
  private final List<String> warnings;
  private final List<SkippedRecord> skippedRecords;
  private final Map<FactKey, String> unreadable;

  private Inventory(List<MergedFact> merged, List<FailedSource> failedSources, List<String> problems,
      List<String> warnings, List<SkippedRecord> skippedRecords) {
    this.facts = merged.stream().map(MergedFact::fact).toList();
    Map<FactKey, MergedFact> keyed = new LinkedHashMap<>();
    merged.forEach(fact -> keyed.putIfAbsent(FactKey.of(fact.fact()), fact));
    this.byKey = Collections.unmodifiableMap(keyed);
    this.failedSources = List.copyOf(failedSources);
    this.problems = List.copyOf(problems);
    this.warnings = List.copyOf(warnings);
    this.skippedRecords = List.copyOf(skippedRecords);
    Map<FactKey, String> standIns = new LinkedHashMap<>();
    for (SkippedRecord record : skippedRecords) {
      if (record.type() != null && record.factId() != null) {
        standIns.putIfAbsent(new FactKey(record.type(), record.factId()), record.problems().get(0));
      }
    }
    this.unreadable = Collections.unmodifiableMap(standIns);
  }

  /**
   * Reads every source with the provider of its type, in order, and merges what they report.
   *
   * @param allowPartial whether a source that cannot be read is left out (and listed by
   *     {@link #failedSources()}) instead of failing the run, and whether a source's records it
   *     could not read are skipped (and listed by {@link #skippedRecords()}, their facts evaluated
   *     with every field unknown) instead of failing the source; a source's
   *     {@value SourceSpec#PARTIAL_OPTION} option decides the latter for that source. At least one
   *     source must be read
   * @throws SourceException with the problems of every source that could not be read, an unknown
   *     type listing the available ones; a source's configuration mistakes (an unknown type or
   *     option) fail the run even with {@code allowPartial}, since no retry fixes them
   */
  public static Inventory read(Sources sources, List<SourceSpec> specs, MergePolicy policy, boolean allowPartial)
      throws SourceException {
    List<Problem> fatal = new ArrayList<>();
    List<FailedSource> failed = new ArrayList<>();
    List<List<SourcedFact>> read = new ArrayList<>();
    boolean recordRead = false;
    boolean recordFailed = false;
    List<String> warnings = new ArrayList<>();
    List<SkippedRecord> skipped = new ArrayList<>();
    for (SourceSpec spec : specs) {
      FactSource source;
      SourceRole role;
      boolean skipRecords;
      try {
        role = sources.role(spec);
        skipRecords = skipsRecords(spec, allowPartial);
        source = sources.provider(spec.type()).create(spec.config());
      } catch (SourceException e) {
        fatal.addAll(e.details());
        continue;
      }
      List<SourcedFact> ofSource = new ArrayList<>();
      List<String> partly = new ArrayList<>();
      List<SkippedRecord> skippedOfSource = new ArrayList<>();
      try {
        source.read(new FactSink() {
          @Override
          public void accept(Fact fact, Origin origin) {
            ofSource.add(new SourcedFact(fact, origin, role));
          }

          @Override
          public void problem(String problem) {
            partly.add(problem);
          }

          @Override
          public void skipped(SkippedRecord record) {
            skippedOfSource.add(record);
          }
        });
        if (!skippedOfSource.isEmpty()) {
          failIfStrict(spec, skipRecords, ofSource, skippedOfSource);
          standIn(ofSource, skippedOfSource, role);
          skipped.addAll(skippedOfSource);
        }
        read.add(ofSource);
        warnings.addAll(partly);
        recordRead |= role == SourceRole.SYSTEM_OF_RECORD;
      } catch (SourceException e) {
        // what a failing source handed on before it failed is discarded with it
        recordFailed |= role == SourceRole.SYSTEM_OF_RECORD;
        if (allowPartial) {
          failed.add(new FailedSource(spec.toString(), e.problems()));
        } else {
          fatal.addAll(e.details());
        }
      }
    }
    if (!fatal.isEmpty() || read.isEmpty()) {
      // the run stops, so the sources it would have left out are mistakes to fix as well
      boolean noneRead = fatal.isEmpty();
      failed.forEach(source -> source.problems().forEach(problem -> fatal.add(Problem.of(problem))));
      if (noneRead) {
        fatal.add(new Problem("", 0, 0, "", "no source could be read: --allow-partial goes on without the sources"
            + " that fail, but at least one must be read", "fix one of the sources above"));
      }
      throw SourceException.of(fatal);
    }
    List<String> problems = new ArrayList<>();
    Set<FactKey> duplicated = new HashSet<>();
    for (List<SourcedFact> ofSource : read) {
      problems.addAll(duplicateIds(ofSource, duplicated));
    }
    // a device no system of record lists is unmanaged only if every system of record could be read
    boolean recordsRead = recordRead && !recordFailed;
    List<MergedFact> merged = read.size() == 1
        ? unmerged(read.get(0), recordsRead)
        : new FactMerger(policy).merge(concat(read), recordsRead);
    problems.addAll(unmergedDuplicates(merged, duplicated, policy));
    if (failed.isEmpty()) {
      // without a failed source every reference must resolve; with one, it may be what is missing
      problems.addAll(unknownReferences(merged));
    }
    return new Inventory(merged, failed, problems, warnings, skipped);
  }

  /** Every fact, merged, in the order each first arrived. */
  public List<Fact> facts() {
    return facts;
  }

  /** Where each fact is: the origin of its record from the source of highest precedence. */
  public Map<FactKey, Origin> origins() {
    Map<FactKey, Origin> origins = new LinkedHashMap<>();
    byKey.forEach((key, fact) -> origins.put(key, fact.origin()));
    return Collections.unmodifiableMap(origins);
  }

  /**
   * The origin of a reported value, for evidence, or {@code null} for a fact not in the inventory; a
   * value no field-level origin covers is the fact's. This answers the engine's {@code Provenance}.
   *
   * @param type the type of the fact holding the value
   * @param factId the id of that fact
   * @param path the path read, e.g. {@code services[1].port}
   */
  public @Nullable Origin originOf(FactType type, String factId, FieldPath path) {
    MergedFact fact = byKey.get(new FactKey(type, factId));
    return fact == null ? null : fact.originOf(path);
  }

  /** The fields on which sources disagreed, per fact, for the facts that have any. */
  public Map<FactKey, List<Conflict>> conflicts() {
    Map<FactKey, List<Conflict>> conflicts = new LinkedHashMap<>();
    byKey.forEach((key, fact) -> {
      if (!fact.conflicts().isEmpty()) {
        conflicts.put(key, fact.conflicts());
      }
    });
    return Collections.unmodifiableMap(conflicts);
  }

  /** Sources left out under {@code --allow-partial} because they could not be read. */
  public List<FailedSource> failedSources() {
    return failedSources;
  }

  /**
   * Problems the sources that were read reported without failing: parts they could not read (e.g.
   * for a missing permission), whose fields stay unknown, so the rules over them are UNKNOWN. Each
   * names the source, the place and the fix.
   */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * The records that sources read in part could not read, in the order of the sources and of their
   * records: each is listed in every report, and the fact it would have supplied (when its type and
   * id are known) was evaluated with every field unknown. Empty unless partial reading was allowed.
   */
  public List<SkippedRecord> skippedRecords() {
    return skippedRecords;
  }

  /**
   * Why a fact could not be read, when a source skipped a record of it (so that the fact stands in
   * with only its id, or merges another source's record with a part nobody could read), or
   * {@code null} for a fact read in full. An evaluation gives every result of such a fact UNKNOWN
   * with this reason: its empty fields say nothing. This answers the engine's
   * {@code Provenance.unreadable}.
   *
   * @return the first problem of the skipped record, with its place
   */
  public @Nullable String unreadable(FactType type, String factId) {
    return unreadable.isEmpty() ? null : unreadable.get(new FactKey(type, factId));
  }

  /**
   * Mistakes that make the facts unfit to evaluate, each prefixed with the place of the fact at
   * fault: two facts of one type with the same id in one source (or in two sources whose records
   * the identity keys keep apart), and references to facts that no source reported.
   */
  public List<String> problems() {
    return problems;
  }

  private static boolean skipsRecords(SourceSpec spec, boolean allowPartial) throws SourceException {
    String given = spec.options().get(SourceSpec.PARTIAL_OPTION);
    if (given == null) {
      return allowPartial;
    }
    return switch (given.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw new SourceException(spec + ": option " + SourceSpec.PARTIAL_OPTION + " is '" + given
          + "', not true or false (write " + SourceSpec.PARTIAL_OPTION + "=true to evaluate the records this source"
          + " can read and list the others, or " + SourceSpec.PARTIAL_OPTION + "=false to fail it at the first"
          + " record it cannot read)");
    };
  }

  // A source that skipped records fails unless partial reading is allowed for it; so does one that
  // skipped every record it had, since nothing of it could be evaluated.
  private static void failIfStrict(SourceSpec spec, boolean skipRecords, List<SourcedFact> read,
      List<SkippedRecord> skipped) throws SourceException {
    if (skipRecords && (!read.isEmpty() || skipped.stream().anyMatch(record -> record.factId() != null))) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (SkippedRecord record : skipped) {
      problems.addAll(record.problems());
    }
    String records = skipped.size() == 1 ? "1 record" : skipped.size() + " records";
    problems.add(skipRecords
        ? spec + ": none of its records could be read (" + records + " skipped; fix them)"
        : spec + ": " + records + " could not be read (fix " + (skipped.size() == 1 ? "it" : "them")
            + ", or pass --allow-partial or the source option " + SourceSpec.PARTIAL_OPTION + "=true to evaluate"
            + " the others, with the rules of the skipped ones UNKNOWN)");
    throw new SourceException(problems);
  }

  // A skipped record whose fact is known stands in as that fact with only its id, so that its rules are
  // UNKNOWN, not absent; a record the source also read well needs no stand-in.
  private static void standIn(List<SourcedFact> read, List<SkippedRecord> skipped, SourceRole role) {
    Set<FactKey> present = new HashSet<>();
    read.forEach(fact -> present.add(FactKey.of(fact.fact())));
    for (SkippedRecord record : skipped) {
      if (record.type() != null && record.factId() != null) {
        Fact unknown = record.type().withOnlyId(record.factId());
        if (present.add(FactKey.of(unknown))) {
          read.add(new SourcedFact(unknown, record.origin(), role));
        }
      }
    }
  }

  private static List<SourcedFact> concat(List<List<SourcedFact>> read) {
    List<SourcedFact> all = new ArrayList<>();
    read.forEach(all::addAll);
    return all;
  }

  // One source has nothing to merge with: each record is a fact, and every field's origin is the record's.
  private static List<MergedFact> unmerged(List<SourcedFact> facts, boolean recordsRead) {
    List<MergedFact> merged = new ArrayList<>(facts.size());
    for (SourcedFact fact : facts) {
      merged.add(new MergedFact(DevicePresence.stamp(fact.fact(), List.of(fact), recordsRead), fact.origin(),
          List.of(fact.origin()), Map.of(), List.of()));
    }
    return merged;
  }

  private static List<String> duplicateIds(List<SourcedFact> facts, Set<FactKey> duplicated) {
    List<String> problems = new ArrayList<>();
    Map<FactKey, Origin> first = new LinkedHashMap<>();
    for (SourcedFact sourced : facts) {
      Fact fact = sourced.fact();
      Origin previous = first.putIfAbsent(FactKey.of(fact), sourced.origin());
      if (previous != null) {
        duplicated.add(FactKey.of(fact));
        String type = fact.type().wireName();
        // facts built in code have no place to point to
        String firstAt = previous.location().isEmpty() ? "" : ", first defined at " + previous;
        problems.add(Problem.at(sourced.origin(), "", "duplicate " + type + " id '" + fact.id() + "'" + firstAt,
            "give each " + type + " a unique id").render());
      }
    }
    return problems;
  }

  // Records of two sources with one id stay apart only when the identity keys say they are different devices.
  private static List<String> unmergedDuplicates(List<MergedFact> merged, Set<FactKey> reported, MergePolicy policy) {
    List<String> problems = new ArrayList<>();
    Map<FactKey, MergedFact> first = new LinkedHashMap<>();
    for (MergedFact fact : merged) {
      FactKey key = FactKey.of(fact.fact());
      MergedFact previous = first.putIfAbsent(key, fact);
      if (previous != null && !reported.contains(key)) {
        String type = key.type().wireName();
        problems.add(fact.origin().describe() + ": " + type + " id '" + key.id() + "' is also used by "
            + previous.origin().describe() + ", but the identity keys (" + identityKeys(policy)
            + ") tell the two records apart, so they were not merged (correct the value that differs, give one"
            + " another id, or merge by id with --identity-keys id,...)");
      }
    }
    return problems;
  }

  private static String identityKeys(MergePolicy policy) {
    List<String> names = new ArrayList<>();
    for (IdentityKey key : policy.deviceIdentity()) {
      names.add(IdentityKeys.name(key));
    }
    return String.join(", ", names);
  }

  // Each referring fact's problems are prefixed with its own origin, even where two facts share an id.
  private static List<String> unknownReferences(List<MergedFact> merged) {
    References present = References.among(merged.stream().map(MergedFact::fact).toList());
    List<String> problems = new ArrayList<>();
    for (MergedFact referring : merged) {
      for (DanglingReference dangling : present.danglingIn(referring.fact())) {
        problems.add(dangling.problemAt(referring.origin()).render());
      }
    }
    return problems;
  }
}
