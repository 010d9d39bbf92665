package dev.rampart.example.embedding;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Provenance;
import dev.rampart.engine.Report;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.Severity;
import dev.rampart.reports.Evaluation;
import dev.rampart.reports.Gate;
import dev.rampart.reports.JsonReport;
import dev.rampart.sources.Inventory;
import dev.rampart.sources.SourceSpec;
import dev.rampart.sources.Sources;
import dev.rampart.sources.merge.MergePolicy;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.source.AtomicFiles;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Evaluates an inventory file with the built-in pack and writes a JSON report: the README's example. */
public final class EvaluateInventory {

  private EvaluateInventory() {}

  /**
   * The engine: build it once, then evaluate as often as you like, from any thread.
   *
   * @param clock the evaluations' "now": {@code Clock.systemUTC()} in a service, a fixed one for a result
   *     that does not change with the day (certificate expiry and every other duration)
   * @throws PackLoadException with every problem of the pack or its parameters, each with its place and the fix
   */
  public static ComplianceEngine engine(Clock clock) throws PackLoadException {
    return ComplianceEngine.builder()
        .pack(RulePacks.builtin("iot-baseline"))
        .parameter("certExpiryWarning", "P60D")
        .clock(clock)
        .build();
  }

  /**
   * Evaluates, prints a summary to {@code out} and problems to {@code err}, and returns the status a
   * caller acts on: 0 the gate passed, 1 it failed, 2 an input could not be read or the report written.
   */
  public static int run(ComplianceEngine engine, Path inventoryFile, Path reportFile, PrintStream out,
      PrintStream err) {
    try {
      Inventory inventory = Inventory.read(Sources.discover(),
          List.of(SourceSpec.parse("inventory:" + inventoryFile)), MergePolicy.defaults(), false);
      if (!inventory.problems().isEmpty()) {
        inventory.problems().forEach(err::println);   // located: file:line:column, with the fix
        return 2;
      }
      Report report = engine.evaluate(inventory.facts(), new Provenance() {
        @Override
        public Origin originOf(FactType type, String factId, FieldPath path) {
          return inventory.originOf(type, factId, path);   // evidence names the source of each value
        }

        @Override
        public String unreadable(FactType type, String factId) {
          return inventory.unreadable(type, factId);       // stand-ins for skipped records: every result UNKNOWN
        }
      });

      Evaluation evaluation = Evaluation.builder(report)
          .inventory(inventory)
          .gate(Gate.atLeast(Severity.HIGH))
          .build();
      AtomicFiles.write(reportFile, writer -> JsonReport.allResults().write(evaluation, writer));

      out.printf("%d facts, %d rules, evaluated at %s%n",
          inventory.facts().size(), engine.rules().size(), report.evaluatedAt());
      for (Outcome outcome : Outcome.values()) {
        out.printf("%-14s %d%n", outcome, report.count(outcome));
      }
      // a rule no fact of its target type reached gave no result at all: not a pass
      report.notAssessed().forEach(rule -> out.println("not assessed: " + rule.rule().id() + ": " + rule.reason()));
      boolean failed = evaluation.gate().failed(report);
      out.println(failed ? "gate: failed (a FAIL or ERROR of high severity or above)" : "gate: passed");
      return failed ? 1 : 0;
    } catch (SourceException | IOException e) {
      err.println(e.getMessage());   // what could not be read or written, with its place and the fix
      return 2;
    }
  }
}
