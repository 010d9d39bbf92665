package dev.rampart.engine.internal.runtime;

import dev.rampart.engine.internal.eval.ExplainedRule;
import dev.rampart.engine.internal.eval.Frame;
import dev.rampart.engine.internal.eval.RuleProgram;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.DidYouMean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every rule of the packs an engine evaluates, compiled: what the API holds and hands each
 * evaluation to. Immutable and thread-safe; every evaluation gets its own working memory.
 */
public final class CompiledProgram {

  private final RuleBases bases;

  CompiledProgram(RuleBases bases) {
    this.bases = bases;
  }

  /** The rules, in pack order; results name a rule by its index here. */
  public List<Rule> rules() {
    return bases.rules();
  }

  /**
   * Evaluates a complete set of facts, sharding devices over parallel sessions beyond {@code shardSize}.
   *
   * @throws IllegalArgumentException if two facts of one type share an id
   */
  public ResultTable evaluate(Collection<? extends Fact> facts, Instant now, int shardSize, Origins origins) {
    ResultTable table = new BatchEvaluation(bases, now, shardSize).run(facts);
    if (origins == Origins.NONE) {
      return table;
    }
    return table.withFindings(EvidenceSources.of(origins, facts)::decorate);
  }

  /**
   * Evaluates in batches, referenced facts first, stopping at the fact or time limit; the results
   * then cover only the facts evaluated, and say why they stopped.
   */
  public BoundedResults evaluateWithin(
      Collection<? extends Fact> facts, Instant now, long maxFacts, @Nullable Duration timeLimit, Origins origins) {
    BoundedResults outcome = new BoundedEvaluation(this, now, maxFacts, timeLimit).run(facts);
    if (origins == Origins.NONE) {
      return outcome;
    }
    return new BoundedResults(
        outcome.results().withFindings(EvidenceSources.of(origins, facts)::decorate), outcome.incompleteReason());
  }

  /** Opens an incremental session whose rules measure durations against {@code now}. */
  public DroolsSession openSession(Instant now) {
    return new DroolsSession(bases, now);
  }

  /** Starts an evaluation of facts handed over one at a time. */
  public StreamingRun startStreaming(Instant now, Origins origins, int shardSize) {
    return new StreamingRun(bases, now, origins, shardSize);
  }

  /**
   * Explains one rule's result for one fact through the rule's own joins: the facts are evaluated
   * by a knowledge base of that rule alone, and the frame Drools joined for the fact is judged as
   * an evaluation judges it, with the condition trees.
   *
   * @param reference the rule as users write it: {@code ID}, or {@code PACK/ID}
   * @throws IllegalArgumentException if the rule or the fact is not known, naming what is
   */
  public ExplainedResult explain(
      String reference, FactType type, String factId, Collection<? extends Fact> facts, Instant now, Origins origins) {
    List<Rule> rules = bases.rules();
    List<Integer> matching = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).ruleId().isNamedBy(reference)) {
        matching.add(i);
      }
    }
    if (matching.isEmpty()) {
      List<String> ids = rules.stream().map(Rule::id).toList();
      throw new IllegalArgumentException("no rule '" + reference + "' in the packs ("
          + DidYouMean.hintOrList(reference, ids, "expected one of") + ")");
    }
    if (matching.size() > 1) {
      throw new IllegalArgumentException("rule id '" + reference + "' is defined by several packs; write PACK/" + reference);
    }
    int index = matching.get(0);
    Rule rule = rules.get(index);
    if (rule.target() != type) {
      throw new IllegalArgumentException("rule " + reference + " applies to " + rule.target().wireName()
          + " facts, not to " + type.wireName() + " facts");
    }
    Fact fact = facts.stream().filter(f -> f.type() == type && f.id().equals(factId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no " + type.wireName() + " with id '" + factId + "' in the facts"));
    List<Frame> frames = new ArrayList<>();
    bases.explaining(index).explain(now, frame -> {
      if (frame.fact() == fact) {
        frames.add(frame);
      }
    }, facts);
    if (frames.size() != 1) {
      throw new IllegalStateException("rule " + rule.ruleId() + " joined " + frames.size() + " frames for "
          + type.wireName() + " '" + factId + "'; expected one");
    }
    RuleProgram program = bases.programs().get(index);
    ExplainedRule explained = program.explain(frames.get(0));
    Result result = new Result(index, type, factId, explained.judgement());
    return EvidenceSources.of(origins, facts)
        .decorate(new ExplainedResult(result, explained.applicability(), explained.assertion()));
  }
}
