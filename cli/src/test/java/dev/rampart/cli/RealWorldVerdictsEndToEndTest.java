package dev.rampart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The wrong verdicts found by trying the built-in pack on inputs spelled the way real scanners, CMDBs
 * and cloud consoles spell them, each run end to end through {@code rampart evaluate} with the
 * built-in pack at the docs' evaluation date: every one now gives the right verdict.
 */
class RealWorldVerdictsEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** Runs the built-in pack over one inventory and returns the JSON report. */
  private JsonNode evaluate(String inventory, String... extraArgs) throws IOException {
    Path file = dir.resolve("site.yaml");
    Files.writeString(file, inventory);
    Path report = dir.resolve("report.json");
    List<String> args = new ArrayList<>(List.of(
        "evaluate", file.toString(), "--now", "2026-11-25", "--fail-on", "never", "--format", "json:" + report));
    args.addAll(List.of(extraArgs));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), () -> "rampart evaluate failed:\n" + run.err());
    return JSON.readTree(report.toFile());
  }

  private static String outcome(JsonNode report, String ruleId, String factId) {
    for (JsonNode result : report.path("results")) {
      if (result.path("ruleId").asText().equals(ruleId) && result.path("factId").asText().equals(factId)) {
        return result.path("outcome").asText();
      }
    }
    throw new AssertionError("no result of " + ruleId + " for " + factId);
  }

  private static String device(String id, String body) {
    return "devices:\n  - id: " + id + "\n    lifecycle: {status: active}\n" + body.indent(4);
  }

  @Nested
  class ListParametersWrittenAsTheDocsWriteThem {

    @Test
    void theBracketFormIsAListSoTls11OnAServiceFails() throws IOException {
      JsonNode report = evaluate(
          device("gw-1", "services: [{name: https, port: 443, protocol: https, state: open, tls: true, tlsVersions: [\"1.1\"]}]"),
          "--param", "weakTlsVersions=[1.0, 1.1]");
      assertEquals("FAIL", outcome(report, "PRC-004", "gw-1"));
    }

    @ParameterizedTest(name = "--param {0} is refused with its range")
    @CsvSource(delimiter = '|', value = {"minRsaKeySize=-5|minRsaKeySize", "maxFirmwareAge=P-1D|maxFirmwareAge"})
    void outOfRangeValuesAreRefused(String param, String name) throws IOException {
      Path file = dir.resolve("site.yaml");
      Files.writeString(file, device("gw-1", "owner: ops"));
      CliRun run = CliRun.of("evaluate", file.toString(), "--now", "2026-11-25", "--param", param);
      assertEquals(2, run.exitCode(), run.err());
      assertTrue(run.err().contains(name), run.err());
    }
  }

  @Nested
  class EnumeratedValuesInTheSpellingsToolsUse {

    @Test
    void telnetSpelledWithACapitalOnAnotherPortFails() throws IOException {
      JsonNode report = evaluate(device("cam-1", "services: [{port: 8023, protocol: Telnet, state: open}]"));
      assertEquals("FAIL", outcome(report, "INT-005", "cam-1"));
    }

    @Test
    void mqttInCapitalsWithoutTlsFails() throws IOException {
      JsonNode report = evaluate(device("cam-1", "services: [{port: 9001, protocol: MQTT, state: open, tls: false}]"));
      assertEquals("FAIL", outcome(report, "INT-008", "cam-1"));
    }

    @Test
    void tlsVersionsAsNmapAndOpenSslSpellThemFail() throws IOException {
      JsonNode report = evaluate(
          device("cam-1", "services: [{port: 443, protocol: https, state: open, tls: true, tlsVersions: [TLSv1.0]}]"));
      assertEquals("FAIL", outcome(report, "PRC-004", "cam-1"));
    }

    @Test
    void aBlankOwnerIsNoOwner() throws IOException {
      JsonNode report = evaluate(device("cam-1", "owner: \" \""));
      assertEquals("FAIL", outcome(report, "OPS-002", "cam-1"));
    }
  }

  @Nested
  class AddressesComparedAsAddresses {

    @Test
    void aDestinationInsideAnAllowlistedNetworkPasses() throws IOException {
      JsonNode report = evaluate(device("cam-1", "outboundDestinations: [192.0.2.5]\negressAllowlist: [192.0.2.0/28]"));
      assertEquals("PASS", outcome(report, "SEG-005", "cam-1"));
    }

    @ParameterizedTest(name = "allow-all egress written as {0} fails")
    @CsvSource(delimiter = '|', value = {"[\"0.0.0.0/1\", \"128.0.0.0/1\"]", "[\"::0/0\"]"})
    void allowAllEgressWrittenAsSplitRangesFails(String allowlist) throws IOException {
      JsonNode report = evaluate(
          "networks:\n  - id: iot-net\n    zone: iot\n    egress: {defaultDeny: true, allowlist: " + allowlist + "}\n");
      assertEquals("FAIL", outcome(report, "SEG-004", "iot-net"));
    }
  }

  @Nested
  class WildcardsInCloudPolicies {

    @ParameterizedTest(name = "{0} reaches other devices and fails")
    @CsvSource({
        "arn:aws:iot:eu-west-1:123456789012:topic/$aws/things/*/shadow/update",
        "arn:aws:iot:eu-west-1:123456789012:topicfilter/+/#",
    })
    void aResourceAcrossTheFleetFails(String resource) throws IOException {
      JsonNode report = evaluate(device("cam-1",
          "accessPolicy: {actions: [\"iot:Publish\"], resources: [\"" + resource + "\"]}"));
      assertEquals("FAIL", outcome(report, "IDN-016", "cam-1"));
    }

    @Test
    void aResourceScopedToTheDeviceByAPolicyVariablePasses() throws IOException {
      JsonNode report = evaluate(device("cam-1", "accessPolicy: {actions: [\"iot:Publish\"], resources: "
          + "[\"arn:aws:iot:eu-west-1:123456789012:topic/$aws/things/${iot:Connection.Thing.ThingName}/shadow/update\"]}"));
      assertEquals("PASS", outcome(report, "IDN-016", "cam-1"));
    }
  }

  @Test
  void buildMetadataDoesNotMakeAVersionOlder() throws IOException {
    JsonNode report = evaluate(device("cam-1", "firmware: {version: 3.1.0+build7, latestVersion: 3.1.0}"));
    assertEquals("PASS", outcome(report, "PAT-009", "cam-1"));
  }

  @Nested
  class MissingEvidenceIsUnknown {

    @Test
    void certificateAuthenticationWithNoCertificateReportedIsUnknownForTheCertificateRules() throws IOException {
      JsonNode report = evaluate(device("cam-1", "credentials: {authMethod: certificate}"));
      assertEquals("UNKNOWN", outcome(report, "IDN-007", "cam-1"));
    }

    @Test
    void aServiceOnTheMqttsPortWithNoTlsReportedIsUnknown() throws IOException {
      JsonNode report = evaluate(device("cam-1", "services: [{port: 8883, state: open}]"));
      assertEquals("UNKNOWN", outcome(report, "INT-008", "cam-1"));
    }
  }
}
