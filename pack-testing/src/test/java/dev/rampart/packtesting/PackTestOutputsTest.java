package dev.rampart.packtesting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The files {@code rampart test --format junit:FILE} and {@code json:FILE} write, for CI: one test case
 * per fixture case (a mismatch with the expected and actual outcome, its place and the explain command),
 * the coverage of each rule, and the problems of a pack whose tests could not run.
 */
class PackTestOutputsTest {

  private static final String PACKS = "src/test/resources/packtest/";

  @Test
  void junitHasASuitePerRuleWithACasePerFixtureCaseAndACoverageSuite() throws IOException {
    StringWriter out = new StringWriter();
    PackTestJunit.write(List.of(PackTestRunner.run(PACKS + "failing/pack.yaml")), out);

    assertEquals("""
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="rampart test" time="0" tests="7" errors="0" skipped="0" failures="3">
          <testsuite name="packtest-demo/DEMO-001" time="0" tests="1" errors="0" skipped="0" failures="1">
            <testcase name="cam-01: PASS (devices.yaml)" classname="packtest-demo/DEMO-001" time="0">
              <failure message="expected PASS but was FAIL at src/test/resources/packtest/failing/tests/devices.yaml:11:14" type="mismatch">expected at src/test/resources/packtest/failing/tests/devices.yaml:11:14
        fact at src/test/resources/packtest/failing/tests/devices.yaml:4:7
        message: cam-01 still has its default password
        evidence: credentials.defaultPassword = true (expected equals false)
        why: rampart explain --rule DEMO-001 --fact cam-01 --pack src/test/resources/packtest/failing/pack.yaml --now 2026-11-25T00:00:00Z --source inventory:src/test/resources/packtest/failing/tests/devices.yaml --source-option embeddedAt=facts
        </failure>
            </testcase>
          </testsuite>
          <testsuite name="packtest-demo/DEMO-002" time="0" tests="2" errors="0" skipped="0" failures="0">
            <testcase name="cam-01: PASS (devices.yaml)" classname="packtest-demo/DEMO-002" time="0"/>
            <testcase name="cam-02: FAIL (devices.yaml)" classname="packtest-demo/DEMO-002" time="0"/>
          </testsuite>
          <testsuite name="packtest-demo/DEMO-003" time="0" tests="1" errors="0" skipped="0" failures="0">
            <testcase name="cam-01: PASS (devices.yaml)" classname="packtest-demo/DEMO-003" time="0"/>
          </testsuite>
          <testsuite name="packtest-demo/coverage" time="0" tests="3" errors="0" skipped="0" failures="2">
            <testcase name="DEMO-001 is seen PASS and FAIL" classname="packtest-demo/coverage" time="0">
              <failure message="DEMO-001 lacks PASS and FAIL (add a fixture case for each)" type="not-covered"></failure>
            </testcase>
            <testcase name="DEMO-002 is seen PASS and FAIL" classname="packtest-demo/coverage" time="0"/>
            <testcase name="DEMO-003 is seen PASS and FAIL" classname="packtest-demo/coverage" time="0">
              <failure message="DEMO-003 lacks FAIL (add a fixture case for each)" type="not-covered"></failure>
            </testcase>
          </testsuite>
        </testsuites>
        """, out.toString());
  }

  @Test
  void junitShowsAPackWhoseTestsCouldNotRunAsOneCaseInErrorWithTheProblemsAsStandardErrorShowsThem()
      throws IOException {
    StringWriter out = new StringWriter();
    PackTestJunit.write(List.of(PackTestRunner.run(PACKS + "no-tests/pack.yaml"), PackTestRunner.run("no-such-pack")),
        out);

    assertEquals("""
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="rampart test" time="0" tests="2" errors="2" skipped="0" failures="0">
          <testsuite name="packtest-demo" time="0" tests="1" errors="1" skipped="0" failures="0">
            <testcase name="the tests can be read" classname="packtest-demo" time="0">
              <error message="1 problem in the tests of pack packtest-demo; nothing was evaluated" type="input-error">1 problem in the tests of pack packtest-demo; nothing was evaluated:
        1. src/test/resources/packtest/no-tests/tests/: the pack has no tests folder (create it and put fixture files in it, see docs/pack-testing.md)
        </error>
            </testcase>
          </testsuite>
          <testsuite name="no-such-pack" time="0" tests="1" errors="1" skipped="0" failures="0">
            <testcase name="the tests can be read" classname="no-such-pack" time="0">
              <error message="1 problem in rule pack" type="input-error">1 problem in rule pack:
        1. no-such-pack: the pack is not a built-in pack (built-in packs: iot-baseline; a pack file is named by a path with a '/' or an extension, e.g. ./no-such-pack.yaml)
        </error>
            </testcase>
          </testsuite>
        </testsuites>
        """, out.toString());
  }

  @Test
  void jsonListsEveryCaseWithItsPlaceAndTheCoverage() throws IOException {
    StringWriter out = new StringWriter();
    PackTestJson.write(List.of(PackTestRunner.run(PACKS + "failing/pack.yaml")), out);

    assertEquals("""
        {
          "schemaVersion" : "1.1",
          "packs" : [ {
            "pack" : "packtest-demo",
            "version" : "0.3.0",
            "source" : "src/test/resources/packtest/failing/pack.yaml",
            "exitCode" : 1,
            "problems" : [ ],
            "fixtures" : "src/test/resources/packtest/failing/tests/",
            "fixtureFiles" : 1,
            "cases" : [ {
              "rule" : "DEMO-001",
              "fact" : "cam-01",
              "expected" : "PASS",
              "actual" : "FAIL",
              "passed" : false,
              "place" : "src/test/resources/packtest/failing/tests/devices.yaml:11:14",
              "factPlace" : "src/test/resources/packtest/failing/tests/devices.yaml:4:7",
              "message" : "cam-01 still has its default password",
              "explain" : "rampart explain --rule DEMO-001 --fact cam-01 --pack src/test/resources/packtest/failing/pack.yaml --now 2026-11-25T00:00:00Z --source inventory:src/test/resources/packtest/failing/tests/devices.yaml --source-option embeddedAt=facts"
            }, {
              "rule" : "DEMO-002",
              "fact" : "cam-01",
              "expected" : "PASS",
              "actual" : "PASS",
              "passed" : true,
              "place" : "src/test/resources/packtest/failing/tests/devices.yaml:12:14",
              "factPlace" : "src/test/resources/packtest/failing/tests/devices.yaml:4:7",
              "message" : "Data kept no longer than the limit"
            }, {
              "rule" : "DEMO-002",
              "fact" : "cam-02",
              "expected" : "FAIL",
              "actual" : "FAIL",
              "passed" : true,
              "place" : "src/test/resources/packtest/failing/tests/devices.yaml:12:28",
              "factPlace" : "src/test/resources/packtest/failing/tests/devices.yaml:8:7",
              "message" : "cam-02 keeps data for 400 days"
            }, {
              "rule" : "DEMO-003",
              "fact" : "cam-01",
              "expected" : "PASS",
              "actual" : "PASS",
              "passed" : true,
              "place" : "src/test/resources/packtest/failing/tests/devices.yaml:13:14",
              "factPlace" : "src/test/resources/packtest/failing/tests/devices.yaml:4:7",
              "message" : "Documented owner"
            } ],
            "coverage" : {
              "complete" : false,
              "rules" : [ {
                "rule" : "DEMO-001",
                "covered" : false,
                "seen" : [ ],
                "unknownPossible" : true
              }, {
                "rule" : "DEMO-002",
                "covered" : true,
                "seen" : [ "PASS", "FAIL" ],
                "unknownPossible" : true
              }, {
                "rule" : "DEMO-003",
                "covered" : false,
                "seen" : [ "PASS" ],
                "unknownPossible" : false
              } ],
              "requirements" : [ {
                "id" : "G11",
                "covered" : false,
                "servedBy" : [ "DEMO-001" ],
                "coveredBy" : [ ]
              }, {
                "id" : "G22",
                "covered" : false,
                "servedBy" : [ "DEMO-003" ],
                "coveredBy" : [ ]
              }, {
                "id" : "G36",
                "covered" : true,
                "servedBy" : [ "DEMO-002" ],
                "coveredBy" : [ "DEMO-002" ]
              }, {
                "id" : "G42",
                "covered" : false,
                "servedBy" : [ "DEMO-003" ],
                "coveredBy" : [ ]
              } ]
            },
            "passed" : 3,
            "failed" : 1
          } ],
          "passed" : 3,
          "failed" : 1
        }
        """, out.toString());
  }
}
