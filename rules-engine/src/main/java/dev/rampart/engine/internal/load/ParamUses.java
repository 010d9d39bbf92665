package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.ast.Condition;
import dev.rampart.engine.internal.ast.Operand;
import dev.rampart.engine.internal.ast.RuleDef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Where a pack's rules use its parameters: which ones a rule reads, and whether a value fits every use. */
public final class ParamUses {

  private ParamUses() {}

  /** What is wrong with {@code raw} for each use of parameter {@code name}; empty when it fits all. */
  public static List<String> check(List<RuleDef> rules, String name, Object raw) {
    List<String> problems = new ArrayList<>();
    for (RuleDef rule : rules) {
      walk(rule.when(), name, raw, rule.info().id(), problems);
      walk(rule.assertion(), name, raw, rule.info().id(), problems);
    }
    return problems;
  }

  /** The names of the parameters {@code rule}'s conditions refer to, in the order they are written. */
  public static Set<String> names(RuleDef rule) {
    Set<String> names = new LinkedHashSet<>();
    collect(rule.when(), names);
    collect(rule.assertion(), names);
    return names;
  }

  private static void collect(Condition condition, Set<String> names) {
    if (condition instanceof Condition.All all) {
      all.children().forEach(c -> collect(c, names));
    } else if (condition instanceof Condition.Any any) {
      any.children().forEach(c -> collect(c, names));
    } else if (condition instanceof Condition.Not not) {
      collect(not.child(), names);
    } else if (condition instanceof Condition.Quantified q) {
      collect(q.where(), names);
    } else if (condition instanceof Condition.Leaf leaf) {
      if (leaf.operand() instanceof Operand.ParamRef ref) {
        names.add(ref.name());
      } else if (leaf.operand() instanceof Operand.Selection selection) {
        collect(selection.condition(), names);
      }
    }
  }

  private static void walk(Condition condition, String name, Object raw, String ruleId, List<String> problems) {
    if (condition == null) {
      return;
    }
    if (condition instanceof Condition.All all) {
      all.children().forEach(c -> walk(c, name, raw, ruleId, problems));
    } else if (condition instanceof Condition.Any any) {
      any.children().forEach(c -> walk(c, name, raw, ruleId, problems));
    } else if (condition instanceof Condition.Not not) {
      walk(not.child(), name, raw, ruleId, problems);
    } else if (condition instanceof Condition.Quantified q) {
      walk(q.where(), name, raw, ruleId, problems);
    } else if (condition instanceof Condition.Leaf leaf
        && leaf.operand() instanceof Operand.ParamRef ref && ref.name().equals(name)) {
      Literals.Result result = Literals.convert(leaf.operator(), leaf.path().field(), raw);
      if (result instanceof Literals.Bad bad) {
        problems.add("rule " + ruleId + " uses it with '" + leaf.operator().wireName() + "' on '" + leaf.path().text()
            + "': " + bad.message());
      }
    }
  }
}
