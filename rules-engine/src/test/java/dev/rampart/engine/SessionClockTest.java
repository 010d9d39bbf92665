package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.engine.value.Outcome;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.FactType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A session measures durations against its own clock, which moves only when told; a closed session refuses use. */
class SessionClockTest {

  static final String PACK = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata: {id: clock, version: "1.0", title: Clock}
      rules:
        - id: EXPIRY
          title: Certificate not expiring within 30 days
          category: identity
          severity: high
          target: device
          assert:
            not: {field: credentials.certificate.notAfter, within: P30D}
        - id: NAMED
          title: Named
          category: operations
          severity: low
          target: device
          assert: {field: name, exists: true}
      """;

  private static final Instant OPENED = Instant.parse("2026-11-25T00:00:00Z");
  private static final Device CAMERA = Device.builder("cam-1").name("Lobby camera")
      .credentials(Credentials.builder()
          .certificate(Certificate.builder().notAfter(Instant.parse("2027-01-20T00:00:00Z")).build()).build())
      .build();

  private final AtomicReference<Instant> time = new AtomicReference<>(OPENED);

  private ComplianceEngine engine() throws Exception {
    Clock clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return time.get();
      }
    };
    return ComplianceEngine.builder().pack(RulePacks.parse(PACK, "clock.yaml")).clock(clock).build();
  }

  @Test
  void aCertificateThatComesWithinTheWindowWhileTheSessionRunsFailsOnceTheClockIsAdvanced() throws Exception {
    try (ComplianceSession session = engine().openSession()) {
      session.insert(CAMERA);
      assertEquals(Outcome.PASS, outcome(session.report(), "EXPIRY"));

      time.set(Instant.parse("2027-01-01T00:00:00Z"));
      assertEquals(Outcome.PASS, outcome(session.report(), "EXPIRY"), "the session's clock moved by itself");

      session.advanceClock();
      Report report = session.report();

      assertEquals(Instant.parse("2027-01-01T00:00:00Z"), report.evaluatedAt());
      assertEquals(Outcome.FAIL, outcome(report, "EXPIRY"));
      assertEquals("[credentials.certificate.notAfter = 2027-01-20T00:00:00Z (expected not within P30D)]",
          report.resultsForRule("EXPIRY").get(0).evidence().toString());
      assertEquals(Outcome.PASS, outcome(report, "NAMED"));
    }
  }

  @Test
  void theClockCanBeAdvancedToAGivenTimeButNotBack() throws Exception {
    try (ComplianceSession session = engine().openSession()) {
      session.insert(CAMERA);
      session.advanceClock(Instant.parse("2027-01-01T00:00:00Z"));
      assertEquals(Outcome.FAIL, outcome(session.report(), "EXPIRY"));

      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> session.advanceClock(OPENED));

      assertEquals("the session's clock cannot go back: it is at 2027-01-01T00:00:00Z, not 2026-11-25T00:00:00Z",
          e.getMessage());
    }
  }

  @Test
  void aClosedSessionSaysSoWhateverIsCalled() throws Exception {
    ComplianceSession session = engine().openSession();
    session.insert(CAMERA);
    session.close();
    session.close();

    for (org.junit.jupiter.api.function.Executable use : new org.junit.jupiter.api.function.Executable[] {
        session::report, () -> session.insert(CAMERA), () -> session.update(CAMERA), () -> session.put(CAMERA),
        () -> session.remove(FactType.DEVICE, "cam-1"), () -> session.resultsFor(FactType.DEVICE, "cam-1"),
        session::size, session::advanceClock}) {
      IllegalStateException e = assertThrows(IllegalStateException.class, use);
      assertEquals("the session is closed; open another with ComplianceEngine.openSession()", e.getMessage());
    }
  }

  private static Outcome outcome(Report report, String rule) {
    return report.resultsForRule(rule).get(0).outcome();
  }
}
