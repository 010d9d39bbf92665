package dev.rampart.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.ComplianceSession;
import dev.rampart.engine.Provenance;
import dev.rampart.engine.Report;
import dev.rampart.engine.StreamingEvaluation;
import dev.rampart.spi.fact.FactType;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Finding metrics keep a session's open findings by pack, severity and outcome, and count what changed. */
class FindingMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());

  @Test
  void everyPackOfTheEngineHasItsGaugesAtZeroAndItsCountersBeforeTheFirstFinding() throws Exception {
    FindingMetrics.register(registry, Meters.engine(), Tags.empty());

    assertEquals("""
        rampart.findings.changes{kind=added,pack=site} count=0 findings
        rampart.findings.changes{kind=changed,pack=site} count=0 findings
        rampart.findings.changes{kind=removed,pack=site} count=0 findings
        rampart.findings.open{outcome=error,pack=site,severity=critical} value=0 findings
        rampart.findings.open{outcome=error,pack=site,severity=high} value=0 findings
        rampart.findings.open{outcome=error,pack=site,severity=info} value=0 findings
        rampart.findings.open{outcome=error,pack=site,severity=low} value=0 findings
        rampart.findings.open{outcome=error,pack=site,severity=medium} value=0 findings
        rampart.findings.open{outcome=fail,pack=site,severity=critical} value=0 findings
        rampart.findings.open{outcome=fail,pack=site,severity=high} value=0 findings
        rampart.findings.open{outcome=fail,pack=site,severity=info} value=0 findings
        rampart.findings.open{outcome=fail,pack=site,severity=low} value=0 findings
        rampart.findings.open{outcome=fail,pack=site,severity=medium} value=0 findings
        rampart.findings.open{outcome=unknown,pack=site,severity=critical} value=0 findings
        rampart.findings.open{outcome=unknown,pack=site,severity=high} value=0 findings
        rampart.findings.open{outcome=unknown,pack=site,severity=info} value=0 findings
        rampart.findings.open{outcome=unknown,pack=site,severity=low} value=0 findings
        rampart.findings.open{outcome=unknown,pack=site,severity=medium} value=0 findings
        """, Meters.of(registry));
  }

  @Test
  void theGaugesFollowTheFindingsASessionAddsChangesAndRemoves() throws Exception {
    ComplianceEngine engine = Meters.engine();
    try (FindingMetrics metrics = FindingMetrics.register(registry, engine, Tags.of("site", "berlin"));
        ComplianceSession session = engine.openSession(metrics)) {
      session.insert(Meters.device("cam-1", true, "facilities"));
      session.insert(Meters.device("cam-2", false, null));
      session.insert(Meters.device("cam-3", null, "it"));
      session.report();
      String opened = nonZero();

      session.update(Meters.device("cam-3", true, "it"));     // UNKNOWN to FAIL
      session.remove(FactType.DEVICE, "cam-2");               // its FAIL goes
      session.update(Meters.device("cam-1", false, "facilities"));   // its FAIL is fixed
      session.report();

      assertEquals("""
          rampart.findings.changes{kind=added,pack=site,site=berlin} count=3 findings
          rampart.findings.open{outcome=fail,pack=site,severity=critical,site=berlin} value=1 findings
          rampart.findings.open{outcome=fail,pack=site,severity=low,site=berlin} value=1 findings
          rampart.findings.open{outcome=unknown,pack=site,severity=critical,site=berlin} value=1 findings
          """, opened);
      assertEquals("""
          rampart.findings.changes{kind=added,pack=site,site=berlin} count=3 findings
          rampart.findings.changes{kind=changed,pack=site,site=berlin} count=1 findings
          rampart.findings.changes{kind=removed,pack=site,site=berlin} count=2 findings
          rampart.findings.open{outcome=fail,pack=site,severity=critical,site=berlin} value=1 findings
          """, nonZero());
    }
  }

  @Test
  void givenToAStreamingEvaluationTheyCountTheFindingsOfItsReport() throws Exception {
    ComplianceEngine engine = Meters.engine();
    Report report;
    try (FindingMetrics metrics = FindingMetrics.register(registry, engine, Tags.empty());
        StreamingEvaluation evaluation = engine.startEvaluation(Provenance.none(), metrics)) {
      evaluation.add(Meters.device("cam-1", true, null));
      evaluation.add(Meters.device("cam-2", null, "it"));
      report = evaluation.finish();

      assertEquals("""
          rampart.findings.changes{kind=added,pack=site} count=3 findings
          rampart.findings.open{outcome=fail,pack=site,severity=critical} value=1 findings
          rampart.findings.open{outcome=fail,pack=site,severity=low} value=1 findings
          rampart.findings.open{outcome=unknown,pack=site,severity=critical} value=1 findings
          """, nonZero());
    }
    assertEquals(3, report.findings().size());
  }

  @Test
  void closingRemovesTheMetersAndRefusesFurtherEvents() throws Exception {
    ComplianceEngine engine = Meters.engine();
    FindingMetrics metrics = FindingMetrics.register(registry, engine, Tags.empty());
    metrics.close();

    assertEquals(List.of(), registry.getMeters());
    try (ComplianceSession session = engine.openSession(metrics)) {
      session.insert(Meters.device("cam-1", true, "facilities"));
      IllegalStateException e = assertThrows(IllegalStateException.class, session::report);
      assertEquals("these finding metrics are closed and their meters removed: register new ones for the next "
          + "session with FindingMetrics.register(registry, engine, tags)", e.getMessage());
    }
    FindingMetrics.register(registry, engine, Tags.empty()).close();
  }

  @Test
  void twoInstancesWithTheSameTagsInOneRegistryAreRefusedWithTheFix() throws Exception {
    ComplianceEngine engine = Meters.engine();
    FindingMetrics.register(registry, engine, Tags.of("site", "berlin"));
    FindingMetrics.register(registry, engine, Tags.of("site", "paris"));

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> FindingMetrics.register(registry, engine, Tags.of("site", "berlin")));

    assertEquals("""
        the registry already has rampart.findings.open{outcome=fail,pack=site,severity=info,site=berlin} from other \
        finding metrics: close those when their session ends, or give each session's metrics tags of their own, \
        e.g. FindingMetrics.register(registry, engine, Tags.of("site", "berlin"))""", e.getMessage());
  }

  @Test
  void aRefusedRegistrationLeavesTheRegistryAsItWas() throws Exception {
    ComplianceEngine site = Meters.engine();
    ComplianceEngine extraAndSite = Meters.engine("extra.yaml", "pack.yaml");
    FindingMetrics.register(registry, site, Tags.empty());
    String before = Meters.of(registry);

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> FindingMetrics.register(registry, extraAndSite, Tags.empty()));

    assertEquals(before, Meters.of(registry));
    assertEquals("the registry already has rampart.findings.open{outcome=fail,pack=site,severity=info}",
        e.getMessage().substring(0, e.getMessage().indexOf(" from other")));
  }

  /** The meters that are not zero: what changed. */
  private String nonZero() {
    return Meters.of(registry).lines().filter(line -> !line.contains("=0 "))
        .collect(Collectors.joining("\n", "", "\n"));
  }
}
