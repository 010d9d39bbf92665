package dev.rampart.cli.command;

import dev.rampart.engine.PackTailoring;
import dev.rampart.engine.Parameter;
import dev.rampart.engine.RequirementAssessment;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.Framework;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.Rule;
import dev.rampart.oscal.ComponentDefinitionWriter;
import dev.rampart.oscal.GuideCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code rampart rules}: lists the rules of packs as a table, or documents them in Markdown. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    versionProvider = ToolVersion.class,
    description = {
      "Lists the rules of rule packs: id, category, severity, target, requirements and title.",
      "With --format markdown, writes a reference page instead: the pack's parameters with their defaults,"
          + " its severity rubric, the rules, which rules serve each requirement, the crosswalk (per framework"
          + " the edition cited, each control with the rules citing it, and the controls no rule covers, with"
          + " why), and each rule's rationale, remediation and references. docs/baseline-pack.md is this page"
          + " for iot-baseline.",
      "With --format oscal, writes one pack as an OSCAL 1.1.2 component definition"
          + " (docs/oscal.md#component-definition-and-catalog); with --format oscal-catalog, the guide's requirements G01..G44 as the OSCAL catalog the packs' requirements"
          + " resolve against (docs/oscal/guide-catalog.json)."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  the rules were listed",
      "  2  usage or input error: a pack cannot be found, or has problems",
      "  3  internal error in rampart: run again with --debug and please report it",
      "",
      "Examples:",
      "  rampart rules",
      "  rampart rules --pack iot-baseline --format markdown > docs/baseline-pack.md",
      "  rampart rules --pack examples/tailored-pack.yaml --format oscal > component-definition.json",
      "  rampart rules --format oscal-catalog > docs/oscal/guide-catalog.json"
    })
public final class RulesCommand implements Callable<Integer> {

  private static final String CLASSPATH = "classpath:";

  @Spec private CommandSpec spec;

  @Option(
      names = "--pack",
      paramLabel = "ID|PATH",
      description = "A rule pack: a pack file, or the id of a built-in pack. Repeatable. Default: "
          + EvaluateCommand.DEFAULT_PACK + ".")
  private List<String> packs = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = Format.Converter.class,
      description = "text (a table), markdown (a reference page), oscal (an OSCAL component definition of one pack)"
          + " or oscal-catalog (the guide's OSCAL catalog). Default: ${DEFAULT-VALUE}.")
  private Format format = Format.TEXT;

  /** The ways of listing rules. */
  enum Format {
    TEXT,
    MARKDOWN,
    OSCAL,
    OSCAL_CATALOG;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code text}, {@code markdown}, {@code oscal} or {@code oscal-catalog}. */
    static final class Converter implements ITypeConverter<Format> {
      @Override
      public Format convert(String value) {
        for (Format format : values()) {
          if (format.toString().equals(value)) {
            return format;
          }
        }
        throw new TypeConversionException("'" + value + "' is not a format: use text, markdown, oscal or oscal-catalog");
      }
    }
  }

  @Override
  public Integer call() throws IOException {
    if (format == Format.OSCAL_CATALOG) {
      return writeCatalog();
    }
    List<String> requested = packs.isEmpty() ? List.of(EvaluateCommand.DEFAULT_PACK) : packs;
    List<RulePack> loaded = new ArrayList<>();
    boolean failed = false;
    for (String given : requested) {
      try {
        loaded.add(RulePacks.named(given));
      } catch (PackLoadException e) {
        spec.commandLine().getErr().println(e.getMessage());
        failed = true;
      }
    }
    if (failed) {
      return ExitCode.INPUT_ERROR;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.OSCAL) {
      return writeComponentDefinition(loaded, out);
    }
    if (format == Format.MARKDOWN) {
      writeMarkdown(requested, loaded, out);
    } else {
      writeText(loaded, out);
    }
    return ExitCode.OK;
  }

  private int writeCatalog() throws IOException {
    if (!packs.isEmpty()) {
      spec.commandLine().getErr().println("--format oscal-catalog prints the guide's catalog, which does not depend on"
          + " a pack: leave out --pack, or use --format oscal for a pack's component definition");
      return ExitCode.INPUT_ERROR;
    }
    PrintWriter out = spec.commandLine().getOut();
    GuideCatalog.builtIn().write(out);
    out.flush();
    return ExitCode.OK;
  }

  private int writeComponentDefinition(List<RulePack> loaded, PrintWriter out) throws IOException {
    if (loaded.size() != 1) {
      spec.commandLine().getErr().println("--format oscal writes one pack's component definition, but "
          + loaded.size() + " packs were given: run it once per --pack");
      return ExitCode.INPUT_ERROR;
    }
    RulePack pack = loaded.get(0);
    StringWriter document = new StringWriter();
    try {
      ComponentDefinitionWriter.write(pack, GuideCatalog.builtIn(), lastModified(pack), document);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println(pack.source() + ": " + e.getMessage());
      return ExitCode.INPUT_ERROR;
    }
    out.print(document);
    out.flush();
    return ExitCode.OK;
  }

  /**
   * When the pack's file last changed (for a built-in pack, its entry in rampart's jar): the
   * component definition's {@code last-modified}, the same on every run until the pack changes.
   */
  private static Instant lastModified(RulePack pack) throws IOException {
    String source = pack.source();
    if (source.startsWith(CLASSPATH)) {
      URL resource = RulesCommand.class.getClassLoader().getResource(source.substring(CLASSPATH.length()));
      long millis = resource == null ? 0 : resource.openConnection().getLastModified();
      return Instant.ofEpochMilli(millis);
    }
    return Files.getLastModifiedTime(Path.of(source)).toInstant();
  }

  private static void writeText(List<RulePack> packs, PrintWriter out) {
    for (int p = 0; p < packs.size(); p++) {
      RulePack pack = packs.get(p);
      if (p > 0) {
        out.println();
      }
      out.println(pack.id() + " " + pack.version() + ": " + pack.title() + " (" + pack.rules().size() + " rules)");
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"ID", "CATEGORY", "SEVERITY", "TARGET", "REQUIREMENTS", "TITLE"});
      for (Rule rule : pack.rules()) {
        rows.add(new String[] {rule.id(), rule.category().wireName(), rule.severity().wireName(),
            rule.target().wireName(), String.join(", ", rule.requirements()), rule.title()});
      }
      int[] widths = new int[5];
      for (String[] row : rows) {
        for (int i = 0; i < widths.length; i++) {
          widths[i] = Math.max(widths[i], row[i].length());
        }
      }
      for (String[] row : rows) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
          line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
        }
        out.println(line.append(row[5]));
      }
    }
  }

  private static void writeMarkdown(List<String> requested, List<RulePack> packs, PrintWriter out) {
    String command = "rampart rules " + requested.stream().map(pack -> "--pack " + pack).collect(Collectors.joining(" "))
        + " --format markdown";
    out.println("<!-- Generated by `" + command + "`: do not edit. -->");
    for (RulePack pack : packs) {
      out.println();
      out.println("# " + pack.title());
      out.println();
      out.println("Pack `" + pack.id() + "`, version " + pack.version() + ": " + pack.rules().size() + " rules.");
      if (pack.owner().isPresent()) {
        out.println();
        out.println("Owner: " + pack.owner().get().strip() + pack.contact().map(contact -> " (" + contact.strip() + ")")
            .orElse("") + ".");
      }
      out.println();
      out.println("> Generated from the pack by `" + command + "`, so it cannot drift");
      out.println("> from the rules. Do not edit it by hand: change the pack, run the command again and save its");
      out.println("> output over this file.");
      if (!pack.description().isBlank()) {
        out.println();
        out.println(pack.description().strip());
      }
      writeApplicability(pack, out);
      writeParameters(pack, out);
      writeSeverities(pack, out);
      writeRuleTable(pack, out);
      writeRequirements(pack, out);
      writeCrosswalk(pack, out);
      writeRuleDetails(pack, out);
    }
  }

  /**
   * The statement of applicability an auditor asks of a tailored pack: its base and version, each base
   * rule it disabled with the reason, each default it changed (base default to its value), and what it
   * adds; a pack that extends none says it is not tailored.
   */
  private static void writeApplicability(RulePack pack, PrintWriter out) {
    out.println();
    out.println("## Statement of applicability");
    out.println();
    Optional<PackTailoring> tailored = pack.tailoring();
    if (tailored.isEmpty()) {
      out.println("The pack is not tailored: it extends no base pack, so every rule below applies as written.");
      return;
    }
    PackTailoring tailoring = tailored.get();
    int inherited = pack.rules().size() - tailoring.addedRules().size();
    out.println("The pack tailors base pack `" + tailoring.baseId() + "` version " + tailoring.baseVersion() + ": "
        + inherited + (inherited == 1 ? " rule" : " rules") + " inherited, " + pack.disabledRules().size()
        + " disabled, " + tailoring.changedParameters().size() + (tailoring.changedParameters().size() == 1
            ? " parameter" : " parameters") + " changed, " + tailoring.addedRules().size() + " added.");
    out.println();
    out.println("### Disabled rules");
    out.println();
    if (pack.disabledRules().isEmpty()) {
      out.println("No rule of the base is disabled.");
    } else {
      out.println("| rule | title | reason |");
      out.println("| --- | --- | --- |");
      pack.disabledRules().forEach(rule -> out.println("| " + cell(rule.ruleId()) + " | " + cell(rule.title()) + " | "
          + cell(rule.reason()) + " |"));
    }
    out.println();
    out.println("### Parameters changed");
    out.println();
    if (tailoring.changedParameters().isEmpty()) {
      out.println("Every parameter of the base keeps its default.");
    } else {
      out.println("| parameter | base default | tailored value |");
      out.println("| --- | --- | --- |");
      tailoring.changedParameters().forEach(parameter -> out.println("| `" + parameter.name() + "` | `"
          + parameter.baseDefault() + "` | `" + parameter.value() + "` |"));
    }
    if (!tailoring.addedParameters().isEmpty()) {
      out.println();
      out.println("Parameters added: " + tailoring.addedParameters().stream()
          .map(parameter -> "`" + parameter.name() + "` (default `" + parameter.defaultValue() + "`)")
          .collect(Collectors.joining(", ")) + ".");
    }
    out.println();
    out.println("### Rules added");
    out.println();
    if (tailoring.addedRules().isEmpty()) {
      out.println("The pack adds no rule.");
    } else {
      out.println("| id | severity | requirements | title |");
      out.println("| --- | --- | --- | --- |");
      tailoring.addedRules().forEach(rule -> out.println("| " + link(rule) + " | " + rule.severity().wireName() + " | "
          + String.join(", ", rule.requirements()) + " | " + cell(rule.title()) + " |"));
    }
  }

  private static void writeParameters(RulePack pack, PrintWriter out) {
    out.println();
    out.println("## Parameters");
    out.println();
    if (pack.parameters().isEmpty()) {
      out.println("The pack declares no parameters.");
      return;
    }
    out.println("Rules use these settings; override one with `--param NAME=VALUE` (`rampart evaluate`) or");
    out.println("`ComplianceEngine.builder().parameter(NAME, VALUE)`. A list is written as its default is,");
    out.println("`[a, b]`; a value outside the range is refused.");
    out.println();
    out.println("| parameter | type | default | range | description |");
    out.println("| --- | --- | --- | --- | --- |");
    for (Parameter parameter : pack.parameters()) {
      String range = parameter.minimum() == null && parameter.maximum() == null ? ""
          : "`" + parameter.minimumValue().orElse("") + ".." + parameter.maximumValue().orElse("") + "`";
      out.println("| `" + parameter.name() + "` | " + parameter.type().wireName() + " | `" + parameter.defaultValue() + "` | "
          + range + " | " + cell(parameter.description()) + " |");
    }
  }

  private static void writeSeverities(RulePack pack, PrintWriter out) {
    if (pack.severityRubric().isEmpty()) {
      return;
    }
    out.println();
    out.println("## Severities");
    out.println();
    out.println("Every rule's severity follows this rubric of the pack:");
    out.println();
    out.println("| severity | meaning |");
    out.println("| --- | --- |");
    pack.severityRubric().forEach((severity, meaning) -> out.println("| " + severity.wireName() + " | " + cell(meaning) + " |"));
  }

  private static void writeRuleTable(RulePack pack, PrintWriter out) {
    out.println();
    out.println("## Rules");
    out.println();
    out.println("| id | category | severity | target | requirements | title |");
    out.println("| --- | --- | --- | --- | --- | --- |");
    for (Rule rule : pack.rules()) {
      out.println("| " + link(rule) + " | " + rule.category().wireName() + " | " + rule.severity().wireName() + " | "
          + rule.target().wireName() + " | " + String.join(", ", rule.requirements()) + " | " + cell(rule.title()) + " |");
    }
  }

  private static void writeRequirements(RulePack pack, PrintWriter out) {
    Map<String, List<Rule>> serving = new TreeMap<>(RequirementAssessment.ORDER);
    for (Rule rule : pack.rules()) {
      rule.requirements().forEach(requirement -> serving.computeIfAbsent(requirement, r -> new ArrayList<>()).add(rule));
    }
    out.println();
    out.println("## Requirements");
    out.println();
    if (serving.isEmpty()) {
      out.println("No rule names a requirement.");
      return;
    }
    out.println("| requirement | rules |");
    out.println("| --- | --- |");
    serving.forEach((requirement, rules) -> out.println("| " + cell(requirement) + " | "
        + links(rules) + " |"));
  }

  /**
   * Per declared framework, the edition cited, every control with the rules that cite it (a declared
   * control no rule cites shows none), then the controls the pack says no rule covers, and why.
   */
  private static void writeCrosswalk(RulePack pack, PrintWriter out) {
    if (pack.frameworks().isEmpty()) {
      return;
    }
    out.println();
    out.println("## Crosswalk");
    out.println();
    out.println("The rules' references per framework, with the edition their control ids are taken from.");
    for (Framework framework : pack.frameworks()) {
      out.println();
      out.println("### " + cell(framework.title()));
      out.println();
      out.println("Cited as `" + framework.key() + "`; edition " + cell(framework.edition())
          + framework.link().map(url -> " ([source](" + url + "))").orElse("") + ".");
      Map<String, List<Rule>> citing = citing(pack, framework);
      out.println();
      if (citing.isEmpty()) {
        out.println("No rule cites it.");
      } else if (framework.controls().isEmpty()) {
        out.println("| control | rules |");
        out.println("| --- | --- |");
        citing.forEach((control, rules) -> out.println("| " + cell(control) + " | " + links(rules) + " |"));
      } else {
        out.println("| control | what it requires | rules |");
        out.println("| --- | --- | --- |");
        citing.forEach((control, rules) -> out.println("| " + cell(control) + " | "
            + cell(framework.control(control).orElse("")) + " | " + links(rules) + " |"));
      }
      if (!framework.notCovered().isEmpty()) {
        out.println();
        out.println("Not covered by any rule:");
        out.println();
        out.println("| control | why |");
        out.println("| --- | --- |");
        framework.notCovered().forEach((control, reason) -> out.println("| " + cell(control) + " | " + cell(reason) + " |"));
      }
    }
  }

  /**
   * The framework's controls in the order it declares them (those it says no rule covers left out),
   * then any other control the rules cite, in the order first cited; each with the rules citing it.
   */
  private static Map<String, List<Rule>> citing(RulePack pack, Framework framework) {
    Map<String, List<Rule>> citing = new LinkedHashMap<>();
    framework.controls().keySet().stream().filter(control -> !framework.notCovered().containsKey(control))
        .forEach(control -> citing.put(control, new ArrayList<>()));
    for (Rule rule : pack.rules()) {
      rule.references().getOrDefault(framework.key(), List.of())
          .forEach(control -> citing.computeIfAbsent(control, c -> new ArrayList<>()).add(rule));
    }
    return citing;
  }

  private static String links(List<Rule> rules) {
    return rules.isEmpty() ? "none" : rules.stream().map(RulesCommand::link).collect(Collectors.joining(", "));
  }

  private static void writeRuleDetails(RulePack pack, PrintWriter out) {
    out.println();
    out.println("## Rule details");
    for (Rule rule : pack.rules()) {
      out.println();
      out.println("### " + rule.id());
      out.println();
      out.println("**" + rule.title().strip() + "**");
      out.println();
      out.println("| | |");
      out.println("| --- | --- |");
      out.println("| category | " + rule.category().wireName()
          + (rule.category().isBuiltIn() ? "" : " (" + cell(rule.category().title()) + ")") + " |");
      out.println("| severity | " + rule.severity().wireName() + " |");
      out.println("| target | " + rule.target().wireName() + " |");
      out.println("| requirements | " + (rule.requirements().isEmpty() ? "none" : cell(String.join(", ", rule.requirements())))
          + " |");
      if (!rule.tags().isEmpty()) {
        out.println("| tags | " + cell(String.join(", ", rule.tags())) + " |");
      }
      if (!rule.rationale().isBlank()) {
        out.println();
        out.println(rule.rationale().strip());
      }
      if (!rule.remediation().isBlank()) {
        out.println();
        out.println("**Remediation:** " + rule.remediation().strip());
      }
      out.println();
      if (rule.references().isEmpty()) {
        out.println("**References:** none.");
        continue;
      }
      out.println("**References:**");
      out.println();
      rule.references().forEach((framework, controls) -> out.println("- " + framework + ": " + String.join(", ", controls)));
    }
  }

  private static String link(Rule rule) {
    return "[" + rule.id() + "](#" + rule.id().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "") + ")";
  }

  private static String cell(String text) {
    return text.strip().replace("\n", " ").replace("|", "\\|");
  }
}
