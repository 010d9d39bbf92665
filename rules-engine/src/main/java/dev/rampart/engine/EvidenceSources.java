package dev.rampart.engine;

import dev.rampart.engine.internal.schema.Field;
import dev.rampart.engine.internal.schema.FieldKind;
import dev.rampart.engine.internal.schema.Schemas;
import dev.rampart.engine.value.Evidence;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.Origin;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Fills in the source of evidence once results are reported, so evaluation itself never looks
 * anything up: only results that carry evidence (never a PASS) are touched. A path through a
 * reference is resolved to the referenced fact, whose provenance then answers.
 */
final class EvidenceSources {

  private final Provenance provenance;
  private final Collection<? extends Fact> facts;
  private @Nullable Map<FactType, Map<String, Fact>> byId;

  private EvidenceSources(Provenance provenance, Collection<? extends Fact> facts) {
    this.provenance = provenance;
    this.facts = facts;
  }

  static EvidenceSources of(Provenance provenance, Collection<? extends Fact> facts) {
    return new EvidenceSources(provenance, facts);
  }

  RuleResult decorate(RuleResult result) {
    if (result.evidence().isEmpty() || provenance == Provenance.none()) {
      return result;
    }
    return new RuleResult(result.rule(), result.factType(), result.factId(), result.outcome(), result.message(),
        decorate(result.factType(), result.factId(), result.evidence()));
  }

  Explanation decorate(Explanation explanation) {
    if (provenance == Provenance.none()) {
      return explanation;
    }
    RuleResult result = explanation.result();
    Explanation.Node applicability = explanation.applicability();
    return new Explanation(decorate(result),
        applicability == null ? null : decorate(result.factType(), result.factId(), applicability),
        decorate(result.factType(), result.factId(), explanation.assertion()));
  }

  private Explanation.Node decorate(FactType type, String factId, Explanation.Node node) {
    List<Explanation.Node> children = new ArrayList<>();
    node.children().forEach(child -> children.add(decorate(type, factId, child)));
    return new Explanation.Node(node.condition(), node.subject(), node.value(), decorate(type, factId, node.evidence()),
        children);
  }

  private List<Evidence> decorate(FactType type, String factId, List<Evidence> evidence) {
    List<Evidence> decorated = new ArrayList<>(evidence.size());
    for (Evidence e : evidence) {
      // an absent value has no source: no source reported it
      Origin origin = e.isAbsent() || e.source() != null ? null : originOf(type, factId, e.field());
      decorated.add(origin == null ? e : e.withSource(origin.describe()));
    }
    return decorated;
  }

  private @Nullable Origin originOf(FactType type, String factId, String path) {
    int end = endOfFirstStep(path);
    Field field = Schemas.of(type).fields().get(path.substring(0, end));
    if (field == null || (field.kind() != FieldKind.REF_ONE && field.kind() != FieldKind.REF_MANY)) {
      return provenance.originOf(type, factId, path);
    }
    FactType target = field.target();
    String component = Schemas.componentName(field);
    if (field.kind() == FieldKind.REF_ONE) {
      Fact fact = fact(type, factId);
      Object referenced = fact == null ? null : field.accessor().apply(fact);
      if (end == path.length() || referenced == null || target == null) {
        return provenance.originOf(type, factId, component + path.substring(end));
      }
      return originOf(target, String.valueOf(referenced), path.substring(end + 1));
    }
    int close = path.indexOf(']', end);
    if (end == path.length() || path.charAt(end) != '[' || close < 0 || close + 1 >= path.length() || target == null) {
      return provenance.originOf(type, factId, component + path.substring(end));
    }
    return originOf(target, path.substring(end + 1, close), path.substring(close + 2));
  }

  private static int endOfFirstStep(String path) {
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '.' || path.charAt(i) == '[') {
        return i;
      }
    }
    return path.length();
  }

  private @Nullable Fact fact(FactType type, String id) {
    if (byId == null) {
      Map<FactType, Map<String, Fact>> index = new EnumMap<>(FactType.class);
      for (Fact fact : facts) {
        index.computeIfAbsent(fact.type(), t -> new HashMap<>()).putIfAbsent(fact.id(), fact);
      }
      byId = index;
    }
    return byId.getOrDefault(type, Map.of()).get(id);
  }
}
