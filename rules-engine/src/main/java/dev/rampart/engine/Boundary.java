package dev.rampart.engine;

import dev.rampart.engine.internal.ast.Version;
import dev.rampart.engine.internal.eval.ExplainedCondition;
import dev.rampart.engine.internal.eval.Judgement;
import dev.rampart.engine.internal.runtime.ExplainedResult;
import dev.rampart.engine.internal.runtime.Origins;
import dev.rampart.engine.internal.runtime.Result;
import dev.rampart.engine.internal.signing.PackVerifier;
import dev.rampart.engine.internal.waiver.WaiverSpec;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.source.Origin;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The one place where the engine's internal results become API records: the internals build only
 * the shared values of {@code dev.rampart.engine.value} (a rule's description among them), never an
 * API type, and the API hands them its provenance, trusted keys and minimum versions in their own
 * terms.
 */
final class Boundary {

  private Boundary() {}

  /** A result of the rule at its index in {@code rules}, the API's list of the compiled program's rules. */
  static RuleResult result(Result result, List<Rule> rules) {
    Judgement judgement = result.judgement();
    return new RuleResult(rules.get(result.rule()), result.factType(), result.factId(), judgement.outcome(),
        judgement.message(), judgement.evidence());
  }

  static @Nullable RuleResult resultOrNull(@Nullable Result result, List<Rule> rules) {
    return result == null ? null : result(result, rules);
  }

  static Explanation explanation(ExplainedResult explained, List<Rule> rules) {
    ExplainedCondition applicability = explained.applicability();
    return new Explanation(result(explained.result(), rules), applicability == null ? null : node(applicability),
        node(explained.assertion()));
  }

  static Waiver waiver(WaiverSpec spec) {
    WaiverSpec.FieldMatch where = spec.where();
    return new Waiver(spec.rule(), spec.factType(), spec.factId(),
        where == null ? null : new Waiver.FieldMatch(where.field(), where.equals()), spec.trustedSources(),
        spec.justification(), spec.approvedBy(), spec.expires(), spec.location(), spec.ticket());
  }

  /** The provenance as the runtime asks it; none stays none, so that nothing is looked up. */
  static Origins origins(Provenance provenance) {
    if (provenance == Provenance.none()) {
      return Origins.NONE;
    }
    return new Origins() {
      @Override
      public @Nullable Origin originOf(FactType type, String factId, FieldPath path) {
        return provenance.originOf(type, factId, path);
      }

      @Override
      public @Nullable String unreadable(FactType type, String factId) {
        return provenance.unreadable(type, factId);
      }
    };
  }

  /** The reader that loads a pack only once its signature, by a key of {@code trusted}, checks out. */
  static PackVerifier verifier(TrustedKeys trusted, MinimumVersions minimum) {
    Map<String, Version> lowest = new TreeMap<>();
    minimum.asMap().forEach((packId, version) -> lowest.put(packId, Version.parse(version)));
    return new PackVerifier(trusted.keys().stream().map(VerifyingKey::internal).toList(), lowest);
  }

  private static Explanation.Node node(ExplainedCondition condition) {
    return new Explanation.Node(condition.condition(), condition.subject(), value(condition.value()),
        condition.evidence(), condition.children().stream().map(Boundary::node).toList());
  }

  private static Explanation.Value value(ExplainedCondition.Value value) {
    return switch (value) {
      case HOLDS -> Explanation.Value.HOLDS;
      case FAILS -> Explanation.Value.FAILS;
      case UNKNOWN -> Explanation.Value.UNKNOWN;
      case ERROR -> Explanation.Value.ERROR;
    };
  }
}
