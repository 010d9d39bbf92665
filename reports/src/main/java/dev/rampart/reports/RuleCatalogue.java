package dev.rampart.reports;

import dev.rampart.engine.Report;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.value.Category;
import dev.rampart.engine.value.Rule;
import dev.rampart.engine.value.RuleId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules a report describes, in pack order, each with the id reports show for it: the rule's own
 * id, or {@code packId/ruleId} when several packs define that id (as {@code ComplianceEngine.explain}
 * accepts it).
 */
final class RuleCatalogue {

  private final List<Rule> rules;
  private final Map<RuleId, Integer> indexes;
  private final Map<String, Integer> packsPerId;

  private RuleCatalogue(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    this.indexes = new HashMap<>();
    this.packsPerId = new HashMap<>();
    for (int i = 0; i < this.rules.size(); i++) {
      Rule rule = this.rules.get(i);
      indexes.put(rule.ruleId(), i);
      packsPerId.merge(rule.id(), 1, Integer::sum);
    }
  }

  /** What a report prints for a category: the guide's id (as packs write it), or the title a pack declares. */
  static String categoryName(Category category) {
    return category.isBuiltIn() ? category.wireName() : category.title();
  }

  /**
   * The declared rules followed by any rule that has a result or was not assessed but was not declared, each once.
   * Declared rules without results stay, so a catalogue can list rules that matched no fact.
   */
  static RuleCatalogue of(List<Rule> declared, Report report) {
    Map<RuleId, Rule> rules = new LinkedHashMap<>();
    for (Rule rule : declared) {
      rules.putIfAbsent(rule.ruleId(), rule);
    }
    for (RuleResult result : report.results()) {
      rules.putIfAbsent(result.rule().ruleId(), result.rule());
    }
    report.notAssessed().forEach(notAssessed -> rules.putIfAbsent(notAssessed.rule().ruleId(), notAssessed.rule()));
    return new RuleCatalogue(new ArrayList<>(rules.values()));
  }

  /** The rules that have results, in the report's order, then those not assessed. */
  static RuleCatalogue of(Report report) {
    return of(List.of(), report);
  }

  List<Rule> rules() {
    return rules;
  }

  /** The rule's position in {@link #rules()}. */
  int index(Rule rule) {
    Integer index = indexes.get(rule.ruleId());
    if (index == null) {
      throw new IllegalArgumentException("rule " + rule.ruleId() + " is not in the catalogue");
    }
    return index;
  }

  /** The id to show: the rule's id, qualified with its pack's id when another pack uses the same id. */
  String displayId(Rule rule) {
    return packsPerId.getOrDefault(rule.id(), 0) > 1 ? rule.ruleId().toString() : rule.id();
  }
}
