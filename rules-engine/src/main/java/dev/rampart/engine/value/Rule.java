package dev.rampart.engine.value;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.fact.FactType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a rule is about, as the pack states it and reports show it; the rule's conditions stay
 * inside the engine.
 *
 * @param packId id of the pack that defines the rule
 * @param id the rule's id, unique within its pack
 * @param title a one-line summary a reviewer understands
 * @param rationale why the rule matters (may be empty)
 * @param category the guide area the rule belongs to
 * @param severity how serious a violation is
 * @param target the type of fact the rule is evaluated for
 * @param remediation how to fix a violation (may be empty)
 * @param requirements ids of the guide requirements the rule serves, e.g. {@code G11}
 * @param references framework name to control ids, e.g. {@code etsi-en-303-645 -> [5.1-1]}
 * @param tags free-form labels the pack gives the rule, in its order (may be empty)
 * @param owner who answers for the rule: the {@code metadata.owner} of the pack it is evaluated in,
 *     or else of the pack that defines it (may be empty)
 */
@API(status = STABLE, since = "0.1")
public record Rule(
    String packId,
    String id,
    String title,
    String rationale,
    Category category,
    Severity severity,
    FactType target,
    String remediation,
    List<String> requirements,
    Map<String, List<String>> references,
    List<String> tags,
    String owner) {

  public Rule {
    Objects.requireNonNull(packId, "packId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(remediation, "remediation");
    requirements = List.copyOf(requirements);
    references = copyReferences(references);
    tags = List.copyOf(tags);
    Objects.requireNonNull(owner, "owner");
  }

  /** A rule without tags or owner. */
  public Rule(String packId, String id, String title, String rationale, Category category, Severity severity,
      FactType target, String remediation, List<String> requirements, Map<String, List<String>> references) {
    this(packId, id, title, rationale, category, severity, target, remediation, requirements, references, List.of(), "");
  }

  /** The rule's id with its pack's: what names it across packs, written {@code PACK/ID}. */
  public RuleId ruleId() {
    return new RuleId(packId, id);
  }

  private static Map<String, List<String>> copyReferences(Map<String, List<String>> references) {
    var copy = new java.util.LinkedHashMap<String, List<String>>();
    references.forEach((framework, controls) -> copy.put(framework, List.copyOf(controls)));
    return java.util.Collections.unmodifiableMap(copy);
  }
}
