package dev.rampart.engine.internal.drools;

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

import dev.rampart.engine.RuleResult;
import dev.rampart.engine.internal.ast.FieldPath;
import dev.rampart.engine.internal.eval.Frame;
import dev.rampart.engine.internal.eval.RuleProgram;
import dev.rampart.engine.internal.eval.ValueGroup;
import dev.rampart.engine.internal.schema.Field;
import dev.rampart.engine.internal.schema.FieldKind;
import dev.rampart.engine.value.Outcome;
import dev.rampart.spi.fact.Fact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.drools.core.base.accumulators.CollectListAccumulateFunction;
import org.drools.model.DSL;
import org.drools.model.Drools;
import org.drools.model.Global;
import org.drools.model.Index;
import org.drools.model.Model;
import org.drools.model.PatternDSL;
import org.drools.model.Rule;
import org.drools.model.RuleItemBuilder;
import org.drools.model.Variable;
import org.drools.model.impl.ModelImpl;
import org.drools.model.view.ViewItem;
import org.drools.model.view.ViewItemBuilder;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * The Drools knowledge base for a set of compiled rules, built in memory with the executable-model
 * DSL. Nothing from a pack becomes source text: every constraint is a lambda over the validated AST.
 *
 * <p>Each pack rule becomes one Drools rule: a pattern on its target fact type, one accumulate per
 * reference it follows (an indexed equality join on the id), one group-by per unique check (the
 * facts grouped by the value, which the fact joins through an index), a filter that lets only non-passing facts activate the rule when
 * Drools' expression arity allows, and a consequence that logically inserts the {@link Finding}.
 */
public final class RuleBase {

  private static final String PACKAGE = "dev.rampart.rules";
  private static final int MAX_FILTER_VARIABLES = 4;
  private static final List<?>[] NO_REFERENCES = new List<?>[0];
  private static final ValueGroup[] NO_GROUPS = new ValueGroup[0];
  private static final ThreadLocal<FindingSink> DIRECT = new ThreadLocal<>();

  private final List<RuleProgram> programs;
  private final KieBase kieBase;

  private RuleBase(List<RuleProgram> programs, KieBase kieBase) {
    this.programs = programs;
    this.kieBase = kieBase;
  }

  /** Builds the knowledge base; rule names are the pack and rule ids. */
  public static RuleBase build(List<RuleProgram> programs) {
    return build(programs, program -> true);
  }

  /**
   * Builds a knowledge base of some of the programs. Findings still name each rule by its index in
   * the whole list, so results of several such bases combine.
   */
  public static RuleBase build(List<RuleProgram> programs, Predicate<RuleProgram> include) {
    Global<SessionContext> context = globalOf(SessionContext.class, PACKAGE, SessionContext.GLOBAL);
    ModelImpl model = new ModelImpl();
    model.addGlobal(context);
    for (int i = 0; i < programs.size(); i++) {
      if (include.test(programs.get(i))) {
        model.addRule(toDrools(i, programs.get(i), context));
      }
    }
    KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(List.<Model>of(model));
    return new RuleBase(List.copyOf(programs), kieBase);
  }

  public List<RuleProgram> programs() {
    return programs;
  }

  /** A new session whose rules measure durations against {@code now} and hand findings to the sink. */
  public KieSession newSession(Instant now, FindingSink sink) {
    KieSession session = kieBase.newKieSession();
    session.setGlobal(SessionContext.GLOBAL, new SessionContext(now, sink));
    return session;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Rule toDrools(int index, RuleProgram program, Global<SessionContext> time) {
    Class<Fact> type = (Class<Fact>) program.rule().target().javaType();
    Variable<Fact> fact = declarationOf(type, "fact");
    List<ViewItemBuilder<?>> items = new ArrayList<>();
    boolean selfContained = program.joins().count() == 0 && !program.joins().usesTime();
    List<Variable<ValueGroup>> groups = new ArrayList<>();
    int joinIndex = 0;
    if (selfContained) {
      // decided by the fact alone: an alpha constraint, so a passing fact never makes a tuple
      items.add(pattern(fact).expr("finding_" + index, f -> activates(index, program, f)));
    } else if (program.joins().uniques().isEmpty()) {
      items.add(pattern(fact));
    } else {
      // the groups of facts sharing each value come first, each computed once for all its members;
      // the fact then joins its own group through a hash index
      PatternDSL.PatternDef<Fact> joined = pattern(fact);
      for (FieldPath unique : program.joins().uniques()) {
        Variable<Object> key = declarationOf(Object.class, "key_" + groups.size());
        Variable<ValueGroup> group = declarationOf(ValueGroup.class, "group_" + groups.size());
        items.add(valueGroups(type, unique, key, group));
        Function<Object, Object> keyOf = Keys.valueOrSelf(unique);
        joined = joined.expr("group_" + index + "_" + unique.text(), key, (f, k) -> keyOf.apply(f).equals(k),
            betaIndexedBy(Object.class, Index.ConstraintType.EQUAL, joinIndex++, keyOf::apply, k -> k));
        groups.add(group);
      }
      items.add(joined);
    }
    List<Variable<?>> variables = new ArrayList<>();
    variables.add(fact);
    variables.add(time);

    for (Field reference : program.joins().references()) {
      Variable<List> resolved = declarationOf(List.class, "ref_" + reference.name());
      items.add(referenceJoin(index, fact, reference, resolved, joinIndex++));
      variables.add(resolved);
    }
    variables.addAll(groups);
    int references = program.joins().references().size();
    Function<Object[], Frame> frames = values -> frame(values, references);
    if (!selfContained && variables.size() <= MAX_FILTER_VARIABLES) {
      items.add(findingsOnly("finding_" + index, variables, values -> program.outcome(frames.apply(values)) != Outcome.PASS));
    }
    String name = program.rule().packId() + "/" + program.rule().id();
    List<RuleItemBuilder<?>> view = new ArrayList<>(items);
    return rule(PACKAGE, name).build(append(view, consequence(variables, (drools, values) -> {
      RuleResult result = program.reported(frames.apply(values));
      if (result.outcome() != Outcome.PASS) {
        ((SessionContext) values[1]).sink().accept(drools, new Finding(index, result));
      }
    })));
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

  /**
   * Whether a fact activates a self-contained rule: not when it passes, nor when it is not
   * applicable and a batch evaluation on this thread takes that result directly (so the most common
   * finding costs no activation); an incremental session needs it as a truth-maintained finding.
   */
  private static boolean activates(int index, RuleProgram program, Fact fact) {
    Outcome outcome = program.outcome(new Frame(fact, NO_REFERENCES, NO_GROUPS, Instant.EPOCH));
    if (outcome == Outcome.PASS) {
      return false;
    }
    FindingSink direct = outcome == Outcome.NOT_APPLICABLE ? DIRECT.get() : null;
    if (direct != null) {
      direct.accept(null, new Finding(index, program.notApplicable(fact)));
      return false;
    }
    return true;
  }

  /**
   * Evaluates facts once, in a session of their own, handing every finding to {@code sink}:
   * NOT_APPLICABLE results of self-contained rules straight from their filters, the rest from
   * their consequences. Each fact is inserted once and never changed, so no truth maintenance is
   * lost.
   */
  @SafeVarargs
  public final void evaluateOnce(Instant now, FindingSink sink, Iterable<? extends Fact>... facts) {
    KieSession session = newSession(now, sink);
    DIRECT.set(sink);
    try {
      for (Iterable<? extends Fact> group : facts) {
        for (Fact fact : group) {
          session.insert(fact);
        }
      }
      session.fireAllRules();
    } finally {
      DIRECT.remove();
      session.dispose();
    }
  }

  private static List<?> ids(Object value) {
    return value == null ? List.of() : (List<?>) value;
  }

  /**
   * The facts of a type grouped by the value at a path: one tuple per distinct value holding the
   * value and its {@link ValueGroup}. Every fact joins one group, so a value shared by the whole
   * fleet costs as little per fact as a value nobody shares (a self-join would pair every fact with
   * every other). An absent value is keyed by the fact itself, a group of one.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ViewItem<?> valueGroups(Class<Fact> type, FieldPath path, Variable<Object> key, Variable<ValueGroup> group) {
    Variable<Fact> member = declarationOf(type, "member_" + key.getName());
    Function<Object, Object> keyOf = Keys.valueOrSelf(path);
    return DSL.groupBy(pattern(member), member, key, m -> keyOf.apply(m),
        accFunction(GroupMembers::new, member).as(group));
  }

  private static Frame frame(Object[] values, int references) {
    Fact fact = (Fact) values[0];
    Instant now = ((SessionContext) values[1]).now();
    List<?>[] resolved = new List<?>[references];
    for (int i = 0; i < references; i++) {
      resolved[i] = (List<?>) values[2 + i];
    }
    ValueGroup[] groups = new ValueGroup[values.length - 2 - references];
    for (int i = 0; i < groups.length; i++) {
      groups[i] = (ValueGroup) values[2 + references + i];
    }
    return new Frame(fact, resolved, groups, now);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ViewItemBuilder<?> findingsOnly(String id, List<Variable<?>> v, java.util.function.Predicate<Object[]> test) {
    return switch (v.size()) {
      case 2 -> DSL.expr(id, (Variable) v.get(0), (Variable) v.get(1), (a, b) -> test.test(new Object[] {a, b}));
      case 3 -> DSL.expr(id, (Variable) v.get(0), (Variable) v.get(1), (Variable) v.get(2),
          (a, b, c) -> test.test(new Object[] {a, b, c}));
      case 4 -> DSL.expr((Variable) v.get(0), (Variable) v.get(1), (Variable) v.get(2), (Variable) v.get(3),
          (a, b, c, d) -> test.test(new Object[] {a, b, c, d}));
      default -> throw new IllegalArgumentException("no filter for " + v.size() + " variables");
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
      default -> throw new IllegalArgumentException("rules join at most 3 facts; got " + (x.length - 2));
    };
  }

  private static RuleItemBuilder<?>[] append(List<RuleItemBuilder<?>> items, RuleItemBuilder<?> last) {
    List<RuleItemBuilder<?>> all = new ArrayList<>(items);
    all.add(last);
    return all.toArray(RuleItemBuilder[]::new);
  }

  @FunctionalInterface
  private interface Body {
    void run(Drools drools, Object[] values);
  }
}
