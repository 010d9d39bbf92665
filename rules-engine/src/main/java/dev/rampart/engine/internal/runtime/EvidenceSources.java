package dev.rampart.engine.internal.runtime;

import dev.rampart.engine.internal.eval.ExplainedCondition;
import dev.rampart.engine.internal.eval.Judgement;
import dev.rampart.engine.internal.schema.Field;
import dev.rampart.engine.internal.schema.FieldKind;
import dev.rampart.engine.internal.schema.Schemas;
import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.Outcome;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.FieldPath;
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
 * reference is resolved to the referenced fact, whose origins then answer.
 */
final class EvidenceSources {

  private final Origins origins;
  private final Collection<? extends Fact> facts;
  private @Nullable Map<FactType, Map<String, Fact>> byId;

  private EvidenceSources(Origins origins, Collection<? extends Fact> facts) {
    this.origins = origins;
    this.facts = facts;
  }

  static EvidenceSources of(Origins origins, Collection<? extends Fact> facts) {
    return new EvidenceSources(origins, facts);
  }

  Result decorate(Result result) {
    Judgement judgement = result.judgement();
    if (judgement.evidence().isEmpty() || origins == Origins.NONE) {
      return result;
    }
    return new Result(result.rule(), result.factType(), result.factId(), new Judgement(judgement.outcome(),
        judgement.message(), decorate(result.factType(), result.factId(), judgement.evidence())));
  }

  ExplainedResult decorate(ExplainedResult explained) {
    if (origins == Origins.NONE) {
      return explained;
    }
    Result result = explained.result();
    ExplainedCondition applicability = explained.applicability();
    String unreadable = origins.unreadable(result.factType(), result.factId());
    if (unreadable != null && result.outcome() != Outcome.ERROR) {
      // a stand-in for a record its source could not read: its empty fields say nothing
      result = ResultTable.unreadable(result.rule(), result.factType(), result.factId(), unreadable);
    }
    return new ExplainedResult(decorate(result),
        applicability == null ? null : decorate(result.factType(), result.factId(), applicability),
        decorate(result.factType(), result.factId(), explained.assertion()));
  }

  private ExplainedCondition decorate(FactType type, String factId, ExplainedCondition node) {
    List<ExplainedCondition> children = new ArrayList<>();
    node.children().forEach(child -> children.add(decorate(type, factId, child)));
    return new ExplainedCondition(node.condition(), node.subject(), node.value(),
        decorate(type, factId, node.evidence()), children);
  }

  private List<Evidence> decorate(FactType type, String factId, List<Evidence> evidence) {
    List<Evidence> decorated = new ArrayList<>(evidence.size());
    for (Evidence e : evidence) {
      // an absent value has no source: no source reported it
      Origin origin = e.isAbsent() || e.source() != null ? null : originOf(type, factId, e.path());
      decorated.add(origin == null ? e : e.withSource(origin.describe()));
    }
    return decorated;
  }

  private @Nullable Origin originOf(FactType type, String factId, FieldPath path) {
    Field field = path.first() instanceof FieldPath.Name name ? Schemas.of(type).fields().get(name.name()) : null;
    if (field == null || (field.kind() != FieldKind.REF_ONE && field.kind() != FieldKind.REF_MANY)) {
      return origins.originOf(type, factId, path);
    }
    // the fact holds the reference as its id field (vendorId, networkIds); the referenced fact holds the rest
    FactType target = field.target();
    FieldPath rest = path.rest();
    FieldPath component = FieldPath.of(Schemas.componentName(field));
    if (field.kind() == FieldKind.REF_ONE) {
      Fact fact = fact(type, factId);
      Object referenced = fact == null ? null : field.accessor().apply(fact);
      if (rest.isRoot() || referenced == null || target == null) {
        return origins.originOf(type, factId, component.then(rest));
      }
      return originOf(target, String.valueOf(referenced), rest);
    }
    if (rest.isRoot() || !(rest.first() instanceof FieldPath.Key key) || rest.rest().isRoot() || target == null) {
      return origins.originOf(type, factId, component.then(rest));
    }
    return originOf(target, key.key(), rest.rest());
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
