package dev.rampart.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Report;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.Waiver;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every report shows the requirement roll-up (each requirement's status after waivers, with the rules
 * behind it) and, with {@code --warn-expiring}, the waivers that expire within the period.
 *
 * <p>The pack {@code packs/rollup/site.yaml} extends {@code base.yaml} and disables {@code legacy}, the
 * one rule of G6; no network is supplied, so {@code monitored} (G3, G4) is not assessed; {@code tier}
 * fails on cam-2 (waived until 2026-12-01) and is UNKNOWN on sensor-1 (waived until 2027-03-31).
 */
class RequirementRollupReportTest {

  private static final List<Fact> FACTS = List.of(
      Device.builder("cam-1").attributes(Map.of("kind", "camera", "tier", "gold", "zone", "ot")).build(),
      Device.builder("cam-2").attributes(Map.of("kind", "camera", "tier", "silver", "zone", "ot")).build(),
      Device.builder("sensor-1").attributes(Map.of("kind", "sensor", "zone", "it")).build());

  private static final List<Waiver> WAIVERS = List.of(
      Waiver.forRule("tier").factType(FactType.DEVICE).factId("cam-2").justification("replaced in Q1")
          .approvedBy("sam").expires(LocalDate.of(2026, 12, 1)).ticket("SEC-7").location("waivers.yaml:4:5").build(),
      Waiver.forRule("tier").factType(FactType.DEVICE).factId("sensor-*").justification("sensors are retired in spring")
          .approvedBy("kim").expires(LocalDate.of(2027, 3, 31)).location("waivers.yaml:10:5").build());

  private static Evaluations.Run run(boolean warnExpiring) throws Exception {
    ComplianceEngine engine = ComplianceEngine.builder()
        .pack(RulePacks.load(Path.of(Evaluations.FIXTURES, "packs/rollup/site.yaml")))
        .clock(Clock.fixed(Evaluations.NOW, ZoneOffset.UTC))
        .build();
    Report report = engine.evaluate(FACTS).withWaivers(WAIVERS, FACTS);
    Evaluation.Builder evaluation = Evaluation.builder(report).gate(Gate.never()).toolVersion("dev");
    if (warnExpiring) {
      evaluation.expiringWaivers(ExpiringWaivers.of(WAIVERS, report.evaluatedAt(), Period.ofDays(14)));
    }
    return new Evaluations.Run(evaluation.build(), engine.rules());
  }

  private static String section(String text, String heading) {
    int start = text.indexOf("\n" + heading);
    assertTrue(start >= 0, text);
    int end = text.indexOf("\n\n", start + 1);
    return text.substring(start + 1, end + 1);
  }

  @Test
  void theTextReportListsEveryRequirementWithItsStatusAndTheRulesBehindIt() throws Exception {
    String text = run(false).write(TextReport.plain());

    assertEquals("""
        Requirements (6: 1 unknown, 2 waived, 1 satisfied, 2 not assessed)
          G1  WAIVED         tier 2 waived, 1 PASS
          G2  WAIVED         tier 2 waived, 1 PASS; zone 2 PASS, 1 NOT_APPLICABLE
          G3  UNKNOWN        zone 2 PASS, 1 NOT_APPLICABLE; monitored not assessed
          G4  NOT ASSESSED   monitored not assessed
          G5  SATISFIED      zone 2 PASS, 1 NOT_APPLICABLE
          G6  NOT ASSESSED   legacy disabled
        """, section(text, "Requirements"));
  }

  @Test
  void theTextReportListsTheWaiversExpiringWithinThePeriodOnlyWhenAskedFor() throws Exception {
    String text = run(true).write(TextReport.plain());

    assertEquals("""
        Waivers expiring within P14D (1)
          tier for device cam-2: expires on 2026-12-01, in 6 days, renew it or fix the finding
                   approved by sam (ticket SEC-7): replaced in Q1
                   at waivers.yaml:4:5
        """, section(text, "Waivers expiring"));
    assertEquals(-1, run(false).write(TextReport.plain()).indexOf("Waivers expiring"));
  }

  @Test
  void theJsonReportHasTheRollUpAndTheExpiringWaiversAndMatchesItsSchema() throws Exception {
    JsonNode json = new ObjectMapper().readTree(run(true).write(JsonReport.allResults()));

    assertEquals("1.6", json.get("schemaVersion").asText());
    assertEquals("""
        {"not-satisfied":0,"unknown":1,"waived":2,"satisfied":1,"not-assessed":2}""",
        json.at("/summary/requirements").toString());
    assertEquals("""
        {"id":"G2","status":"waived","counts":{"PASS":3,"FAIL":0,"UNKNOWN":0,"NOT_APPLICABLE":1,"ERROR":0},\
        "waived":2,"rules":[{"ruleId":"tier","packId":"rollup-site","status":"waived",\
        "counts":{"PASS":1,"FAIL":0,"UNKNOWN":0,"NOT_APPLICABLE":0,"ERROR":0},"waived":2},\
        {"ruleId":"zone","packId":"rollup-site","status":"satisfied",\
        "counts":{"PASS":2,"FAIL":0,"UNKNOWN":0,"NOT_APPLICABLE":1,"ERROR":0},"waived":0}],"disabledRules":[]}""",
        json.at("/requirements/1").toString());
    assertEquals("""
        {"id":"G6","status":"not-assessed","counts":{"PASS":0,"FAIL":0,"UNKNOWN":0,"NOT_APPLICABLE":0,"ERROR":0},\
        "waived":0,"rules":[],"disabledRules":[{"ruleId":"legacy",\
        "reason":"the site has no legacy protocols to check (audit A-12)"}]}""",
        json.at("/requirements/5").toString());
    assertEquals("""
        {"within":"P14D","waivers":[{"rule":"tier","factType":"device","factId":"cam-2",\
        "justification":"replaced in Q1","approvedBy":"sam","expires":"2026-12-01","ticket":"SEC-7",\
        "location":"waivers.yaml:4:5","daysLeft":6}]}""", json.at("/summary/waivers/expiring").toString());
    assertEquals(List.of(), ReportSchema.problems(json));
  }

  @Test
  void theHtmlReportHasARowPerRequirement() throws Exception {
    String html = run(true).write(HtmlReport.create());

    assertTrue(html.contains("""
        <tr><td class="mono">G6</td><td class="requirement-status not-assessed">not assessed</td>\
        <td><span class="mono">legacy</span> disabled: the site has no legacy protocols to check (audit A-12)</td></tr>"""),
        html);
    assertTrue(html.contains("""
        <tr><td class="mono">tier for device cam-2</td><td>2026-12-01, in 6 days</td><td class="mono">SEC-7</td>\
        <td>sam</td><td>replaced in Q1</td><td class="mono">waivers.yaml:4:5</td></tr>"""), html);
  }

  @Test
  void eachJunitSuiteStatesTheRequirementsItsRulesServe() throws Exception {
    String xml = run(false).write(JunitReport.unknownAsSkipped());

    assertTrue(xml.contains("""
          <testsuite name="segmentation" time="0" tests="4" errors="0" skipped="2" failures="0" timestamp="2026-11-25T00:00:00">
            <properties>
              <property name="rampart.version" value="dev"/>
              <property name="rampart.evaluatedAt" value="2026-11-25T00:00:00Z"/>
              <property name="rampart.packs" value="rollup-site@1.0.0 (src/test/resources/packs/rollup/site.yaml)"/>
              <property name="rampart.inputs" value=""/>
              <property name="rampart.failOn" value="never"/>
              <property name="rampart.requirements" value="6: 1 unknown, 2 waived, 1 satisfied, 2 not assessed"/>
              <property name="rampart.requirement.G2" value="waived: tier 2 waived, 1 PASS; zone 2 PASS, 1 NOT_APPLICABLE"/>
              <property name="rampart.requirement.G3" value="unknown: zone 2 PASS, 1 NOT_APPLICABLE; monitored not assessed"/>
              <property name="rampart.requirement.G4" value="not assessed: monitored not assessed"/>
              <property name="rampart.requirement.G5" value="satisfied: zone 2 PASS, 1 NOT_APPLICABLE"/>
            </properties>
        """), xml);
  }
}
