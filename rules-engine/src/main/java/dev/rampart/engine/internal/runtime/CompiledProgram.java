package dev.rampart.engine.internal.runtime;

import dev.rampart.engine.internal.eval.ExplainedRule;
import dev.rampart.engine.internal.eval.Frame;
import dev.rampart.engine.internal.eval.RuleProgram;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.DidYouMean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Every rule of the packs an engine evaluates, compiled: what the API holds and hands each
 * evaluation to. Immutable and thread-safe; every evaluation gets its own working memory.
 */
public final class CompiledProgram {

  private final RuleBases bases;

  CompiledProgram(RuleBases bases) {
    this.bases = bases;
  }

  /**
   * Compiles now every knowledge base evaluations and sessions may need, rather than on first use.
   *
   * @return how many knowledge bases are compiled
   */
  public int compileAll(Executor executor) {
    bases.compileAll(executor);
    return bases.compiled();
  }

  /** How many knowledge bases are compiled so far. */
  public int compiled() {
    return bases.compiled();
  }

  /** The rules, in pack order; results name a rule by its index here. */
  public List<Rule> rules() {
    return bases.rules();
  }

  /**
   * Evaluates a complete set of facts, sharding devices over parallel sessions; with a fact or time
   * limit the results cover only the facts evaluated, and say why they stopped.
   *
   * @throws dev.rampart.engine.value.EvaluationCancelledException if the thread was interrupted
   */
  public BoundedResults evaluate(Collection<? extends Fact> facts, Instant now, Execution execution) {
    return new BatchEvaluation(bases, now, execution).run(facts);
  }

  /** The groups of rules that compare facts with each other, as a distributed evaluation splits them. */
  public List<FleetPart> fleetParts() {
    return bases.fleetRules().parts(bases.programs());
  }

  /** Whether the rule at this index compares facts with each other, so that only its fleet part decides it. */
  public boolean needsFleet(int rule) {
    return RuleBases.needsFleet(bases.programs().get(rule));
  }

  /**
   * Evaluates, without sharding, the rules that each fact decides with the facts it refers to, for
   * the subjects; {@code context} holds the facts of other types they refer to. The table covers
   * the subjects only.
   */
  public ResultTable evaluateLocal(Collection<? extends Fact> subjects, Collection<? extends Fact> context, Instant now) {
    boolean devicesOnly = subjects.stream().allMatch(fact -> fact.type() == FactType.DEVICE);
    RuleBase base = devicesOnly ? bases.localDevices() : bases.local();
    List<Finding> findings = new ArrayList<>();
    base.evaluateOnce(now, findings::add, context, subjects);
    return table(subjects, findings);
  }

  /** Evaluates the rules of one fleet part for the subjects, all the facts of its target that may share a split key. */
  public ResultTable evaluateFleetPart(
      FleetPart part, Collection<? extends Fact> subjects, Collection<? extends Fact> context, Instant now) {
    List<Fact> targets = new ArrayList<>(subjects);
    List<Finding> findings = bases.fleetRules().evaluate(bases, part.index(), now, targets, List.copyOf(context));
    return table(subjects, findings);
  }

  private ResultTable table(Collection<? extends Fact> subjects, List<Finding> findings) {
    Map<FactType, Set<String>> ids = new EnumMap<>(FactType.class);
    for (Fact fact : subjects) {
      ids.computeIfAbsent(fact.type(), type -> new HashSet<>()).add(fact.id());
    }
    ResultTable.Builder table = new ResultTable.Builder(bases.rules(), ResultTable.sortedIds(ids));
    for (Finding finding : findings) {
      Result result = finding.result();
      Set<String> ofType = ids.get(result.factType());
      if (ofType != null && ofType.contains(result.factId())) {
        table.record(result);
      }
    }
    return table.build();
  }

  /**
   * The results with the evidence of each finding naming the source of its values, as the origins
   * tell, and the results of facts that stand in for records a source could not read UNKNOWN.
   */
  public BoundedResults withSources(BoundedResults results, Collection<? extends Fact> facts, Origins origins) {
    if (origins == Origins.NONE) {
      return results;
    }
    return new BoundedResults(results.results().withFindings(EvidenceSources.of(origins, facts)::decorate)
        .withUnreadableFacts(origins::unreadable), results.incompleteReason());
  }

  /** Opens an incremental session whose rules measure durations against {@code now}. */
  public DroolsSession openSession(Instant now, Execution execution, Consumer<FindingChange> changes) {
    return new DroolsSession(bases, now, execution, changes);
  }

  /** Starts an evaluation of facts handed over one at a time. */
  public StreamingRun startStreaming(Instant now, Origins origins, Execution execution, Consumer<Result> findings) {
    return new StreamingRun(bases, now, origins, execution, findings);
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
