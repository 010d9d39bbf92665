package dev.rampart.micrometer;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.FindingEvent;
import dev.rampart.engine.FindingListener;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Rule;
import dev.rampart.engine.value.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A {@link FindingListener} that keeps the open findings of a long-lived session as gauges, by pack,
 * rule severity and outcome, and counts the findings added, changed and removed.
 *
 * <p>One instance serves one session ({@code engine.openSession(metrics)}); its meters are its own,
 * so a second one in the same registry needs other tags (e.g. the site), and {@link #close()}
 * removes them when the session ends. Given to a streaming evaluation, it counts the findings found
 * so far, as that only adds.
 */
public final class FindingMetrics implements FindingListener, AutoCloseable {

  /** Gauge, tags {@code pack}, {@code severity} and {@code outcome} (fail, unknown, error): the open findings. */
  public static final String OPEN = "rampart.findings.open";
  /** Counter, tags {@code pack} and {@code kind} (added, changed, removed): the changes told. */
  public static final String CHANGES = "rampart.findings.changes";

  private static final List<Outcome> FINDINGS = List.of(Outcome.FAIL, Outcome.UNKNOWN, Outcome.ERROR);

  private final MeterRegistry registry;
  private final Tags tags;
  private final Map<Tags, AtomicLong> open = new ConcurrentHashMap<>();
  private final Map<Tags, Counter> changes = new ConcurrentHashMap<>();
  private final List<Meter> meters = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private FindingMetrics(MeterRegistry registry, Tags tags) {
    this.registry = registry;
    this.tags = tags;
  }

  /**
   * Finding metrics in {@code registry}, with a gauge at zero and a counter for every pack of
   * {@code engine}, so that dashboards see them before the first finding.
   *
   * @param tags more tags on every meter, e.g. the site the session watches
   * @throws IllegalStateException when the registry has these meters already, with these tags; it is
   *     then left as it was
   */
  public static FindingMetrics register(MeterRegistry registry, ComplianceEngine engine, Iterable<Tag> tags) {
    FindingMetrics metrics = new FindingMetrics(Objects.requireNonNull(registry, "registry"), Tags.of(tags));
    try {
      engine.rules().stream().map(Rule::packId).distinct().forEach(pack -> {
        for (Severity severity : Severity.values()) {
          FINDINGS.forEach(outcome -> metrics.cell(pack, severity, outcome));
        }
        for (FindingEvent.Kind kind : FindingEvent.Kind.values()) {
          metrics.counter(pack, kind);
        }
      });
    } catch (IllegalStateException refused) {
      metrics.close();   // leaves the registry as it was
      throw refused;
    }
    return metrics;
  }

  @Override
  public void findingChanged(FindingEvent event) {
    if (closed) {
      throw new IllegalStateException("these finding metrics are closed and their meters removed: "
          + "register new ones for the next session with FindingMetrics.register(registry, engine, tags)");
    }
    RuleResult before = event.before();
    RuleResult after = event.after();
    if (before != null) {
      cell(before.rule().packId(), before.rule().severity(), before.outcome()).decrementAndGet();
    }
    if (after != null) {
      cell(after.rule().packId(), after.rule().severity(), after.outcome()).incrementAndGet();
    }
    counter(event.finding().rule().packId(), event.kind()).increment();
  }

  /** Removes this instance's meters from the registry; it takes no more events. */
  @Override
  public void close() {
    closed = true;
    meters.forEach(registry::remove);
  }

  private AtomicLong cell(String pack, Severity severity, Outcome outcome) {
    return open.computeIfAbsent(
        tags.and(ReportMetrics.PACK_TAG, pack, "severity", TagValues.of(severity), "outcome", TagValues.of(outcome)), gaugeTags -> {
          AtomicLong count = new AtomicLong();
          ensureFree(OPEN, gaugeTags);
          meters.add(Gauge.builder(OPEN, count, AtomicLong::get)
              .description("The open findings of a Rampart session")
              .baseUnit("findings")
              .tags(gaugeTags)
              .strongReference(true)
              .register(registry));
          return count;
        });
  }

  private Counter counter(String pack, FindingEvent.Kind kind) {
    return changes.computeIfAbsent(tags.and(ReportMetrics.PACK_TAG, pack, "kind", TagValues.of(kind)), counterTags -> {
      ensureFree(CHANGES, counterTags);
      Counter counter = Counter.builder(CHANGES)
          .description("The findings a Rampart session added, changed or removed")
          .baseUnit("findings")
          .tags(counterTags)
          .register(registry);
      meters.add(counter);
      return counter;
    });
  }

  // A registry hands back the meter it has for a name and tags, which would leave this instance's
  // gauges unread and show another session's figures in their place.
  private void ensureFree(String name, Tags meterTags) {
    if (registry.find(name).tags(meterTags).meter() != null) {
      throw new IllegalStateException("the registry already has " + name + meterTags.stream()
          .map(tag -> tag.getKey() + "=" + tag.getValue()).collect(Collectors.joining(",", "{", "}"))
          + " from other finding metrics: close those when their session ends, or give each session's metrics"
          + " tags of their own, e.g. FindingMetrics.register(registry, engine, Tags.of(\"site\", \"berlin\"))");
    }
  }
}
