package dev.rampart.cli.command;

import dev.rampart.cli.input.InventoryProvenance;
import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Explanation;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.EvidenceText;
import dev.rampart.engine.value.Rule;
import dev.rampart.sources.FactKey;
import dev.rampart.sources.Inventory;
import dev.rampart.sources.SourceSpec;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.Origin;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rampart explain}: why one rule gave one fact its result, condition by condition. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = ToolVersion.class,
    description = {
      "Explains one rule's result for one fact: the rule's condition tree with the value of every"
          + " condition (HOLDS, FAILS, UNKNOWN or ERROR) and, for each field read, the value found and"
          + " what was expected; then the result and its message.",
      "The facts, packs, parameters and time are given as to 'rampart evaluate', so the result is the one"
          + " an evaluation reports."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  the explanation was printed",
      "  2  usage or input error: an unknown rule or fact, or an unreadable or invalid input",
      "  3  internal error in rampart: run again with --debug and please report it",
      "",
      "Examples:",
      "  rampart explain --rule IDN-001 --fact cam-01 site.yaml",
      "  rampart explain --rule SEG-002 --fact network/iot-cams site.yaml --now 2026-11-25"
    })
public final class ExplainCommand implements Callable<Integer> {

  private static final String INDENT = "  ";
  private static final int VALUE_WIDTH = Explanation.Value.UNKNOWN.name().length();

  @Spec private CommandSpec spec;

  @Mixin private FactInputs inputs;

  @Option(
      names = "--rule",
      required = true,
      paramLabel = "ID",
      description = "The rule: its id, or PACK/ID when several packs define the id.")
  private String rule;

  @Option(
      names = "--fact",
      required = true,
      paramLabel = "[TYPE/]ID",
      description = "The fact: its id, optionally after its type (device, network, vendor, deployment);"
          + " the type defaults to the rule's target.")
  private String fact;

  @Override
  public Integer call() {
    List<SourceSpec> sources = inputs.sources();
    PrintWriter err = spec.commandLine().getErr();
    List<String> problems = new ArrayList<>();
    Inventory inventory = inputs.readInventory(sources, problems);
    ComplianceEngine engine = inputs.buildEngine(problems);
    if (inventory != null) {
      problems.addAll(inventory.problems());
    }
    if (!problems.isEmpty() || inventory == null || engine == null) {
      problems.forEach(err::println);
      return ExitCode.INPUT_ERROR;
    }

    FactKey key = factKey(engine);
    Explanation explanation;
    try {
      explanation = engine.explain(rule, key.type(), key.id(), inventory.facts(), new InventoryProvenance(inventory));
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return ExitCode.INPUT_ERROR;
    }
    inventory.failedSources().forEach(failed ->
        err.println("rampart: warning: " + failed.source() + " could not be read; explaining without it"
            + " (--allow-partial): " + failed.firstProblem()));
    FactInputs.warnSkipped(err, inventory.skippedRecords());
    inventory.warnings().forEach(warning -> err.println("rampart: warning: " + warning));
    List<String> lines = render(explanation, Optional.ofNullable(inventory.origins().get(key)));
    PrintWriter out = spec.commandLine().getOut();
    lines.forEach(out::println);
    out.flush();
    return ExitCode.OK;
  }

  // TYPE/ID when TYPE is a fact type; otherwise the whole value is an id of the rule's target type.
  private FactKey factKey(ComplianceEngine engine) {
    int slash = fact.indexOf('/');
    if (slash > 0) {
      Optional<FactType> type = FactType.fromWireName(fact.substring(0, slash));
      if (type.isPresent()) {
        return new FactKey(type.get(), fact.substring(slash + 1));
      }
    }
    List<Rule> named = engine.rules().stream()
        .filter(r -> r.ruleId().isNamedBy(rule))
        .toList();
    // an unknown or ambiguous rule: the engine says so, naming the closest rule
    FactType type = named.isEmpty() ? FactType.DEVICE : named.get(0).target();
    return new FactKey(type, fact);
  }

  static List<String> render(Explanation explanation, Optional<Origin> origin) {
    RuleResult result = explanation.result();
    Rule rule = result.rule();
    List<String> lines = new ArrayList<>();
    lines.add(rule.id() + "  " + rule.title() + " (pack " + rule.packId() + ", " + rule.severity().wireName()
        + ", " + rule.category().wireName() + ")");
    lines.add("for " + result.factType().wireName() + "/" + result.factId()
        + origin.map(place -> " at " + place).orElse(""));
    lines.add("");
    if (explanation.applicability() == null) {
      lines.add("when: (none: the rule applies to every " + rule.target().wireName() + ")");
    } else {
      lines.add("when:");
      node(explanation.applicability(), INDENT, origin, lines);
    }
    lines.add("assert:");
    node(explanation.assertion(), INDENT, origin, lines);
    lines.add("");
    lines.add("result:  " + result.outcome().name());
    lines.add("message: " + result.message());
    return lines;
  }

  private static void node(Explanation.Node node, String indent, Optional<Origin> origin, List<String> lines) {
    String value = String.format(Locale.ROOT, "%-" + VALUE_WIDTH + "s", node.value().name());
    // a leaf's evidence already names the element it read, e.g. services[1].port
    String subject = node.subject().isEmpty() || node.children().isEmpty() ? "" : "  [" + node.subject() + "]";
    lines.add(indent + value + "  " + node.condition() + subject);
    String evidenceIndent = indent + " ".repeat(VALUE_WIDTH + 2) + INDENT;
    for (Evidence evidence : node.evidence()) {
      lines.add(evidenceIndent + EvidenceText.line(evidence));
      // a value from another place than the fact's own (another source, or a referenced fact) says where
      String source = evidence.source();
      if (source != null && !origin.map(Origin::describe).orElse("").equals(source)) {
        lines.add(evidenceIndent + INDENT + "from " + source);
      }
    }
    for (Explanation.Node child : node.children()) {
      node(child, indent + INDENT, origin, lines);
    }
  }
}
