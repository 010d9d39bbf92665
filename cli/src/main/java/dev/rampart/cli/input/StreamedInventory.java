package dev.rampart.cli.input;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Report;
import dev.rampart.engine.StreamingEvaluation;
import dev.rampart.sources.FactKey;
import dev.rampart.sources.References;
import dev.rampart.sources.SourceSpec;
import dev.rampart.sources.Sources;
import dev.rampart.sources.merge.DevicePresence;
import dev.rampart.sources.merge.SourcedFact;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceRole;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One source read straight into a {@link StreamingEvaluation}: facts are evaluated while the
 * source is still being read and are not kept, so a fleet of millions of devices needs memory for
 * its findings, not for its facts.
 *
 * <p>Only clean input takes this path. Anything that needs all facts at hand to be reported well
 * (a source that cannot be read, a duplicated id, a reference to a fact no source reported, a
 * network or vendor after devices already evaluated) makes {@link #evaluate} give up and return
 * empty; the caller then reads the source again the ordinary way, which reports every problem with
 * its place.
 */
public final class StreamedInventory {

  private final Map<FactKey, Origin> origins;

  /** The origins by fact key, as reports look them up, over the maps kept per type. */
  private static final class Origins extends java.util.AbstractMap<FactKey, Origin> {

    private final Map<FactType, FactOrigins> byType;

    Origins(Map<FactType, FactOrigins> byType) {
      this.byType = byType;
    }

    @Override
    public Origin get(Object key) {
      return key instanceof FactKey fact ? byType.get(fact.type()).get(fact.id()) : null;
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    @Override
    public Set<Map.Entry<FactKey, Origin>> entrySet() {
      Set<Map.Entry<FactKey, Origin>> entries = new java.util.LinkedHashSet<>();
      byType.forEach((type, ofType) -> ofType.forEach((id, origin) -> entries.add(Map.entry(new FactKey(type, id), origin))));
      return entries;
    }
  }
  private final long facts;
  private final Report report;

  private StreamedInventory(Report report, Map<FactKey, Origin> origins, long facts) {
    this.report = report;
    this.origins = origins;
    this.facts = facts;
  }

  /** Evaluates the source as it is read; empty when it has to be read the ordinary way instead. */
  public static Optional<StreamedInventory> evaluate(Sources sources, SourceSpec spec, ComplianceEngine engine) {
    // per type, by id: evaluation threads look origins up while the source is still being read
    Map<FactType, FactOrigins> origins = new EnumMap<>(FactType.class);
    for (FactType type : FactType.values()) {
      origins.put(type, new FactOrigins());
    }
    References.Tracker references = References.tracker();
    long[] count = {0};
    try (StreamingEvaluation evaluation = engine.startEvaluation(
        (type, factId, path) -> origins.get(type).get(factId))) {
      FactSource source = sources.provider(spec.type()).create(spec.config());
      SourceRole role = sources.role(spec);
      source.read(new FactSink() {
        @Override
        public void accept(Fact read, Origin origin) {
          // as Inventory does for one source: what it says of each device's management
          Fact fact = DevicePresence.stamp(read, List.of(new SourcedFact(read, origin, role)),
              role == SourceRole.SYSTEM_OF_RECORD);
          origins.get(fact.type()).put(fact.id(), origin);
          references.add(fact);
          try {
            evaluation.add(fact);
          } catch (IllegalArgumentException | IllegalStateException e) {
            throw new GiveUp();
          }
          count[0]++;
        }

        // each fact is let go once its shard is judged
        @Override
        public boolean keepsFacts() {
          return false;
        }
      });
      if (!references.allResolved()) {
        return Optional.empty();
      }
      return Optional.of(new StreamedInventory(evaluation.finish(), new Origins(origins), count[0]));
    } catch (SourceException | GiveUp | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The engine's report. */
  public Report report() {
    return report;
  }

  /** Where each fact is. */
  public Map<FactKey, Origin> origins() {
    return origins;
  }

  /** How many facts were read. */
  public long factCount() {
    return facts;
  }

  /** Thrown out of the source's sink to stop reading. */
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GiveUp() {
      super(null, null, false, false);
    }
  }
}
