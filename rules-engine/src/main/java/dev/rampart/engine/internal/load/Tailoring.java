package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.ast.PackDef;
import dev.rampart.engine.internal.ast.ParamDef;
import dev.rampart.engine.internal.ast.RuleDef;
import dev.rampart.engine.internal.yaml.Node;
import dev.rampart.engine.internal.yaml.Node.ListNode;
import dev.rampart.engine.internal.yaml.Node.MapNode;
import dev.rampart.engine.internal.yaml.Node.ScalarNode;
import dev.rampart.engine.value.DisabledRule;
import dev.rampart.engine.value.Framework;
import dev.rampart.engine.value.Problem;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.source.DidYouMean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * How a pack that {@code extends} a base changes it: the base rules it disables (each with a
 * reason), the base parameters whose defaults it overrides, and the rules it adds. Checks these
 * against the base, and composes the one pack that results.
 */
final class Tailoring {

  private static final List<String> DISABLE_KEYS = List.of("rule", "reason");

  private final PackProblemCollector problems;
  private final @Nullable PackDef base;
  private final Map<String, DisabledRule> disabled = new LinkedHashMap<>();

  private Tailoring(PackProblemCollector problems, @Nullable PackDef base) {
    this.problems = problems;
    this.base = base;
  }

  /**
   * Checks the tailoring written in a pack.
   *
   * @param top the pack's document
   * @param problems the collector of the pack's file, which every problem found goes to
   * @param extendsGiven whether the pack has {@code extends}
   * @param base the base, or {@code null} when there is none or it could not be loaded (then only
   *     what needs no base is checked)
   */
  static Tailoring check(MapNode top, PackProblemCollector problems, boolean extendsGiven, @Nullable PackDef base) {
    Tailoring tailoring = new Tailoring(problems, base);
    if (!extendsGiven) {
      tailoring.requireNoDisable(top);
      return tailoring;
    }
    tailoring.checkDisable(top.entries().get("disable"));
    if (base != null) {
      tailoring.checkPackId(top.entries().get("metadata"));
      tailoring.checkOverrides(top.entries().get("parameters"));
      tailoring.checkAddedRules(top.entries().get("rules"));
    }
    return tailoring;
  }

  /**
   * The composed pack: the base's rules that are not disabled, now part of this pack, then the
   * pack's own; the parameters as the parser merged them; the base's frameworks, then the pack's own;
   * the pack's severity rubric, or else the base's.
   */
  PackDef apply(PackDef own, PackDef base) {
    List<RuleDef> rules = Stream.concat(
            base.rules().stream().filter(r -> !disabled.containsKey(r.info().id())).map(r -> adopt(r, own)),
            own.rules().stream())
        .toList();
    List<DisabledRule> allDisabled = Stream.concat(base.disabled().stream(), disabled.values().stream()).toList();
    List<Framework> frameworks = Stream.concat(base.frameworks().stream(), own.frameworks().stream()).toList();
    return new PackDef(own.id(), own.version(), own.title(), own.description(), own.source(), own.parameters(),
        rules, base, allDisabled, frameworks,
        own.severities().isEmpty() ? base.severities() : own.severities(), own.owner(), own.contact(),
        Stream.concat(base.categories().stream(), own.categories().stream()).toList());
  }

  // ---------------------------------------------------------------- checks

  private void requireNoDisable(MapNode top) {
    if (top.entries().containsKey("disable")) {
      problem(top.keyNodes().get("disable"), null, "'disable' needs 'extends': only the rules of a base pack can be disabled",
          "name the base pack with 'extends:', or remove 'disable'");
    }
  }

  private void checkDisable(@Nullable Node node) {
    if (node == null) {
      return;
    }
    if (!(node instanceof ListNode list)) {
      problem(node, null, "'disable' must be a list of {rule: ID, reason: TEXT}, not " + node.describe(), null);
      return;
    }
    Map<String, Node> seen = new HashMap<>();
    for (Node item : list.items()) {
      if (!(item instanceof MapNode entry)) {
        problem(item, null, "each 'disable' entry must be a mapping {rule: ID, reason: TEXT}, not " + item.describe(), null);
        continue;
      }
      for (Map.Entry<String, ScalarNode> key : entry.keyNodes().entrySet()) {
        if (!DISABLE_KEYS.contains(key.getKey())) {
          problem(key.getValue(), null, "unknown key '" + key.getKey() + "' in disable entry",
              DidYouMean.hintOrList(key.getKey(), DISABLE_KEYS, "expected one of"));
        }
      }
      Node ruleNode = entry.entries().get("rule");
      String ruleId = text(ruleNode);
      if (ruleNode == null) {
        problem(entry, null, "missing 'rule' in disable entry", "name the base rule to disable, e.g. 'rule: IDN-006'");
      } else if (ruleId == null) {
        problem(ruleNode, null, "'rule' takes a rule id, not " + ruleNode.describe(), null);
      }
      String reason = reason(entry, ruleId);
      if (ruleId == null) {
        continue;
      }
      Node first = seen.putIfAbsent(ruleId, ruleNode);
      if (first != null) {
        problem(ruleNode, null, "rule '" + ruleId + "' is disabled twice (first at line " + first.line() + ")",
            "remove one of the entries");
        continue;
      }
      if (base == null) {
        continue; // which rules exist is known once the base loads
      }
      RuleDef rule = base.rules().stream().filter(r -> r.info().id().equals(ruleId)).findFirst().orElse(null);
      if (rule == null) {
        unknownRule(ruleNode, ruleId);
      } else if (reason != null) {
        disabled.put(ruleId, new DisabledRule(ruleId, rule.info().title(), reason, rule.info().requirements()));
      }
    }
  }

  private @Nullable String reason(MapNode entry, @Nullable String ruleId) {
    Node reasonNode = entry.entries().get("reason");
    String fix = "say why the rule does not apply here, e.g. the compensating control; reports show it";
    String what = ruleId == null ? "a disable entry" : "disabling rule '" + ruleId + "'";
    if (reasonNode == null) {
      problem(entry, null, what + " needs a 'reason'", fix);
      return null;
    }
    String reason = text(reasonNode);
    if (reason == null) {
      boolean blank = reasonNode instanceof ScalarNode s && s.value() instanceof String;
      problem(reasonNode, null, "the 'reason' for " + what + (blank ? " is empty" : " must be text, not " + reasonNode.describe()),
          fix);
    }
    return reason;
  }

  private void unknownRule(Node at, String ruleId) {
    String baseName = baseName();
    if (base.disabled().stream().anyMatch(d -> d.ruleId().equals(ruleId))) {
      problem(at, null, "rule '" + ruleId + "' is already disabled by base pack '" + baseName + "'", "remove this entry");
      return;
    }
    List<String> ids = base.rules().stream().map(r -> r.info().id()).toList();
    problem(at, null, "cannot disable rule '" + ruleId + "': base pack '" + baseName + "' has no such rule",
        DidYouMean.closest(ruleId, ids).map(DidYouMean::question)
            .orElse("check the id against the rules of base pack '" + baseName + "'"));
  }

  private void checkPackId(@Nullable Node metadata) {
    if (metadata instanceof MapNode map && map.entries().get("id") instanceof ScalarNode idNode
        && base.id().equals(idNode.text())) {
      problem(idNode, null, "pack id '" + base.id() + "' is the id of its base pack",
          "give the tailored pack its own id, e.g. '" + base.id() + "-site'");
    }
  }

  /** A base parameter's new default must fit every use the base's remaining rules make of it. */
  private void checkOverrides(@Nullable Node parametersNode) {
    if (!(parametersNode instanceof MapNode map)) {
      return;
    }
    List<RuleDef> kept = base.rules().stream().filter(r -> !disabled.containsKey(r.info().id())).toList();
    for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
      ParamDef param = base.parameters().stream().filter(p -> p.name().equals(entry.getKey())).findFirst().orElse(null);
      if (param == null || !(entry.getValue() instanceof MapNode spec) || !spec.entries().containsKey("default")) {
        continue;
      }
      Node value = spec.entries().get("default");
      Node typeNode = spec.entries().get("type");
      Object raw = PackNodes.raw(value);
      boolean typeFits = typeNode == null || (typeNode instanceof ScalarNode t && param.type().wireName().equals(t.value()));
      if (!typeFits || ParamValues.check(param.type(), raw) != null) {
        continue; // the parser reports a wrong type
      }
      for (String misfit : ParamUses.check(kept, param.name(), raw)) {
        problem(value, null, "parameter '" + param.name() + "' = " + PackNodes.render(raw) + ": " + misfit,
            "give a value of type " + param.type().wireName() + " that fits every use, e.g. the base's default "
                + PackNodes.render(param.defaultValue()));
      }
    }
  }

  private void checkAddedRules(@Nullable Node rulesNode) {
    if (!(rulesNode instanceof ListNode list)) {
      return;
    }
    Set<String> taken = Stream.concat(base.rules().stream().map(r -> r.info().id()), base.disabled().stream().map(DisabledRule::ruleId))
        .collect(Collectors.toSet());
    for (Node item : list.items()) {
      if (item instanceof MapNode rule && rule.entries().get("id") instanceof ScalarNode idNode
          && taken.contains(idNode.text())) {
        problem(idNode, idNode.text(), "rule id '" + idNode.text() + "' is already used by base pack '" + baseName() + "'",
            "give the added rule its own id; to replace a base rule, disable it and add yours under a new id");
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  /** A rule of the base, as a rule of the pack that extends it (and owned by its owner, if it names one). */
  private static RuleDef adopt(RuleDef rule, PackDef pack) {
    Rule info = rule.info();
    Rule adopted = new Rule(pack.id(), info.id(), info.title(), info.rationale(), info.category(), info.severity(),
        info.target(), info.remediation(), info.requirements(), info.references(), info.tags(),
        pack.owner().isEmpty() ? info.owner() : pack.owner());
    return new RuleDef(adopted, rule.when(), rule.assertion(), rule.message(), rule.position());
  }

  private String baseName() {
    return base == null ? "" : base.id();
  }

  private static @Nullable String text(@Nullable Node node) {
    if (node instanceof ScalarNode s && s.value() != null && !(s.value() instanceof Boolean) && !s.text().isBlank()) {
      return s.text();
    }
    return null;
  }

  private void problem(@Nullable Node at, @Nullable String ruleId, String message, @Nullable String suggestion) {
    problems.add(at, ruleId, message, suggestion);
  }
}
