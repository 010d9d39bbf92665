package dev.rampart.micrometer;

import dev.rampart.engine.EvaluationStatistics;
import dev.rampart.engine.Report;
import dev.rampart.engine.value.Outcome;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Records the statistics of each report it is given ({@link Report#statistics()}) as meters: the
 * time of each phase, and the facts, rules and results of each evaluation, tagged with the report's
 * packs.
 *
 * <p>Every meter counts evaluations, so one instance (or several with the same tags) can record every
 * report of an application: a timer's count is the number of evaluations, a summary's total the
 * facts, rules or results of all of them and its maximum the largest of one recent evaluation.
 */
public final class ReportMetrics {

  /** Timer, tag {@code phase}: the time of each phase an evaluation went through. */
  public static final String DURATION = "rampart.evaluation.duration";
  /** Distribution summary, tag {@code type}: the facts of each evaluation, by type. */
  public static final String FACTS = "rampart.evaluation.facts";
  /** Distribution summary: the rules of each evaluation. */
  public static final String RULES = "rampart.evaluation.rules";
  /**
   * Distribution summary, tags {@code outcome} and {@code severity}: the results of each
   * evaluation, before waivers, for each rule severity that has results.
   */
  public static final String RESULTS = "rampart.evaluation.results";
  /** The tag naming the packs a report's rules come from, their ids in the engine's order, comma-separated. */
  public static final String PACK_TAG = "pack";

  private final MeterRegistry registry;
  private final Tags tags;

  private ReportMetrics(MeterRegistry registry, Tags tags) {
    this.registry = registry;
    this.tags = tags;
  }

  /** Metrics recorded into {@code registry}. */
  public static ReportMetrics of(MeterRegistry registry) {
    return new ReportMetrics(Objects.requireNonNull(registry, "registry"), Tags.empty());
  }

  /** These metrics with more tags on every meter, e.g. the site evaluated. */
  public ReportMetrics withTags(Iterable<Tag> more) {
    return new ReportMetrics(registry, tags.and(Objects.requireNonNull(more, "more")));
  }

  /** Records one report's statistics. */
  public void record(Report report) {
    EvaluationStatistics statistics = report.statistics();
    Tags common = tags.and(PACK_TAG, report.packs().stream().map(Report.PackInfo::id).collect(Collectors.joining(",")));
    statistics.durations().forEach((phase, duration) -> Timer.builder(DURATION)
        .description("The time of one phase of a Rampart evaluation")
        .tags(common).tag("phase", TagValues.of(phase))
        .register(registry)
        .record(duration));
    statistics.facts().forEach((type, count) -> summary(FACTS, "facts", "The facts of a Rampart evaluation, by type",
        common.and("type", TagValues.of(type))).record(count));
    summary(RULES, "rules", "The rules of a Rampart evaluation", common).record(statistics.rules());
    report.countsBySeverity().forEach((severity, counts) -> {
      for (Map.Entry<Outcome, Long> count : counts.entrySet()) {
        summary(RESULTS, "results", "The results of a Rampart evaluation, by outcome and rule severity",
            common.and("outcome", TagValues.of(count.getKey()), "severity", TagValues.of(severity)))
            .record(count.getValue());
      }
    });
  }

  private DistributionSummary summary(String name, String unit, String description, Tags meterTags) {
    return DistributionSummary.builder(name).baseUnit(unit).description(description).tags(meterTags).register(registry);
  }
}
