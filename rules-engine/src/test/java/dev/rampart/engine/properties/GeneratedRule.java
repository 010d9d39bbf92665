package dev.rampart.engine.properties;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A device rule made of generated conditions.
 *
 * @param id the rule's id
 * @param when applicability, or {@code null} for a rule that always applies
 * @param assertion what a compliant device satisfies
 */
record GeneratedRule(String id, @Nullable ConditionTree when, ConditionTree assertion) {

  GeneratedRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(assertion, "assertion");
  }

  /** The rule as an entry of a pack's {@code rules:} list. */
  String yaml() {
    StringBuilder text = new StringBuilder()
        .append("  - id: ").append(id).append('\n')
        .append("    title: generated rule ").append(id).append('\n')
        .append("    category: identity\n")
        .append("    severity: high\n")
        .append("    target: device\n");
    if (when != null) {
      text.append("    when: ").append(when.yaml()).append('\n');
    }
    return text.append("    assert: ").append(assertion.yaml()).append('\n').toString();
  }

  /** A complete pack holding the rules. */
  static String packYaml(List<GeneratedRule> rules) {
    StringBuilder text = new StringBuilder("""
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: generated, version: "1", title: Generated rules}
        rules:
        """);
    rules.forEach(rule -> text.append(rule.yaml()));
    return text.toString();
  }
}
