package dev.rampart.reports;

import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.Origin;
import dev.rampart.engine.Provenance;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.adapter.inventory.InventoryFileProvider;
import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Report;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.Waiver;
import dev.rampart.engine.Waivers;
import dev.rampart.engine.value.Rule;
import dev.rampart.engine.value.Severity;
import dev.rampart.sources.Inventory;
import dev.rampart.sources.SourceSpec;
import dev.rampart.sources.Sources;
import dev.rampart.sources.merge.MergePolicy;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The evaluations the report tests write, made as an embedding application makes them: sources read
 * and merged with {@link Inventory}, a pack evaluated at 2026-11-25 and the result handed to
 * {@link Evaluation#builder}, with the inputs named as {@code rampart evaluate} names them.
 */
final class Evaluations {

  static final String FIXTURES = "src/test/resources/";
  static final String PACK = FIXTURES + "packs/test-pack.yaml";
  static final String HOSTILE_PACK = FIXTURES + "packs/hostile-pack.yaml";
  static final String SITE = FIXTURES + "inventories/site.yaml";
  static final String COMPLIANT = FIXTURES + "inventories/compliant.yaml";
  static final String HOSTILE = FIXTURES + "inventories/hostile.yaml";
  static final String TRUST = FIXTURES + "waivers/trust/";
  static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

  private Evaluations() {}

  /** An evaluation and the rules of its packs, ready to be written in any format. */
  record Run(Evaluation evaluation, List<Rule> rules) {

    /** The report that {@code writer} writes, with {@code \n} line ends. */
    String write(ReportWriter writer) {
      StringWriter out = new StringWriter();
      try {
        writer.write(evaluation, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toString().replace(System.lineSeparator(), "\n");
    }
  }

  /** The inventory file evaluated against a pack (a file, or a built-in pack's id), gated at {@code gate}. */
  static Run of(String inventory, String pack, Gate gate) {
    return evaluate(List.of(new SourceSpec("inventory", inventory, Map.of())), pack, List.of(), gate);
  }

  /** The inventory file evaluated against a pack with a gate that never fails. */
  static Run of(String inventory, String pack) {
    return of(inventory, pack, Gate.never());
  }

  /**
   * The waiver trust fixtures: the inventory says cam-lab-01 keeps its default password, and an Azure
   * IoT Hub export merged into it tags it {@code env: lab}; {@code waivers} (a file in {@value #TRUST})
   * waives lab devices, trusting the inventory only ({@code inventory-only.yaml}) or the Azure export too.
   */
  static Run waiverTrust(String waivers) {
    return evaluate(List.of(new SourceSpec("inventory", TRUST + "site.yaml", Map.of()),
            new SourceSpec("azure-iot-hub", TRUST + "lab.json", Map.of())),
        TRUST + "pack.yaml", List.of(Path.of(TRUST, waivers)), Gate.atLeast(Severity.HIGH));
  }

  /**
   * Sources read in part, with {@code --allow-partial}: compliant.yaml (sensor-01), then the exports of
   * {@link ExportSourceProvider}: twins.json gives cam-07, skips cam-03 and a record without an id and
   * warns, gone.json cannot be read. Gated at high.
   */
  static Run partial() {
    return evaluate(List.of(new SourceSpec("inventory", COMPLIANT, Map.of()),
            new SourceSpec("export", ExportSourceProvider.TWINS, Map.of()),
            new SourceSpec("export", ExportSourceProvider.GONE, Map.of())),
        PACK, List.of(), Gate.atLeast(Severity.HIGH), true);
  }

  /** compliant.yaml and an export whose one record was skipped for a value of markup and escapes. */
  static Run hostilePartial() {
    return evaluate(List.of(new SourceSpec("inventory", COMPLIANT, Map.of()),
            new SourceSpec("export", ExportSourceProvider.HOSTILE, Map.of())),
        PACK, List.of(), Gate.atLeast(Severity.HIGH), true);
  }

  private static Run evaluate(List<SourceSpec> specs, String pack, List<Path> waiverFiles, Gate gate) {
    return evaluate(specs, pack, waiverFiles, gate, false);
  }

  private static Run evaluate(List<SourceSpec> specs, String pack, List<Path> waiverFiles, Gate gate,
      boolean allowPartial) {
    try {
      Sources sources = allowPartial
          ? Sources.of(List.of(new InventoryFileProvider(), new ExportSourceProvider()))
          : Sources.discover();
      Inventory inventory = Inventory.read(sources, specs, MergePolicy.defaults()
          .withSourcePrecedence(List.of("inventory")), allowPartial);
      assertEquals(List.of(), inventory.problems());
      ComplianceEngine engine = ComplianceEngine.builder()
          .pack(RulePacks.named(pack))
          .clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .build();
      List<Waiver> waivers = new ArrayList<>();
      for (Path file : waiverFiles) {
        waivers.addAll(Waivers.load(file, engine.rules()));
      }
      Report report = engine.evaluate(inventory.facts(), new Provenance() {
            @Override
            public Origin originOf(FactType type, String factId, FieldPath path) {
              return inventory.originOf(type, factId, path);
            }

            @Override
            public String unreadable(FactType type, String factId) {
              return inventory.unreadable(type, factId);
            }
          })
          .withWaivers(waivers, inventory.facts(), inventory::originOf);
      List<String> inputs = new ArrayList<>(List.of(specs.get(0).location()));
      specs.subList(1, specs.size()).forEach(spec -> inputs.add(spec.toString()));
      Evaluation evaluation = Evaluation.builder(report)
          .inputs(inputs)
          .inventory(inventory)
          .gate(gate)
          .toolVersion("dev")
          .build();
      return new Run(evaluation, engine.rules());
    } catch (Exception e) {
      throw new AssertionError("cannot evaluate the fixtures " + specs + " with " + pack + ": " + e.getMessage(), e);
    }
  }
}
