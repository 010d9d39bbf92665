package dev.rampart.engine.internal.runtime;

import static org.drools.model.DSL.accFunction;
import static org.drools.model.DSL.accumulate;
import static org.drools.model.DSL.and;
import static org.drools.model.DSL.declarationOf;
import static org.drools.model.DSL.from;
import static org.drools.model.DSL.globalOf;
import static org.drools.model.DSL.on;
import static org.drools.model.PatternDSL.betaIndexedBy;
import static org.drools.model.PatternDSL.pattern;
import static org.drools.model.PatternDSL.rule;

import dev.rampart.engine.internal.ast.FieldPath;
import dev.rampart.engine.internal.eval.Frame;
import dev.rampart.engine.internal.eval.GroupSelector;
import dev.rampart.engine.internal.eval.Judgement;
import dev.rampart.engine.internal.eval.RuleProgram;
import dev.rampart.engine.internal.eval.ValueGroup;
import dev.rampart.engine.internal.load.Joins;
import dev.rampart.engine.internal.schema.Field;
import dev.rampart.engine.internal.schema.FieldKind;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.drools.core.base.accumulators.CollectListAccumulateFunction;
import org.drools.model.DSL;
import org.drools.model.Drools;
import org.drools.model.From;
import org.drools.model.Global;
import org.drools.model.Index;
import org.drools.model.Model;
import org.drools.model.PatternDSL;
import org.drools.model.Rule;
import org.drools.model.RuleItemBuilder;
import org.drools.model.Variable;
import org.drools.model.impl.ModelImpl;
import org.drools.model.view.ViewItem;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.jspecify.annotations.Nullable;
import org.kie.api.runtime.KieSession;

/**
 * The Drools knowledge base for a set of compiled rules, built in memory with the executable-model
 * DSL. Nothing from a pack becomes source text: every constraint is a lambda over the validated AST.
 *
 * <p>Each pack rule that joins other facts becomes one Drools rule: a pattern on its target fact
 * type, one accumulate per reference it follows (an indexed equality join on the id), one group-by
 * per unique check (the facts grouped by the value, which the fact joins through an index), and the
 * rule's verdict, computed once per match in a {@code from} over the joined variables and handed as
 * it is to the consequence; only a reported verdict activates the rule.
 *
 * <p>A rule that joins nothing is decided by the fact alone. Evaluated once ({@link Mode#ONCE}), it
 * is judged straight from the facts as they are handed over, so a passing fact never costs Drools
 * anything. Kept up to date by truth maintenance ({@link Mode#MAINTAINED}), it is an alpha
 * constraint, so a passing fact never makes a tuple, and the verdict it reached is kept for the
 * consequence, which logically inserts the {@link Finding}.
 *
 * <p>A knowledge base built for explanation has the same joins without the filters, and hands every
 * joined frame to the session's context instead.
 */
final class RuleBase {

  private static final String PACKAGE = "dev.rampart.rules";
  /** Facts judged, or rules fired, between checks whether the evaluation was cancelled. */
  private static final int BETWEEN_CHECKS = 256;

  private final List<RuleProgram> programs;
  private final KieBase kieBase;
  private final boolean hasDroolsRules;
  /** Per fact type, the indexes of the rules judged straight from the facts ({@link Mode#ONCE}). */
  private final Map<FactType, int[]> direct;

  private RuleBase(List<RuleProgram> programs, KieBase kieBase, boolean hasDroolsRules, Map<FactType, int[]> direct) {
    this.programs = programs;
    this.kieBase = kieBase;
    this.hasDroolsRules = hasDroolsRules;
    this.direct = direct;
  }

  /** What a knowledge base is for. */
  enum Mode {
    /** Facts inserted once and never changed: findings handed over as they are made. */
    ONCE,
    /** An incremental session: findings kept true by truth maintenance as facts change. */
    MAINTAINED,
    /** The joined frame of every fact, for explaining a rule. */
    EXPLAIN
  }

  /**
   * Builds a knowledge base of some of the programs. Findings still name each rule by its index in
   * the whole list, so results of several such bases combine.
   */
  static RuleBase build(List<RuleProgram> programs, Predicate<RuleProgram> include, Mode mode) {
    Global<SessionContext> context = globalOf(SessionContext.class, PACKAGE, SessionContext.GLOBAL);
    ModelImpl model = new ModelImpl();
    model.addGlobal(context);
    Map<FactType, List<Integer>> direct = new EnumMap<>(FactType.class);
    boolean hasDroolsRules = false;
    for (int i = 0; i < programs.size(); i++) {
      RuleProgram program = programs.get(i);
      if (!include.test(program)) {
        continue;
      }
      if (mode == Mode.ONCE && program.joins().count() == 0) {
        direct.computeIfAbsent(program.rule().target(), t -> new ArrayList<>()).add(i);
      } else {
        model.addRule(toDrools(i, program, context, mode));
        hasDroolsRules = true;
      }
    }
    Map<FactType, int[]> directByType = new EnumMap<>(FactType.class);
    direct.forEach((type, indexes) -> directByType.put(type, indexes.stream().mapToInt(Integer::intValue).toArray()));
    KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(List.<Model>of(model));
    return new RuleBase(List.copyOf(programs), kieBase, hasDroolsRules, directByType);
  }

  /** A new session whose rules measure durations against {@code now} and hand their work to the context. */
  KieSession newSession(Instant now, SessionContext context) {
    KieSession session = newSession(context);
    session.insert(new EvaluationTime(now));
    return session;
  }

  /** A new session without the time yet: the caller inserts an {@link EvaluationTime} before firing. */
  KieSession newSession(SessionContext context) {
    KieSession session = kieBase.newKieSession();
    session.setGlobal(SessionContext.GLOBAL, context);
    return session;
  }

  /**
   * Evaluates facts once, handing every finding to {@code findings}: the rules that join nothing
   * judge each fact as it is handed over, the others run in a session of their own. Each fact is
   * inserted once and never changed, so no truth maintenance is lost.
   */
  @SafeVarargs
  final void evaluateOnce(Instant now, Consumer<Finding> findings, Iterable<? extends Fact>... facts) {
    int judged = 0;
    for (Iterable<? extends Fact> group : facts) {
      for (Fact fact : group) {
        if (++judged % BETWEEN_CHECKS == 0) {
          EvaluationTasks.checkInterrupted();
        }
        judgeDirectly(fact, now, findings);
      }
    }
    if (hasDroolsRules) {
      run(newSession(now, SessionContext.evaluating((drools, finding) -> findings.accept(finding))), List.of(facts));
    }
  }

  /** Runs an explanation base over the facts, handing every joined frame to {@code frames}. */
  void explain(Instant now, Consumer<Frame> frames, Collection<? extends Fact> facts) {
    run(newSession(now, SessionContext.explaining(frames)), List.of(facts));
  }

  private void judgeDirectly(Fact fact, Instant now, Consumer<Finding> findings) {
    int[] rules = direct.get(fact.type());
    if (rules == null) {
      return;
    }
    Frame frame = Frame.of(fact, now);
    for (int index : rules) {
      Judgement judgement = programs.get(index).judge(frame);
      if (judgement.isReported()) {
        findings.accept(finding(index, fact.type(), fact, judgement));
      }
    }
  }

  private static void run(KieSession session, List<? extends Iterable<? extends Fact>> facts) {
    try {
      int inserted = 0;
      for (Iterable<? extends Fact> group : facts) {
        for (Fact fact : group) {
          if (++inserted % BETWEEN_CHECKS == 0) {
            EvaluationTasks.checkInterrupted();
          }
          session.insert(fact);
        }
      }
      fire(session);
    } finally {
      session.dispose();
    }
  }

  /**
   * Fires every activation, a few at a time, checking between them whether the evaluation was
   * cancelled: Drools evaluates a rule's joins when it first fires it, so that is where the work is.
   *
   * @throws dev.rampart.engine.value.EvaluationCancelledException if the thread was interrupted
   */
  static void fire(KieSession session) {
    // a call may fire fewer than asked while work is left (a group-by's results land later), so
    // only one that fires nothing says it is done
    do {
      EvaluationTasks.checkInterrupted();
    } while (session.fireAllRules(BETWEEN_CHECKS) > 0);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Rule toDrools(int index, RuleProgram program, Global<SessionContext> context, Mode mode) {
    FactType target = program.rule().target();
    Class<Fact> type = (Class<Fact>) target.javaType();
    Variable<Fact> fact = declarationOf(type, "fact");
    List<RuleItemBuilder<?>> items = new ArrayList<>();
    String name = program.rule().ruleId().toString();
    boolean selfContained = program.joins().count() == 0 && !program.joins().usesTime();
    if (selfContained) {
      if (mode == Mode.EXPLAIN) {
        items.add(pattern(fact));
        items.add(on(fact, context).execute((f, ctx) -> ctx.frames().accept(Frame.of(f))));
        return rule(PACKAGE, name).build(items.toArray(RuleItemBuilder[]::new));
      }
      // decided by the fact alone: an alpha constraint, so a passing fact never makes a tuple; the
      // verdict it reached is kept for the consequence
      JudgementMemo memo = new JudgementMemo();
      items.add(pattern(fact).expr("finding_" + index, f -> {
        Judgement judgement = program.judge(f);
        if (!judgement.isReported()) {
          return false;
        }
        memo.put(f, judgement);
        return true;
      }));
      items.add(on(fact, context).execute((drools, f, ctx) -> {
        Judgement judgement = memo.get(f);
        ctx.sink().accept(drools, finding(index, target, f, judgement == null ? program.judge(f) : judgement));
      }));
      return rule(PACKAGE, name).build(items.toArray(RuleItemBuilder[]::new));
    }
    List<Variable<?>> variables = new ArrayList<>();
    variables.add(fact);
    boolean usesTime = program.joins().usesTime();
    if (usesTime) {
      Variable<EvaluationTime> time = declarationOf(EvaluationTime.class, "time");
      items.add(pattern(time));
      variables.add(time);
    }
    int joinIndex = 0;
    List<Variable<ValueGroup>> groups = new ArrayList<>();
    if (program.joins().uniques().isEmpty()) {
      items.add(pattern(fact));
    } else {
      // the groups of facts sharing each value come first, each computed once for all its members;
      // the fact then joins its own group through a hash index
      PatternDSL.PatternDef<Fact> joined = pattern(fact);
      List<Joins.Unique> uniques = program.joins().uniques();
      for (int slot = 0; slot < uniques.size(); slot++) {
        FieldPath unique = uniques.get(slot).path();
        Variable<Object> key = declarationOf(Object.class, "key_" + slot);
        Variable<ValueGroup> group = declarationOf(ValueGroup.class, "group_" + slot);
        items.add(valueGroups(type, unique, program.selector(slot), key, group));
        Function<Object, Object> keyOf = Keys.valueOrSelf(unique);
        joined = joined.expr("group_" + index + "_" + slot + "_" + unique.text(), key, (f, k) -> keyOf.apply(f).equals(k),
            betaIndexedBy(Object.class, Index.ConstraintType.EQUAL, joinIndex++, keyOf::apply, k -> k));
        groups.add(group);
      }
      items.add(joined);
    }
    for (Field reference : program.joins().references()) {
      Variable<List> resolved = declarationOf(List.class, "ref_" + reference.name());
      items.add(referenceJoin(index, fact, reference, resolved, joinIndex++));
      variables.add(resolved);
    }
    variables.addAll(groups);
    int references = program.joins().references().size();
    Function<Object[], Frame> frames = values -> frame(values, usesTime, references);
    if (mode == Mode.EXPLAIN) {
      variables.add(context);
      items.add(consequence(variables, (drools, values) -> ((SessionContext) values[values.length - 1]).frames()
          .accept(frames.apply(java.util.Arrays.copyOf(values, values.length - 1)))));
      return rule(PACKAGE, name).build(items.toArray(RuleItemBuilder[]::new));
    }
    // the verdict is computed once per match, from the joined variables, and only a reported one
    // activates the rule
    Variable<Judgement> verdict = declarationOf(Judgement.class, "verdict_" + index,
        verdictOf(variables, values -> program.judge(frames.apply(values))));
    items.add(pattern(verdict).expr("finding_" + index, Judgement::isReported));
    items.add(on(fact, verdict, context).execute((drools, f, judgement, ctx) ->
        ctx.sink().accept(drools, finding(index, target, f, judgement))));
    return rule(PACKAGE, name).build(items.toArray(RuleItemBuilder[]::new));
  }

  private static Finding finding(int index, FactType target, Fact fact, Judgement judgement) {
    return new Finding(new Result(index, target, fact.id(), judgement));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ViewItem<?> referenceJoin(int rule, Variable<Fact> fact, Field reference, Variable<List> resolved, int indexId) {
    Class<Fact> targetType = (Class<Fact>) Objects.requireNonNull(reference.target()).javaType();
    Variable<Fact> target = declarationOf(targetType, "target_" + reference.name());
    Function<Object, Object> accessor = reference.accessor();
    if (reference.kind() == FieldKind.REF_ONE) {
      Function<Object, Object> key = Keys.idOrSelf(accessor);
      return accumulate(
          pattern(target).expr("ref_" + rule + "_" + reference.name(), fact, (t, f) -> t.id().equals(key.apply(f)),
              betaIndexedBy(Object.class, Index.ConstraintType.EQUAL, indexId, t -> t.id(), f -> key.apply(f))),
          accFunction(CollectListAccumulateFunction::new, target).as(resolved));
    }
    Variable<String> id = declarationOf(String.class, "id_" + reference.name(), from(fact, f -> ids(accessor.apply(f))));
    return accumulate(
        and(pattern(id),
            pattern(target).expr("ref_" + rule + "_" + reference.name(), id, (t, i) -> t.id().equals(i),
                betaIndexedBy(String.class, Index.ConstraintType.EQUAL, indexId, t -> t.id(), i -> i))),
        accFunction(CollectListAccumulateFunction::new, target).as(resolved));
  }

  private static List<?> ids(Object value) {
    return value == null ? List.of() : (List<?>) value;
  }

  /**
   * The facts of a type grouped by the value at a path: one tuple per distinct value holding the
   * value and its {@link ValueGroup}. Every fact joins one group, so a value shared by the whole
   * fleet costs as little per fact as a value nobody shares (a self-join would pair every fact with
   * every other). An absent value is keyed by the fact itself, a group of one. With a selector
   * ({@code uniqueAmong}), every fact still joins its group, which counts only the members selected.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ViewItem<?> valueGroups(
      Class<Fact> type, FieldPath path, @Nullable GroupSelector selector, Variable<Object> key, Variable<ValueGroup> group) {
    Variable<Fact> member = declarationOf(type, "member_" + key.getName());
    Function<Object, Object> keyOf = Keys.valueOrSelf(path);
    return DSL.groupBy(pattern(member), member, key, m -> keyOf.apply(m),
        accFunction(() -> new GroupMembers(selector), member).as(group));
  }

  /** The frame of one match: the fact, the time if the rule reads it, the resolved references, the groups. */
  private static Frame frame(Object[] values, boolean usesTime, int references) {
    Fact fact = (Fact) values[0];
    int next = 1;
    Instant now = usesTime ? ((EvaluationTime) values[next++]).now() : Instant.EPOCH;
    List<?>[] resolved = new List<?>[references];
    for (int i = 0; i < references; i++) {
      resolved[i] = (List<?>) values[next++];
    }
    ValueGroup[] groups = new ValueGroup[values.length - next];
    for (int i = 0; i < groups.length; i++) {
      groups[i] = (ValueGroup) values[next + i];
    }
    return new Frame(fact, resolved, groups, now);
  }

  /** The source of a rule's verdict: computed from the joined variables, given to the rest as an array. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static From<Judgement> verdictOf(List<Variable<?>> v, Function<Object[], Judgement> judge) {
    Variable[] x = v.toArray(Variable[]::new);
    return (From<Judgement>) switch (x.length) {
      case 1 -> from(x[0], a -> judge.apply(new Object[] {a}));
      case 2 -> from(x[0], x[1], (a, b) -> judge.apply(new Object[] {a, b}));
      case 3 -> from(x[0], x[1], x[2], (a, b, c) -> judge.apply(new Object[] {a, b, c}));
      case 4 -> from(x[0], x[1], x[2], x[3], (a, b, c, d) -> judge.apply(new Object[] {a, b, c, d}));
      case 5 -> from(x[0], x[1], x[2], x[3], x[4], (a, b, c, d, e) -> judge.apply(new Object[] {a, b, c, d, e}));
      case 6 -> from(x[0], x[1], x[2], x[3], x[4], x[5],
          (a, b, c, d, e, f) -> judge.apply(new Object[] {a, b, c, d, e, f}));
      default -> throw new IllegalArgumentException("rules join at most 3 facts; got " + (x.length - 2));
    };
  }

  /** A consequence over any number of variables, handed to the body as an array. */
  @SuppressWarnings("unchecked")
  private static RuleItemBuilder<?> consequence(List<Variable<?>> v, Body body) {
    Variable<Object>[] x = v.toArray(Variable[]::new);
    return switch (x.length) {
      case 2 -> on(x[0], x[1]).execute((d, a, b) -> body.run(d, new Object[] {a, b}));
      case 3 -> on(x[0], x[1], x[2]).execute((d, a, b, c) -> body.run(d, new Object[] {a, b, c}));
      case 4 -> on(x[0], x[1], x[2], x[3]).execute((d, a, b, c, e) -> body.run(d, new Object[] {a, b, c, e}));
      case 5 -> on(x[0], x[1], x[2], x[3], x[4]).execute(
          (d, a, b, c, e, f) -> body.run(d, new Object[] {a, b, c, e, f}));
      case 6 -> on(x[0], x[1], x[2], x[3], x[4], x[5]).execute(
          (d, a, b, c, e, f, g) -> body.run(d, new Object[] {a, b, c, e, f, g}));
      default -> throw new IllegalArgumentException("rules join at most 3 facts; got " + (x.length - 2));
    };
  }

  @FunctionalInterface
  private interface Body {
    void run(Drools drools, Object[] values);
  }
}
