package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.value.Outcome;
import dev.rampart.spi.fact.AuthMethod;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.Network;
import dev.rampart.spi.fact.Vendor;
import dev.rampart.spi.fact.Zone;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With every logger at TRACE (Drools' included, which logs each fact it inserts, each belief and
 * each match it fires), no log line holds a credential fingerprint, a certificate's fingerprint or
 * serial number: the facts name only their type and id when logged, whichever SLF4J backend an
 * embedder uses.
 */
class FactContentsNotLoggedTest {

  private static final String CREDENTIAL_FINGERPRINT = "SHA256:k3PqUvLwXn8Rt5Ys2Bz9Hd4Fg7Jc1Mw0AeQpNoZt6Ix";
  private static final String CERTIFICATE_FINGERPRINT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  private static final String SERIAL_NUMBER = "4a:8f:10:c2:77:e9:03:b5";
  private static final List<String> SECRETS = List.of(CREDENTIAL_FINGERPRINT, CERTIFICATE_FINGERPRINT, SERIAL_NUMBER);

  private static ComplianceEngine engine() throws Exception {
    return ComplianceEngine.builder()
        .pack(RulePacks.parse(EvaluationTest.PACK, "test.yaml"))
        .clock(Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC))
        .build();
  }

  // two devices share a credential, so the unique rule fails with the fingerprint as its evidence
  private static List<Fact> facts() {
    return List.of(
        Network.builder("iot").zone(Zone.IOT).build(),
        Vendor.builder("acme").disclosureProgram(true).build(),
        device("cam-1"),
        device("cam-2"));
  }

  private static Device device(String id) {
    Certificate certificate = Certificate.builder()
        .serialNumber(SERIAL_NUMBER)
        .sha256Fingerprint(CERTIFICATE_FINGERPRINT)
        .build();
    return Device.builder(id)
        .credentials(new Credentials(true, null, CREDENTIAL_FINGERPRINT, AuthMethod.PASSWORD, certificate, null))
        .networkIds(List.of("iot"))
        .vendorId("acme")
        .build();
  }

  @Test
  void aBatchEvaluationLogsNoCredentialAtTrace() throws Exception {
    ComplianceEngine engine = engine();
    List<String> lines;
    Report report;
    try (CapturedLogs.Capture capture = CapturedLogs.capture("")) {
      report = engine.evaluate(facts());
      lines = capture.lines();
    }

    assertEquals(Outcome.FAIL, outcome(report.resultsForFact(FactType.DEVICE, "cam-1"), "unique-credential"));
    assertLoggedWithoutSecrets(lines);
  }

  @Test
  void aSessionLogsNoCredentialAtTrace() throws Exception {
    ComplianceEngine engine = engine();
    List<String> lines;
    try (CapturedLogs.Capture capture = CapturedLogs.capture("");
        ComplianceSession session = engine.openSession()) {
      facts().forEach(session::insert);
      session.report();
      session.update(device("cam-2").toBuilder().networkIds(List.of()).build());
      session.remove(FactType.DEVICE, "cam-1");
      session.report();
      lines = capture.lines();
    }

    assertLoggedWithoutSecrets(lines);
  }

  @Test
  void aStreamingEvaluationLogsNoCredentialAtTrace() throws Exception {
    ComplianceEngine engine = engine();
    List<String> lines;
    try (CapturedLogs.Capture capture = CapturedLogs.capture("");
        StreamingEvaluation evaluation = engine.startEvaluation(Provenance.none())) {
      facts().forEach(evaluation::add);
      evaluation.finish();
      lines = capture.lines();
    }

    assertLoggedWithoutSecrets(lines);
  }

  private static void assertLoggedWithoutSecrets(List<String> lines) {
    // the capture did reach Drools' TRACE logging of working memory, so the check below is not empty
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("TRACE org.drools") && line.contains("cam-1")),
        "Drools logged no fact at TRACE:\n" + String.join("\n", lines));
    List<String> leaks = lines.stream().filter(line -> SECRETS.stream().anyMatch(line::contains)).toList();
    assertEquals(List.of(), leaks);
  }

  private static Outcome outcome(List<RuleResult> results, String ruleId) {
    return results.stream().filter(r -> r.rule().id().equals(ruleId)).findFirst().orElseThrow().outcome();
  }
}
