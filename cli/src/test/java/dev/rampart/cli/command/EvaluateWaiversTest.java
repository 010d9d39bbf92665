package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rampart evaluate --waivers FILE}: accepted findings are reported as waived and do not fail
 * the gate; an expired waiver fails it; a malformed waiver file stops the run before evaluating.
 */
class EvaluateWaiversTest {

  private static final String FIXTURES = "src/test/resources/";
  private static final String PACK = FIXTURES + "packs/test-pack.yaml";
  private static final String SITE = FIXTURES + "inventories/site.yaml";
  private static final String SITE_WAIVERS = FIXTURES + "waivers/site-waivers.yaml";
  private static final String EXPIRED = FIXTURES + "waivers/expired.yaml";
  private static final String BROKEN = FIXTURES + "waivers/broken.yaml";
  private static final String BROKEN_PACK = FIXTURES + "packs/broken-pack.yaml";
  private static final String NOW = "2026-11-25";

  @TempDir Path dir;

  @Nested
  class TextReport {

    @Test
    void waivedResultsHaveTheirOwnSectionAndExpiredWaiversAreListed() {
      CliRun run = CliRun.of(
          "evaluate", SITE, "--pack", PACK, "--now", NOW, "--waivers", SITE_WAIVERS, "--waivers", EXPIRED);

      assertEquals("""
          rampart dev: evaluated 5 facts (3 devices, 1 network, 1 vendor) at 2026-11-25T00:00:00Z
          Pack: cli-test 1.2.0 (CLI test pack) from src/test/resources/packs/test-pack.yaml

          CRITICAL (1 finding)
            FAIL     TST-001  device/cam-01  cam-01 still accepts its factory default password
                     credentials.defaultPassword = true (expected equals false)
                     at src/test/resources/inventories/site.yaml:10:5

          LOW (1 finding)
            FAIL     TST-003  device/cam-02  cam-02 has no documented owner
                     owner = absent (expected exists true)
                     at src/test/resources/inventories/site.yaml:19:5

          Waived (3 results)
            FAIL     TST-002  device/cam-02  cam-02 runs unsigned firmware 3.0.0
                     waived until 2026-12-31, approved by jane.doe (CISO) (ticket SEC-1234): Vendor-signed
                       build ships in December
                     at src/test/resources/inventories/site.yaml:19:5
                     waiver at src/test/resources/waivers/site-waivers.yaml:6:5
            UNKNOWN  TST-002  device/cam-03  evidence missing to decide: firmware.signed
                     waived until 2026-11-25, approved by sam.lee: Facilities cameras are replaced in Q1
                     at src/test/resources/inventories/site.yaml:27:5
                     waiver at src/test/resources/waivers/site-waivers.yaml:12:5
            UNKNOWN  TST-004  device/cam-03  evidence missing to decide: firmware.version
                     waived until 2026-11-25, approved by sam.lee: Facilities cameras are replaced in Q1
                     at src/test/resources/inventories/site.yaml:27:5
                     waiver at src/test/resources/waivers/site-waivers.yaml:12:5

          Expired waivers (1)
            TST-001 for cam-01: expired 2026-11-24, renew or remove it
                     approved by jane.doe (CISO) (ticket https://tracker.example.com/browse/SEC-1198):
                       Password reset scheduled with the integrator
                     at src/test/resources/waivers/expired.yaml:5:5

          Requirements (4: 2 not satisfied, 2 waived)
            G11  NOT SATISFIED  TST-001 1 FAIL, 2 PASS
            G21  WAIVED         TST-002 2 waived, 1 PASS
            G24  WAIVED         TST-004 1 waived, 2 PASS
            G42  NOT SATISFIED  TST-003 1 FAIL, 2 PASS

          Summary
            Results   12: 7 PASS, 3 FAIL, 2 UNKNOWN, 0 NOT_APPLICABLE, 0 ERROR
            Findings  identity 1, patching 3, operations 1
            Waived    3: 1 FAIL, 2 UNKNOWN; 1 expired waiver
            Gate      FAILED: 1 FAIL or ERROR result at severity high or above, 1 expired waiver (--fail-on
                      high)
          """, run.out());
      assertEquals("", run.err());
      assertEquals(1, run.exitCode());
    }

    @Test
    void whenEveryFindingIsWaivedTheReportSaysSo() throws IOException {
      Path waivers = write("all.yaml", """
          apiVersion: rampart.dev/v1
          kind: Waivers
          waivers:
            - {rule: "*", justification: Site is decommissioned in December, approvedBy: sam.lee, expires: 2026-12-31}
          """);

      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--waivers", waivers.toString());

      assertTrue(run.out().contains("\nNo findings other than waived ones.\n\nWaived (5 results)\n"), run.out());
      assertTrue(run.out().endsWith("""
            Waived    5: 3 FAIL, 2 UNKNOWN
            Gate      PASSED: no FAIL or ERROR result at severity high or above (--fail-on high)
          """), run.out());
      assertEquals(0, run.exitCode());
    }
  }

  @Nested
  class Gate {

    @Test
    void ignoresWaivedFails() throws IOException {
      Path waivers = write("cam-01.yaml", """
          apiVersion: rampart.dev/v1
          kind: Waivers
          waivers:
            - rule: TST-001
              factId: cam-01
              justification: Password is reset at the next maintenance window
              approvedBy: jane.doe (CISO)
              expires: 2026-12-01
          """);

      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW,
          "--waivers", SITE_WAIVERS, "--waivers", waivers.toString());

      assertEquals(0, run.exitCode(), run.out());
      assertTrue(run.out().endsWith(
          "  Gate      PASSED: no FAIL or ERROR result at severity high or above (--fail-on high)\n"), run.out());
      assertEquals("", run.err());
    }

    @Test
    void anExpiredWaiverFailsItEvenWhenNoResultDoes() throws IOException {
      Path waivers = write("lapsed.yaml", """
          apiVersion: rampart.dev/v1
          kind: Waivers
          waivers:
            - {rule: TST-001, factId: cam-01, justification: reset booked, approvedBy: jane, expires: 2026-12-01}
            - {rule: TST-003, factId: cam-02, justification: owner being hired, approvedBy: sam, expires: 2026-10-31}
          """);

      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW,
          "--waivers", SITE_WAIVERS, "--waivers", waivers.toString());

      assertEquals(1, run.exitCode());
      assertTrue(run.out().contains("""
          Expired waivers (1)
            TST-003 for cam-02: expired 2026-10-31, renew or remove it
                     approved by sam: owner being hired
          """), run.out());
      assertTrue(run.out().endsWith("  Gate      FAILED: 1 expired waiver (--fail-on high)\n"), run.out());
    }

    @Test
    void aWaiverIsValidThroughItsExpiryDay() {
      CliRun lastDay = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", "2026-11-25T23:59:59Z",
          "--waivers", SITE_WAIVERS, "--format", "json");
      CliRun dayAfter = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", "2026-11-26",
          "--waivers", SITE_WAIVERS, "--format", "json");

      assertTrue(lastDay.out().contains("\"waived\" : 3,"), lastDay.out());
      assertTrue(dayAfter.out().contains("""
              "waivers" : {
                "waived" : 1,
                "expired" : [ {
                  "rule" : "TST-00?",
                  "factType" : "device",
                  "factId" : "*-03",
                  "where" : {
                    "field" : "owner",
                    "equals" : "facilities"
                  },
                  "justification" : "Facilities cameras are replaced in Q1",
                  "approvedBy" : "sam.lee",
                  "expires" : "2026-11-25",
                  "location" : "src/test/resources/waivers/site-waivers.yaml:12:5"
                } ]
              }
          """), dayAfter.out());
    }
  }

  @Nested
  class Reports {

    @Test
    void jsonMarksWaivedResultsWithTheirWaiver() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--waivers", SITE_WAIVERS,
          "--format", "json", "--only-findings");

      assertTrue(run.out().contains("""
              "remediation" : "Install vendor-signed firmware.",
              "waived" : true,
              "waiver" : {
                "justification" : "Vendor-signed build ships in December",
                "approvedBy" : "jane.doe (CISO)",
                "expires" : "2026-12-31",
                "ticket" : "SEC-1234",
                "location" : "src/test/resources/waivers/site-waivers.yaml:6:5"
              },
          """), run.out());
      assertTrue(run.out().contains("""
              "remediation" : "Set a unique password on every device.",
              "waived" : false,
              "location" : {
          """), run.out());
      assertTrue(run.out().contains("""
              "waivers" : {
                "waived" : 3,
                "expired" : [ ]
              }
          """), run.out());
    }

    @Test
    void sarifSuppressesWaivedResultsAsAcceptedExternally() throws IOException {
      Path sarif = dir.resolve("rampart.sarif");

      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--waivers", SITE_WAIVERS,
          "--format", "sarif:" + sarif);

      assertEquals(1, run.exitCode(), run.err());
      String log = Files.readString(sarif);
      assertTrue(log.contains("""
                "suppressions" : [ {
                  "kind" : "external",
                  "status" : "accepted",
                  "justification" : "Vendor-signed build ships in December",
                  "properties" : {
                    "approvedBy" : "jane.doe (CISO)",
                    "expires" : "2026-12-31",
                    "ticket" : "SEC-1234",
                    "waiverLocation" : "src/test/resources/waivers/site-waivers.yaml:6:5"
                  }
                } ],
          """), log);
      assertEquals(3, log.split("\"suppressions\"", -1).length - 1, "one per waived result");
    }

    @Test
    void junitSkipsWaivedResultsWithTheWaiverAsMessage() throws IOException {
      Path junit = dir.resolve("rampart.xml");

      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--waivers", SITE_WAIVERS,
          "--format", "junit:" + junit);

      assertEquals(1, run.exitCode(), run.err());
      String xml = Files.readString(junit);
      assertTrue(xml.contains("""
              <testcase name="device/cam-02" classname="rampart.patching.TST-002" time="0">
                <skipped message="waived: Vendor-signed build ships in December (approved by jane.doe (CISO), until 2026-12-31, ticket SEC-1234)"/>
              </testcase>
          """), xml);
      assertTrue(xml.contains("<testsuites name=\"rampart\" time=\"0\" tests=\"12\" errors=\"0\" skipped=\"3\" failures=\"2\">"),
          xml);
    }
  }

  @Nested
  class WarnExpiring {

    @Test
    void eachWaiverInForceThatExpiresWithinThePeriodIsAWarningAndAReportSectionAndTheExitCodeStays() {
      CliRun quiet = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", "2026-12-17", "--waivers", SITE_WAIVERS);
      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", "2026-12-17", "--waivers", SITE_WAIVERS,
          "--warn-expiring", "P14D");

      assertEquals("""
          rampart: warning: waiver TST-002 for cam-02 (ticket SEC-1234) at src/test/resources/waivers/site-waivers.yaml:6:5 \
          expires on 2026-12-31, in 14 days (renew it or fix the finding)
          """, run.err());
      assertEquals(quiet.exitCode(), run.exitCode());
      String expiring = """

          Waivers expiring within P14D (1)
            TST-002 for cam-02: expires on 2026-12-31, in 14 days, renew it or fix the finding
                     approved by jane.doe (CISO) (ticket SEC-1234): Vendor-signed build ships in December
                     at src/test/resources/waivers/site-waivers.yaml:6:5
          """;
      assertEquals(quiet.out().replace("\n\nRequirements (", "\n" + expiring + "\nRequirements ("), run.out());
    }

    @Test
    void theJsonReportListsTheExpiringWaiversWithTheirDaysLeft() throws IOException {
      Path report = dir.resolve("report.json");

      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", "2026-12-17", "--waivers", SITE_WAIVERS,
          "--warn-expiring", "P14D", "--format", "json:" + report);

      assertEquals(1, run.exitCode(), run.err());
      assertEquals("""
          {"within":"P14D","waivers":[{"rule":"TST-002","factId":"cam-02",\
          "justification":"Vendor-signed build ships in December","approvedBy":"jane.doe (CISO)",\
          "expires":"2026-12-31","ticket":"SEC-1234","location":"src/test/resources/waivers/site-waivers.yaml:6:5",\
          "daysLeft":14}]}""", new ObjectMapper().readTree(Files.readString(report)).at("/summary/waivers/expiring").toString());
    }

    @Test
    void daysAreCountedFromNowAndAWaiverOnItsLastDayExpiresToday() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", "2026-11-25T23:00:00Z",
          "--waivers", SITE_WAIVERS, "--warn-expiring", "36d");

      assertEquals("""
          rampart: warning: waiver TST-002 for cam-02 (ticket SEC-1234) at src/test/resources/waivers/site-waivers.yaml:6:5 \
          expires on 2026-12-31, in 36 days (renew it or fix the finding)
          rampart: warning: waiver TST-00? for device *-03 where owner = facilities at \
          src/test/resources/waivers/site-waivers.yaml:12:5 expires on 2026-11-25, today (renew it or fix the finding)
          """, run.err());
    }

    @Test
    void aWaiverThatExpiresAfterThePeriodOrHasExpiredIsNotWarnedAbout() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", "2026-11-26",
          "--waivers", SITE_WAIVERS, "--warn-expiring", "P34D");

      assertEquals("", run.err());
    }

    @Test
    void aPeriodThatIsNoneIsAUsageError() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--waivers", SITE_WAIVERS, "--warn-expiring", "2 weeks");

      assertEquals(2, run.exitCode());
      assertTrue(run.err().startsWith("""
          Invalid value for option '--warn-expiring': '2 weeks' is not a period (write it in ISO-8601, e.g. P14D \
          for 14 days or P1M for a month, or in days, e.g. 14d)
          """), run.err());
      assertEquals("", run.out());
    }
  }

  @Nested
  class InputErrors {

    @Test
    void aMalformedWaiverFileListsEveryMistakeAndNothingIsEvaluatedOrWritten() {
      Path report = dir.resolve("report.json");

      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--waivers", BROKEN,
          "--format", "json:" + report);

      assertEquals(2, run.exitCode());
      assertEquals("""
          4 problems in waiver file:
          1. src/test/resources/waivers/broken.yaml:4:5: waivers[0]: missing 'justification' \
          (say why the findings are accepted)
          2. src/test/resources/waivers/broken.yaml:4:11: waivers[0].rule: no rule 'TST-02' in the packs \
          (did you mean 'TST-002'?)
          3. src/test/resources/waivers/broken.yaml:6:5: waivers[0]: unknown key 'justfication' \
          (did you mean 'justification'?)
          4. src/test/resources/waivers/broken.yaml:8:14: waivers[0].expires: '2026-12-32' is not a date \
          (write YYYY-MM-DD, e.g. 2026-12-31)
          """, run.err());
      assertEquals("", run.out());
      assertFalse(Files.exists(report));
    }

    @Test
    void withABrokenPackTheWaiverFileIsStillCheckedButNotItsRuleIds() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", BROKEN_PACK, "--waivers", BROKEN);

      assertEquals(2, run.exitCode());
      assertTrue(run.err().contains("""
          3 problems in waiver file:
          1. src/test/resources/waivers/broken.yaml:4:5: waivers[0]: missing 'justification' \
          (say why the findings are accepted)
          2. src/test/resources/waivers/broken.yaml:6:5: waivers[0]: unknown key 'justfication' \
          (did you mean 'justification'?)
          """), run.err());
      assertTrue(run.err().startsWith("2 problems in rule pack:\n"), run.err());
    }

    @Test
    void aMissingWaiverFile() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--waivers", FIXTURES + "waivers/absent.yaml");

      assertEquals(2, run.exitCode());
      assertEquals("""
          1 problem in waiver file:
          1. src/test/resources/waivers/absent.yaml: the waiver file does not exist (check the path)
          """, run.err());
    }
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
