package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several sources about one device, end to end: an inventory, an nmap scan (found to be the same
 * device by its MAC address) and a MUD file (by its id) merge into one device; evidence names the
 * source of each value, conflicts are listed, {@code --source-precedence} decides which value wins,
 * and {@code --allow-partial} goes on without a source that cannot be read.
 */
class EvaluateMergedSourcesTest {

  private static final String MERGE = "src/test/resources/merge/";
  private static final String PACK = MERGE + "merge-pack.yaml";
  private static final String SITE = MERGE + "site.yaml";
  private static final String SCAN = "nmap:" + MERGE + "scan.xml";
  private static final String TRUNCATED_SCAN = "nmap:" + MERGE + "truncated-scan.xml";
  private static final String MUD = "mud:" + MERGE + "camera-x100.json";
  private static final String NOW = "2026-11-25";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static CliRun evaluate(String... more) {
    List<String> args = new ArrayList<>(List.of("evaluate", SITE, "--source", SCAN, "--source", MUD,
        "--source-option", "devices=cam-dock-01", "--pack", PACK, "--now", NOW));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Nested
  class PartlyRead {

    @Test
    void whatASourceCouldNotReadIsAWarningAndItsRulesAreUnknown() {
      CliRun run = evaluate("--source", "partly:cam-dock-01", "--source-precedence", "inventory,nmap,mud,partly");

      assertEquals("""
          rampart: warning: partly:cam-dock-01: device 'cam-dock-01': its services were refused; they stay \
          unknown, so the rules over them are UNKNOWN (allow the reader to list services)
          """, run.err());
      assertEquals(1, run.exitCode(), "the findings of the other sources still fail the gate");
    }
  }

  @Nested
  class Merging {

    @Test
    void threeSourcesGiveOneDeviceWhoseEvidenceNamesWhereEachValueCameFrom() {
      CliRun run = evaluate();

      assertEquals("", run.err());
      assertEquals(1, run.exitCode());
      assertEquals("""
          rampart dev: evaluated 3 facts (1 device, 1 network, 1 vendor) at 2026-11-25T00:00:00Z
          Pack: merge-test 1.0.0 (Merge test pack) from src/test/resources/merge/merge-pack.yaml

          HIGH (2 findings)
            FAIL     MRG-002  device/cam-dock-01  cam-dock-01 has telnet enabled
                     services[1].protocol = telnet (expected notEquals telnet)
                       from nmap:src/test/resources/merge/scan.xml:15:51
                     at src/test/resources/merge/site.yaml:11:5
            FAIL     MRG-003  device/cam-dock-01  cam-dock-01 sends traffic outside its egress allowlist
                     outboundDestinations[1] = 203.0.113.9 (expected in egressAllowlist ([video.example.com,
                       192.0.2.0/28, mud:same-manufacturer, mud:controller:urn:ietf:params:mud:dns,
                       2001:db8:7::/48, mud:local-networks]))
                     at src/test/resources/merge/site.yaml:11:5

          MEDIUM (1 finding)
            FAIL     MRG-004  device/cam-dock-01  the vendor of cam-dock-01 runs no vulnerability disclosure
                     programme
                     vendor.disclosureProgram = false (expected equals true)
                       from inventory:src/test/resources/merge/site.yaml:4:5
                     at src/test/resources/merge/site.yaml:11:5

          Conflicts between sources (2)
            device/cam-dock-01  name
                     kept Dock camera 1 from inventory:src/test/resources/merge/site.yaml:11:5
                     overruled cam-dock-01.harbourside.example from
                       nmap:src/test/resources/merge/scan.xml:15:51
            device/cam-dock-01  model
                     kept Q1615 from inventory:src/test/resources/merge/site.yaml:11:5
                     overruled X100 from mud:src/test/resources/merge/camera-x100.json:2:19

          Summary
            Results   4: 1 PASS, 3 FAIL, 0 UNKNOWN, 0 NOT_APPLICABLE, 0 ERROR
            Findings  procurement 1, segmentation 1, interfaces 1
            Sources   2 conflicts between sources
            Gate      FAILED: 2 FAIL or ERROR results at severity high or above (--fail-on high)
          """, run.out());
    }

    @Test
    void theJsonReportNamesTheSourceOfEveryValueAndListsTheConflicts() throws IOException {
      JsonNode report = JSON.readTree(evaluate("--format", "json").out());

      assertEquals("nmap:src/test/resources/merge/scan.xml:15:51", evidence(report, "MRG-002").get("source").asText());
      assertEquals("inventory:src/test/resources/merge/site.yaml:11:5",
          evidence(report, "MRG-003").get("source").asText());
      assertEquals("inventory:src/test/resources/merge/site.yaml:4:5", evidence(report, "MRG-004").get("source").asText(),
          "a value read through the vendor reference comes from the vendor's record");
      JsonNode telnet = result(report, "MRG-002");
      assertEquals("""
          {"file":"src/test/resources/merge/site.yaml","line":11,"column":5}""", telnet.get("location").toString(),
          "the merged device is where its record of highest precedence is");
      assertEquals(2, telnet.get("conflicts").size());
      assertEquals("""
          [{"factType":"device","factId":"cam-dock-01","field":"name",\
          "kept":{"value":"Dock camera 1","source":"inventory:src/test/resources/merge/site.yaml:11:5"},\
          "overruled":[{"value":"cam-dock-01.harbourside.example","source":"nmap:src/test/resources/merge/scan.xml:15:51"}]},\
          {"factType":"device","factId":"cam-dock-01","field":"model",\
          "kept":{"value":"Q1615","source":"inventory:src/test/resources/merge/site.yaml:11:5"},\
          "overruled":[{"value":"X100","source":"mud:src/test/resources/merge/camera-x100.json:2:19"}]}]""",
          report.at("/summary/conflicts").toString());
      assertEquals(1, report.at("/summary/facts/device").asInt(), "one device, not three");
    }

    @Test
    void sarifAndHtmlNameTheSourcesToo() throws IOException {
      Path sarif = dir.resolve("report.sarif");
      Path html = dir.resolve("report.html");

      CliRun run = evaluate("--format", "sarif:" + sarif, "--format", "html:" + html);

      assertEquals(1, run.exitCode(), run.err());
      JsonNode log = JSON.readTree(Files.readString(sarif, StandardCharsets.UTF_8));
      JsonNode telnet = log.at("/runs/0/results").get(0);
      assertEquals("MRG-002", telnet.get("ruleId").asText());
      assertEquals("nmap:src/test/resources/merge/scan.xml:15:51", telnet.at("/properties/evidence/0/source").asText());
      assertEquals("src/test/resources/merge/site.yaml",
          telnet.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
      Matcher data = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>",
          Pattern.DOTALL).matcher(Files.readString(html, StandardCharsets.UTF_8));
      assertTrue(data.find());
      assertTrue(data.group(1).contains("\"source\":\"nmap:src/test/resources/merge/scan.xml:15:51\""), data.group(1));
    }

    @Test
    void explainNamesTheSourceOfEachValueItRead() {
      CliRun run = CliRun.of("explain", "--rule", "MRG-002", "--fact", "cam-dock-01", SITE, "--source", SCAN,
          "--pack", PACK, "--now", NOW);

      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.out().contains("""
              HOLDS    protocol equals telnet
                         services[1].protocol = telnet (expected equals telnet)
                           from nmap:src/test/resources/merge/scan.xml:15:51
          """), run.out());
    }

    @Test
    void conflictsNeverChangeTheExitCode() {
      CliRun run = evaluate("--fail-on", "never");

      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.out().contains("Conflicts between sources (2)"), run.out());
    }
  }

  /**
   * One host scanned twice (python-libnmap's real scans of 127.0.0.1, see the PROVENANCE.md beside
   * them): the device has the services of both, evidence names the scan that saw each, and the one
   * service they describe differently is a conflict every report shows in plain values.
   */
  @Nested
  class ScannedTwice {

    private static final String VERSION_SCAN =
        "../sources/src/test/resources/dev/rampart/sources/merge/real-world/libnmap-localhost-version-scan.xml";
    private static final String OTHER_RUN =
        "../adapters/nmap/src/test/resources/dev/rampart/adapter/nmap/real-world/libnmap-os-banner-scripts-nmap551.xml";

    private CliRun scannedTwice(String... more) {
      List<String> args = new ArrayList<>(List.of("evaluate", "--source", "nmap:" + VERSION_SCAN,
          "--source", "nmap:" + OTHER_RUN, "--pack", MERGE + "scanned-twice-pack.yaml", "--now", NOW));
      args.addAll(List.of(more));
      return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void theTextReportNamesTheScanThatSawAServiceAndTheConflictByItsPort() {
      CliRun run = scannedTwice();

      assertEquals(1, run.exitCode(), run.err());
      assertEquals("""
          rampart dev: evaluated 1 fact (1 device) at 2026-11-25T00:00:00Z
          Pack: scanned-twice 1.0.0 (Scanned twice) from src/test/resources/merge/scanned-twice-pack.yaml

          HIGH (1 finding)
            FAIL     TWC-001  device/127.0.0.1  127.0.0.1 serves plain HTTP
                     services[5].port = 80 (expected notEquals 80)
                       from
                         nmap:../adapters/nmap/src/test/resources/dev/rampart/adapter/nmap/real-world/libnmap-
                         os-banner-scripts-nmap551.xml:7:51
                     at
                       ../sources/src/test/resources/dev/rampart/sources/merge/real-world/libnmap-localhost-ve
                       rsion-scan.xml:13:51

          Conflicts between sources (1)
            device/127.0.0.1  services[3306/tcp].productVersion
                     kept 5.1.61 from
                       nmap:../sources/src/test/resources/dev/rampart/sources/merge/real-world/libnmap-localho
                       st-version-scan.xml:13:51
                     overruled 5.1.67 from
                       nmap:../adapters/nmap/src/test/resources/dev/rampart/adapter/nmap/real-world/libnmap-os
                       -banner-scripts-nmap551.xml:7:51

          Summary
            Results   1: 0 PASS, 1 FAIL, 0 UNKNOWN, 0 NOT_APPLICABLE, 0 ERROR
            Findings  interfaces 1
            Sources   1 conflict between sources
            Gate      FAILED: 1 FAIL or ERROR result at severity high or above (--fail-on high)
          """, run.out());
    }

    @Test
    void theJsonReportListsTheConflictAsFieldAndClaims() throws IOException {
      JsonNode report = JSON.readTree(scannedTwice("--format", "json").out());

      assertEquals("""
          [{"factType":"device","factId":"127.0.0.1","field":"services[3306/tcp].productVersion",\
          "kept":{"value":"5.1.61","source":"nmap:%s:13:51"},\
          "overruled":[{"value":"5.1.67","source":"nmap:%s:7:51"}]}]""".formatted(VERSION_SCAN, OTHER_RUN),
          report.at("/summary/conflicts").toString());
      assertEquals("nmap:" + OTHER_RUN + ":7:51", evidence(report, "TWC-001").get("source").asText());
    }

    @Test
    void theHtmlReportListsTheConflict() throws IOException {
      Path html = dir.resolve("report.html");

      assertEquals(1, scannedTwice("--format", "html:" + html).exitCode());
      assertTrue(Files.readString(html, StandardCharsets.UTF_8).contains("""
          <li><span class="mono">device/127.0.0.1 services[3306/tcp].productVersion</span>: kept \
          <span class="mono">5.1.61</span> from <span class="mono">nmap:%s:13:51</span>; overruled \
          <span class="mono">5.1.67</span> from <span class="mono">nmap:%s:7:51</span></li>""".formatted(
              VERSION_SCAN, OTHER_RUN)));
    }
  }

  @Nested
  class Precedence {

    @Test
    void byDefaultTheInventoryWins() {
      assertTrue(evaluate().out().contains("""
            device/cam-dock-01  name
                     kept Dock camera 1 from inventory:src/test/resources/merge/site.yaml:11:5
          """));
    }

    @Test
    void theSourceListedFirstWins() {
      CliRun run = evaluate("--source-precedence", "nmap,mud,inventory");

      assertEquals("", run.err());
      assertTrue(run.out().contains("""
          Conflicts between sources (2)
            device/10.110.0.21  name
                     kept cam-dock-01.harbourside.example from nmap:src/test/resources/merge/scan.xml:15:51
                     overruled Dock camera 1 from inventory:src/test/resources/merge/site.yaml:11:5
            device/10.110.0.21  model
                     kept X100 from mud:src/test/resources/merge/camera-x100.json:2:19
                     overruled Q1615 from inventory:src/test/resources/merge/site.yaml:11:5
          """), "the scan's values win, its id included: " + run.out());
    }

    @Test
    void identityKeysDecideWhichRecordsAreOneDevice() {
      CliRun run = evaluate("--identity-keys", "id");

      assertTrue(run.out().startsWith(
          "rampart dev: evaluated 4 facts (2 devices, 1 network, 1 vendor) at 2026-11-25T00:00:00Z\n"),
          "without the MAC address as a key, the scanned host is a device of its own: " + run.out());
      assertTrue(run.out().contains("FAIL     MRG-002  device/10.110.0.21  10.110.0.21 has telnet enabled"), run.out());
    }

    @Test
    void anUnknownIdentityKeyOrSourceTypeIsAnInputError() {
      CliRun run = evaluate("--identity-keys", "id,serial-number", "--source-precedence", "nmpa");

      assertEquals(2, run.exitCode());
      assertEquals("""
          --identity-keys: 'serial-number' is not an identity key (use id, serial, mac, ip)
          """, run.err().lines().findFirst().orElseThrow() + "\n");
      assertTrue(run.err().contains("--source-precedence: unknown fact source 'nmpa' (available: "), run.err());
      assertEquals("", run.out());
    }
  }

  @Nested
  class AllowPartial {

    @Test
    void aSourceThatCannotBeReadIsAnInputErrorByDefault() {
      CliRun run = CliRun.of("evaluate", SITE, "--source", TRUNCATED_SCAN, "--pack", PACK, "--now", NOW);

      assertEquals(2, run.exitCode());
      assertEquals("""
          src/test/resources/merge/truncated-scan.xml:27:61: the file ends in the middle of the scan \
          (it is truncated, or nmap was interrupted; run the scan again and let it finish)
          """, run.err());
      assertEquals("", run.out());
    }

    @Test
    void withAllowPartialTheOtherSourcesAreEvaluatedAndTheReportsListTheFailedOne() throws IOException {
      Path json = dir.resolve("report.json");

      CliRun run = CliRun.of("evaluate", SITE, "--source", TRUNCATED_SCAN, "--pack", PACK, "--now", NOW,
          "--allow-partial", "--format", "text", "--format", "json:" + json);

      assertEquals(0, run.exitCode(), "a missing source makes rules UNKNOWN, which do not fail the gate");
      assertEquals("""
          rampart: warning: nmap:src/test/resources/merge/truncated-scan.xml could not be read; \
          evaluating without it (--allow-partial):
            src/test/resources/merge/truncated-scan.xml:27:61: the file ends in the middle of the scan \
          (it is truncated, or nmap was interrupted; run the scan again and let it finish)
          """, run.err());
      assertTrue(run.out().contains("""
            UNKNOWN  MRG-002  device/cam-dock-01  evidence missing to decide: services
                     services = absent (expected a list)
          """), "only the scan could say which services run: " + run.out());
      assertTrue(run.out().contains("""
          Sources not read (1, --allow-partial)
            nmap:src/test/resources/merge/truncated-scan.xml
                     src/test/resources/merge/truncated-scan.xml:27:61: the file ends in the middle of the
                       scan (it is truncated, or nmap was interrupted; run the scan again and let it finish)
                     facts only these sources supply are absent; rules that need them are UNKNOWN
          """), run.out());
      JsonNode report = JSON.readTree(Files.readString(json, StandardCharsets.UTF_8));
      assertEquals("""
          [{"source":"nmap:src/test/resources/merge/truncated-scan.xml",\
          "problem":"src/test/resources/merge/truncated-scan.xml:27:61: the file ends in the middle of the scan \
          (it is truncated, or nmap was interrupted; run the scan again and let it finish)","problemCount":1}]""",
          report.at("/summary/failedSources").toString());
    }

    @Test
    void atLeastOneSourceMustBeRead() {
      CliRun run = CliRun.of("evaluate", "--source", TRUNCATED_SCAN, "--pack", PACK, "--allow-partial");

      assertEquals(2, run.exitCode());
      assertEquals("""
          src/test/resources/merge/truncated-scan.xml:27:61: the file ends in the middle of the scan \
          (it is truncated, or nmap was interrupted; run the scan again and let it finish)
          no source could be read: --allow-partial goes on without the sources that fail, but at least one \
          must be read (fix one of the sources above)
          """, run.err());
      assertEquals("", run.out());
    }

    @Test
    void aMistakeInASourcesConfigurationIsNeverLeftOut() {
      CliRun run = CliRun.of("evaluate", SITE, "--source", MUD, "--pack", PACK, "--allow-partial");

      assertEquals(2, run.exitCode(), "no retry fixes a missing option: " + run.out());
      assertTrue(run.err().contains("no device is named"), run.err());
    }
  }

  private static JsonNode result(JsonNode report, String ruleId) {
    for (JsonNode result : report.get("results")) {
      if (result.get("ruleId").asText().equals(ruleId)) {
        return result;
      }
    }
    throw new AssertionError("no result of " + ruleId);
  }

  private static JsonNode evidence(JsonNode report, String ruleId) {
    return result(report, ruleId).get("evidence").get(0);
  }
}
