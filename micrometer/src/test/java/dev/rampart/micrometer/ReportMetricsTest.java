package dev.rampart.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.ComplianceSession;
import dev.rampart.engine.EvaluationStatistics.Phase;
import dev.rampart.engine.Report;
import dev.rampart.spi.fact.Device;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A report's statistics become a timer per phase and summaries of its facts, rules and results, tagged with its packs. */
class ReportMetricsTest {

  // cam-1 keeps its default password, cam-2 names no owner, cam-3 does not say whether it has a default password
  private static final List<Device> FLEET = List.of(
      Meters.device("cam-1", true, "facilities"), Meters.device("cam-2", false, null), Meters.device("cam-3", null, "it"));

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());

  @Test
  void aReportIsRecordedAsTheTimeOfEachPhaseAndItsFactsRulesAndResults() throws Exception {
    Report report = Meters.engine().evaluate(FLEET);

    ReportMetrics.of(registry).record(report);

    assertEquals("""
        rampart.evaluation.duration{pack=site,phase=build_report} count=1
        rampart.evaluation.duration{pack=site,phase=check_facts} count=1
        rampart.evaluation.duration{pack=site,phase=evaluate_rules} count=1
        rampart.evaluation.facts{pack=site,type=deployment} count=1 total=0 max=0 facts
        rampart.evaluation.facts{pack=site,type=device} count=1 total=3 max=3 facts
        rampart.evaluation.facts{pack=site,type=network} count=1 total=0 max=0 facts
        rampart.evaluation.facts{pack=site,type=vendor} count=1 total=0 max=0 facts
        rampart.evaluation.results{outcome=error,pack=site,severity=critical} count=1 total=0 max=0 results
        rampart.evaluation.results{outcome=error,pack=site,severity=low} count=1 total=0 max=0 results
        rampart.evaluation.results{outcome=fail,pack=site,severity=critical} count=1 total=1 max=1 results
        rampart.evaluation.results{outcome=fail,pack=site,severity=low} count=1 total=1 max=1 results
        rampart.evaluation.results{outcome=not_applicable,pack=site,severity=critical} count=1 total=0 max=0 results
        rampart.evaluation.results{outcome=not_applicable,pack=site,severity=low} count=1 total=0 max=0 results
        rampart.evaluation.results{outcome=pass,pack=site,severity=critical} count=1 total=1 max=1 results
        rampart.evaluation.results{outcome=pass,pack=site,severity=low} count=1 total=2 max=2 results
        rampart.evaluation.results{outcome=unknown,pack=site,severity=critical} count=1 total=1 max=1 results
        rampart.evaluation.results{outcome=unknown,pack=site,severity=low} count=1 total=0 max=0 results
        rampart.evaluation.rules{pack=site} count=1 total=2 max=2 rules
        """, Meters.of(registry));
    for (Phase phase : List.of(Phase.CHECK_FACTS, Phase.EVALUATE_RULES, Phase.BUILD_REPORT)) {
      assertEquals(report.statistics().durations().get(phase).toNanos(),
          (long) registry.get(ReportMetrics.DURATION).tag("phase", TagValues.of(phase)).timer()
              .totalTime(TimeUnit.NANOSECONDS), phase.name());
    }
  }

  @Test
  void everyReportAddsToTheSameMetersTaggedWithItsPacksAndTheCallersTags() throws Exception {
    ComplianceEngine engine = Meters.engine("pack.yaml", "extra.yaml");
    ReportMetrics metrics = ReportMetrics.of(registry).withTags(Tags.of("site", "berlin"));

    metrics.record(engine.evaluate(FLEET));
    metrics.record(engine.evaluate(FLEET.subList(0, 1)));

    assertEquals("""
        rampart.evaluation.duration{pack=site,extra,phase=build_report,site=berlin} count=2
        rampart.evaluation.duration{pack=site,extra,phase=check_facts,site=berlin} count=2
        rampart.evaluation.duration{pack=site,extra,phase=evaluate_rules,site=berlin} count=2
        rampart.evaluation.facts{pack=site,extra,site=berlin,type=deployment} count=2 total=0 max=0 facts
        rampart.evaluation.facts{pack=site,extra,site=berlin,type=device} count=2 total=4 max=3 facts
        rampart.evaluation.facts{pack=site,extra,site=berlin,type=network} count=2 total=0 max=0 facts
        rampart.evaluation.facts{pack=site,extra,site=berlin,type=vendor} count=2 total=0 max=0 facts
        rampart.evaluation.results{outcome=error,pack=site,extra,severity=critical,site=berlin} count=2 total=0 max=0 results
        rampart.evaluation.results{outcome=error,pack=site,extra,severity=low,site=berlin} count=2 total=0 max=0 results
        rampart.evaluation.results{outcome=fail,pack=site,extra,severity=critical,site=berlin} count=2 total=2 max=1 results
        rampart.evaluation.results{outcome=fail,pack=site,extra,severity=low,site=berlin} count=2 total=2 max=2 results
        rampart.evaluation.results{outcome=not_applicable,pack=site,extra,severity=critical,site=berlin} count=2 total=0 max=0 results
        rampart.evaluation.results{outcome=not_applicable,pack=site,extra,severity=low,site=berlin} count=2 total=0 max=0 results
        rampart.evaluation.results{outcome=pass,pack=site,extra,severity=critical,site=berlin} count=2 total=1 max=1 results
        rampart.evaluation.results{outcome=pass,pack=site,extra,severity=low,site=berlin} count=2 total=6 max=4 results
        rampart.evaluation.results{outcome=unknown,pack=site,extra,severity=critical,site=berlin} count=2 total=1 max=1 results
        rampart.evaluation.results{outcome=unknown,pack=site,extra,severity=low,site=berlin} count=2 total=0 max=0 results
        rampart.evaluation.rules{pack=site,extra,site=berlin} count=2 total=6 max=3 rules
        """, Meters.of(registry));
  }

  @Test
  void aSessionsReportRecordsOnlyThePhasesItWentThrough() throws Exception {
    try (ComplianceSession session = Meters.engine().openSession()) {
      FLEET.forEach(session::insert);
      ReportMetrics.of(registry).record(session.report());
    }

    assertEquals("""
        rampart.evaluation.duration{pack=site,phase=build_report} count=1
        rampart.evaluation.duration{pack=site,phase=evaluate_rules} count=1
        """, Meters.of(registry).lines().filter(line -> line.startsWith(ReportMetrics.DURATION))
            .map(line -> line + "\n").reduce("", String::concat));
  }
}
