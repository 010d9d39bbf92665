package dev.rampart.oscal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Report;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.Waiver;
import dev.rampart.engine.Waivers;
import dev.rampart.reports.Evaluation;
import dev.rampart.reports.Gate;
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
 * Assessment-results documents of inventories, made as {@code rampart evaluate} makes them: the
 * inventory read and merged with {@link Inventory}, a pack evaluated at 2026-11-25, waivers applied,
 * and the evaluation written by {@link AssessmentResults}.
 */
final class Assessments {

  static final String FIXTURES = "src/test/resources/oscal/";
  static final String PACK = FIXTURES + "pack.yaml";
  static final String SITE = FIXTURES + "site.yaml";
  static final String WAIVERS = FIXTURES + "waivers.yaml";
  static final String EMPTY = FIXTURES + "empty.yaml";
  static final String EXAMPLE = "../examples/inventory.yaml";
  static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

  private Assessments() {}

  /** The document of {@code inventory} evaluated with {@code pack} (a file or a built-in pack's id) and the waiver files. */
  static String of(String inventory, String pack, String... waiverFiles) {
    try {
      Inventory read = Inventory.read(Sources.discover(),
          List.of(new SourceSpec("inventory", inventory, Map.of())), MergePolicy.defaults(), false);
      assertEquals(List.of(), read.problems());
      ComplianceEngine engine = ComplianceEngine.builder()
          .pack(RulePacks.named(pack))
          .clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .build();
      List<Waiver> waivers = new ArrayList<>();
      for (String file : waiverFiles) {
        waivers.addAll(Waivers.load(Path.of(file), engine.rules()));
      }
      Report report = engine.evaluate(read.facts(), read::originOf)
          .withWaivers(waivers, read.facts(), read::originOf);
      Evaluation evaluation = Evaluation.builder(report)
          .inputs(List.of(inventory))
          .inventory(read)
          .gate(Gate.atLeast(dev.rampart.engine.value.Severity.HIGH))
          .toolVersion("dev")
          .build();
      StringWriter out = new StringWriter();
      AssessmentResults.of(engine.packs()).write(evaluation, out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new AssertionError("cannot evaluate " + inventory + " with " + pack + ": " + e.getMessage(), e);
    }
  }
}
