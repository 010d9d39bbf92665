package dev.rampart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.adapter.nmap.LiveScan;
import dev.rampart.sources.Sources;
import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Report;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.value.Outcome;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.SourceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From a real nmap scan to findings: nmap scans a telnet-style listener and a TLS listener with a
 * weak self-signed certificate (both on 127.0.0.1), the nmap source reads the XML, and the built-in
 * pack must flag what a scan can prove. Skipped where nmap is missing, required with {@code CI=true}
 * ({@code .ci/run} installs it; see {@link LiveScan}).
 */
class NmapEndToEndTest {

  private static final String DEVICE = "127.0.0.1";

  @TempDir static Path dir;
  static LiveScan listeners;
  static Path scan;

  @BeforeAll
  static void scanLocalListeners() throws Exception {
    listeners = LiveScan.start();
    scan = listeners.scan(dir);
  }

  @AfterAll
  static void stopListeners() throws Exception {
    if (listeners != null) {
      listeners.close();
    }
  }

  @Test
  void theBuiltInPackFlagsTheWeakKeyTheSelfSignedCertificateAndTelnet() throws Exception {
    List<Fact> facts = new ArrayList<>();
    Sources.discover().provider("nmap").create(SourceConfig.of(scan.toString())).read((fact, origin) -> facts.add(fact));

    Report report = ComplianceEngine.builder().pack(RulePacks.builtin("iot-baseline")).build().evaluate(facts);

    Set<String> failed = report.resultsForFact(FactType.DEVICE, DEVICE).stream()
        .filter(result -> result.outcome() == Outcome.FAIL)
        .map(result -> result.rule().id())
        .collect(Collectors.toSet());
    assertTrue(failed.containsAll(Set.of("IDN-007", "IDN-010", "INT-005")),
        "expected FAIL for IDN-007 (RSA key of 1024 bits), IDN-010 (self-signed) and INT-005 (telnet); failed: " + failed);
    assertEquals("device " + DEVICE + " has an RSA certificate key of only 1024 bits", message(report, "IDN-007"));
  }

  @Test
  void rampartEvaluateReadsTheScanAsASourceAndFailsTheGate() {
    CliRun run = CliRun.of("evaluate", "--source", "nmap:" + scan);

    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("FAIL     INT-005  device/" + DEVICE + "  device " + DEVICE + " has telnet enabled"),
        run.out());
    assertTrue(run.out().contains("at " + scan + ":"), "findings point at the <host> element of the scan: " + run.out());
  }

  private static String message(Report report, String ruleId) {
    return report.resultsForRule(ruleId).stream().filter(result -> result.factId().equals(DEVICE))
        .map(RuleResult::message).findFirst().orElseThrow();
  }
}
