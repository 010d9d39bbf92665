package dev.rampart.packtesting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.engine.value.Outcome;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A tailored pack is tested with its bases' fixtures as well as its own: the cases of the rules it
 * disabled are skipped with the reason, its own cases replace a base's of the same rule and fact id, and
 * its parameters are in effect, so a base case that a changed parameter turns says so. The packs are
 * {@code src/test/resources/packtest/tailored*}, which extend the demo pack {@code packtest/passing}.
 */
class TailoredPackFixturesTest {

  private static final String PACKS = "src/test/resources/packtest/";

  @Test
  void theBasesFixturesRunWithTheDisabledRulesSkippedAndTheOwnCasesReplacingTheBasesOfTheSameRuleAndFact() {
    PackTestResult result = PackTestRunner.run(PACKS + "tailored/pack.yaml");

    assertEquals("""
        Testing packtest-site 1.0.0 (3 rules, extends packtest-demo@0.3.0) with 3 fixture files from src/test/resources/packtest/tailored/tests/ and its bases' tests

        DEMO-001  No default password
          FACT                     EXPECTED        ACTUAL          RESULT    FIXTURE
          cam-01                   PASS            PASS            OK        devices.yaml (packtest-demo)
          cam-02                   FAIL            FAIL            OK        devices.yaml (packtest-demo)
          sensor-with-a-long-name  UNKNOWN         UNKNOWN         OK        devices.yaml (packtest-demo)

        DEMO-002  Data kept no longer than the limit
          FACT                     EXPECTED        ACTUAL          RESULT    FIXTURE
          cam-01                   FAIL            FAIL            OK        site.yaml
          demo-002-pass            PASS            PASS            OK        site.yaml
          cam-02                   FAIL            FAIL            OK        devices.yaml (packtest-demo)
          sensor-with-a-long-name  UNKNOWN         UNKNOWN         OK        devices.yaml (packtest-demo)

        SITE-001  Data kept at least a week
          FACT              EXPECTED        ACTUAL          RESULT    FIXTURE
          cam-01            PASS            PASS            OK        site.yaml
          site-001-fail     FAIL            FAIL            OK        site.yaml
          site-001-unknown  UNKNOWN         UNKNOWN         OK        site.yaml

        DEMO-003  Documented owner
          skipped: disabled by this pack (owners are kept in the asset register, not in the inventory): 2 cases (cam-01, cam-02)

        Coverage of rules (each must be seen PASS and FAIL; UNKNOWN is '-' where a rule cannot give it)
          RULE      PASS  FAIL  UNKNOWN
          DEMO-001  yes   yes   yes
          DEMO-002  yes   yes   yes
          SITE-001  yes   yes   yes

        Coverage of requirements (each must be served by a covered rule)
          G11  covered by DEMO-001
          G36  covered by DEMO-002, SITE-001

        3 rules, 10 cases: 10 passed, 0 failed; 2 skipped (their rules are disabled); 2 of the bases' replaced (same rule and fact id)
        Covered: 3 of 3 rules (seen PASS and FAIL), 2 of 2 requirements; UNKNOWN seen in 3 of 3 possible
        10 passed, 0 failed
        """, ReportText.of(result));
    assertEquals(PackTestResult.PASSED, result.exitCode());
    assertEquals(List.of("DEMO-003 cam-01 packtest-site", "DEMO-003 cam-02 packtest-site"),
        result.skipped().stream().map(s -> s.expectation().ruleId() + " " + s.expectation().factId() + " "
            + s.disabledBy()).toList());
  }

  @Test
  void aBaseCaseThatTheTailoredParametersTurnIsAMismatchThatNamesTheChangeAndHowToReplaceTheCase() {
    PackTestResult result = PackTestRunner.run(PACKS + "tailored-unreplaced/pack.yaml");

    assertEquals("""
        Testing packtest-unreplaced 1.0.0 (2 rules, extends packtest-demo@0.3.0) with 2 fixture files from its bases' tests

        DEMO-001  No default password
          FACT                     EXPECTED        ACTUAL          RESULT    FIXTURE
          cam-01                   PASS            PASS            OK        devices.yaml (packtest-demo)
          cam-02                   FAIL            FAIL            OK        devices.yaml (packtest-demo)
          sensor-with-a-long-name  UNKNOWN         UNKNOWN         OK        devices.yaml (packtest-demo)

        DEMO-002  Data kept no longer than the limit
          FACT                     EXPECTED        ACTUAL          RESULT    FIXTURE
          cam-01                   PASS            FAIL            MISMATCH  devices.yaml (packtest-demo)
              expected at src/test/resources/packtest/passing/tests/devices.yaml:15:14
              fact at src/test/resources/packtest/passing/tests/devices.yaml:4:7
              message: cam-01 keeps data for 30 days
              evidence: data.retentionDays = 30 (expected atMost 20 (parameter maxRetentionDays))
              why: rampart explain --rule DEMO-002 --fact cam-01 --pack src/test/resources/packtest/tailored-unreplaced/pack.yaml --now 2026-11-25T00:00:00Z --source inventory:src/test/resources/packtest/passing/tests/devices.yaml --source-option embeddedAt=facts
              inherited from base pack packtest-demo, which gives PASS with its own parameters: this pack changes maxRetentionDays from 365 to 20 (if FAIL is right for this pack, replace the case with one in this pack's fixtures: same rule and fact id, e.g. expect: {DEMO-002: {cam-01: FAIL}})
          cam-02                   FAIL            FAIL            OK        devices.yaml (packtest-demo)
          sensor-with-a-long-name  UNKNOWN         UNKNOWN         OK        devices.yaml (packtest-demo)
          cam-01                   FAIL            FAIL            OK        strict-limit.yaml (packtest-demo)

        DEMO-003  Documented owner
          skipped: disabled by this pack (owners are kept in the asset register, not in the inventory): 2 cases (cam-01, cam-02)

        Coverage of rules (each must be seen PASS and FAIL; UNKNOWN is '-' where a rule cannot give it)
          RULE      PASS  FAIL  UNKNOWN
          DEMO-001  yes   yes   yes
          DEMO-002  no    yes   yes      NOT COVERED

        Coverage of requirements (each must be served by a covered rule)
          G11  covered by DEMO-001
          G36  NOT COVERED (served by DEMO-002, none of them covered)

        Mismatches: DEMO-002 on cam-01
        Missing coverage: DEMO-002 lacks PASS
        2 rules, 7 cases: 6 passed, 1 failed; 2 skipped (their rules are disabled)
        Covered: 1 of 2 rules (seen PASS and FAIL), 1 of 2 requirements; UNKNOWN seen in 2 of 2 possible
        6 passed, 1 failed
        """, ReportText.of(result));
    TestCase turned = result.cases().stream().filter(c -> !c.passed()).findFirst().orElseThrow();
    assertEquals(new Inheritance("packtest-demo", Outcome.PASS,
            List.of(new Inheritance.Change("maxRetentionDays", "365", "20"))),
        turned.inherited().orElseThrow());
  }

  @Test
  void aFixtureOfTheTailoredPackForARuleItDisabledSaysSoInsteadOfNamingNoSuchRule() {
    PackTestResult result = PackTestRunner.run(PACKS + "tailored-bad/pack.yaml");

    assertEquals("""
        2 problems in the tests of pack packtest-bad-site; nothing was evaluated:
        1. src/test/resources/packtest/tailored-bad/tests/disabled.yaml:8:3: expect: rule 'DEMO-003' is disabled by this pack (reason: owners are kept in the asset register, not in the inventory): remove the fixture or enable the rule
        2. src/test/resources/packtest/tailored-bad/tests/disabled.yaml:10:3: expect: pack packtest-bad-site has no rule 'DEMO-03' (did you mean 'DEMO-001'?)
        """, ReportText.problemsOf(result));
    assertEquals(PackTestResult.INPUT_ERROR, result.exitCode());
  }

  @Test
  void theJsonAndJunitFilesCarryTheInheritedCasesAndTheSkippedOnes() throws Exception {
    PackTestResult result = PackTestRunner.run(PACKS + "tailored-unreplaced/pack.yaml");
    StringWriter json = new StringWriter();
    StringWriter xml = new StringWriter();
    PackTestJson.write(List.of(result), json);
    PackTestJunit.write(List.of(result), xml);

    JsonNode pack = new ObjectMapper().readTree(json.toString()).get("packs").get(0);
    assertEquals("packtest-demo@0.3.0", pack.get("base").asText());
    assertEquals("""
        {"rule":"DEMO-003","fact":"cam-01","expected":"PASS","place":"src/test/resources/packtest/passing/tests/devices.yaml:16:14",\
        "disabledBy":"packtest-unreplaced","reason":"owners are kept in the asset register, not in the inventory"}""",
        pack.get("skipped").get(0).toString());
    JsonNode turned = pack.get("cases").get(3);
    assertEquals("""
        cam-01 packtest-demo PASS [{"name":"maxRetentionDays","base":"365","pack":"20"}]""",
        turned.get("fact").asText() + " " + turned.get("inheritedFrom").asText() + " " + turned.get("baseGives").asText()
            + " " + turned.get("changedParameters"));
    assertEquals("""
        <testsuite name="packtest-unreplaced/DEMO-003" time="0" tests="2" errors="0" skipped="2" failures="0">
        <testcase name="cam-01: PASS (devices.yaml)" classname="packtest-unreplaced/DEMO-003" time="0">
        <skipped message="disabled by this pack (owners are kept in the asset register, not in the inventory)"/>
        </testcase>""",
        xml.toString().lines().dropWhile(line -> !line.contains("packtest-unreplaced/DEMO-003")).limit(4)
            .map(String::strip).collect(Collectors.joining("\n")));
  }

  /** examples/tailored-pack.yaml tailors the built-in iot-baseline and adds HBW-001, with fixtures in examples/tests/. */
  @Test
  void theExampleTailoredPackReachesFullCoverageWithTheBaselinesFixturesAndItsOwn() {
    PackTestResult result = PackTestRunner.run("../examples/tailored-pack.yaml");

    assertEquals(List.of(), result.problems());
    assertEquals("", PackTestReport.missingCoverage(result.coverage().orElseThrow()).stream()
        .collect(Collectors.joining("; ")));
    assertEquals(0, result.failed());
    assertEquals(PackTestResult.PASSED, result.exitCode());
    assertEquals(List.of("IDN-006"), result.skipped().stream().map(s -> s.rule().ruleId()).distinct().toList());
  }

  /**
   * Whether a rule can be UNKNOWN is read from the pack that defines it: an inherited rule is analysed
   * as in its base (PAT-004, PAT-005 and OPS-002 test only {@code exists} under an {@code ifAbsent}
   * applicability, so neither can be UNKNOWN).
   */
  @Test
  void anInheritedRuleCanBeUnknownExactlyWhenItCanInItsBase() {
    Map<String, Boolean> inBase = unknownPossible(PackTestRunner.run("iot-baseline"));
    Map<String, Boolean> inTailored = unknownPossible(PackTestRunner.run("../examples/tailored-pack.yaml"));

    assertEquals(List.of(false, false, false),
        List.of(inTailored.get("PAT-004"), inTailored.get("PAT-005"), inTailored.get("OPS-002")));
    inBase.keySet().retainAll(inTailored.keySet());
    Map<String, Boolean> inheritedInTailored = inTailored.entrySet().stream().filter(e -> inBase.containsKey(e.getKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertEquals(inBase, inheritedInTailored);
  }

  private static Map<String, Boolean> unknownPossible(PackTestResult result) {
    return result.coverage().orElseThrow().rules().stream()
        .collect(Collectors.toMap(r -> r.rule().id(), Coverage.RuleCoverage::unknownPossible));
  }
}
