package dev.rampart.engine.internal.ast;

import dev.rampart.engine.value.Category;
import dev.rampart.engine.value.RuleId;
import dev.rampart.engine.value.Severity;
import dev.rampart.spi.fact.FactType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a rule is about, as the pack states it: the engine's own record of it, which the API maps to
 * its {@code Rule} at the boundary.
 *
 * @param packId id of the pack that defines the rule
 * @param id the rule's id, unique within its pack
 * @param title a one-line summary
 * @param rationale why the rule matters (may be empty)
 * @param category the guide area
 * @param severity how serious a violation is
 * @param target the type of fact the rule is evaluated for
 * @param remediation how to fix a violation (may be empty)
 * @param requirements ids of the guide requirements the rule serves
 * @param references framework name to control ids
 */
public record RuleInfo(
    String packId,
    String id,
    String title,
    String rationale,
    Category category,
    Severity severity,
    FactType target,
    String remediation,
    List<String> requirements,
    Map<String, List<String>> references) {

  public RuleInfo {
    Objects.requireNonNull(packId, "packId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(remediation, "remediation");
    requirements = List.copyOf(requirements);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    references.forEach((framework, controls) -> copy.put(framework, List.copyOf(controls)));
    references = Collections.unmodifiableMap(copy);
  }

  /** The rule's id with its pack's. */
  public RuleId ruleId() {
    return new RuleId(packId, id);
  }
}
