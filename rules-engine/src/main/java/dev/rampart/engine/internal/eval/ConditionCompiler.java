package dev.rampart.engine.internal.eval;

import dev.rampart.engine.internal.ast.Condition;
import dev.rampart.engine.internal.ast.Operand;
import dev.rampart.engine.internal.ast.Operator;
import dev.rampart.engine.internal.load.Joins;
import dev.rampart.engine.internal.schema.FieldKind;
import dev.rampart.engine.value.Evidence;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Compiles the AST into {@link Check} closures: paths pre-resolved, constants pre-converted. */
final class ConditionCompiler {

  private final Joins joins;
  private final Map<String, BoundParameter> parameters;
  private final String typeName;
  /** The compiled selection of each {@code uniqueAmong} slot, made once for the check and the group-by. */
  private final Map<Integer, GroupSelector> selectors = new HashMap<>();

  ConditionCompiler(Joins joins, Map<String, BoundParameter> parameters, String typeName) {
    this.joins = joins;
    this.parameters = parameters;
    this.typeName = typeName;
  }

  Joins joins() {
    return joins;
  }

  /** The selection of a uniqueness slot; {@code null} for a plain {@code unique}, which counts every fact. */
  @Nullable GroupSelector selector(int slot) {
    Operand.Selection among = joins.uniques().get(slot).among();
    return among == null ? null : selectors.computeIfAbsent(slot, s -> new GroupSelector(compile(among.condition())));
  }

  Check compile(Condition condition) {
    if (condition instanceof Condition.All all) {
      return Checks.all(all.children().stream().map(this::compile).toArray(Check[]::new));
    }
    if (condition instanceof Condition.Any any) {
      return Checks.any(any.children().stream().map(this::compile).toArray(Check[]::new));
    }
    if (condition instanceof Condition.Not not) {
      return Checks.not(compile(not.child()));
    }
    if (condition instanceof Condition.Quantified q) {
      PathReader list = PathReader.of(q.list(), joins);
      Check where = compile(q.where());
      return q.list().field().kind() == FieldKind.REF_MANY
          ? Checks.quantifiedReferences(q.quantifier(), list, where, Objects.requireNonNull(q.list().field().target()).wireName())
          : Checks.quantified(q.quantifier(), list, where);
    }
    return leaf((Condition.Leaf) condition);
  }

  private Check leaf(Condition.Leaf leaf) {
    PathReader path = PathReader.of(leaf.path(), joins);
    if (leaf.operator() == Operator.UNIQUE) {
      return withIfAbsent(leaf, Checks.unique(path, joins.uniqueSlot(leaf), typeName));
    }
    if (leaf.operator() == Operator.UNIQUE_AMONG) {
      int slot = joins.uniqueSlot(leaf);
      Operand.Selection selection = (Operand.Selection) leaf.operand();
      return withIfAbsent(leaf, Checks.uniqueAmong(path, slot, Objects.requireNonNull(selector(slot)),
          Evidence.Operand.literal(selection.text()), typeName));
    }
    Operand operand = leaf.operand();
    Check check;
    Evidence.Operand shown;
    if (operand instanceof Operand.FieldRef ref) {
      PathReader other = PathReader.of(ref.path(), joins);
      check = leaf.operator().isMembership()
          ? Checks.leafAgainstIndexedField(path, leaf.operator(), other)
          : Checks.leafAgainstField(path, leaf.operator(), other);
      shown = Evidence.Operand.field(ref.path().text(), ref.path().text());
    } else if (operand instanceof Operand.ParamRef param) {
      BoundParameter bound = Objects.requireNonNull(parameters.get(param.name()), param.name());
      Object value = bound.valueFor(leaf.operator(), leaf.path().field());
      shown = Evidence.Operand.parameter(param.name(), bound.text());
      check = Checks.leaf(path, leaf.operator(), value, shown);
    } else {
      Operand.Literal literal = (Operand.Literal) operand;
      shown = Evidence.Operand.literal(literal.text());
      check = Checks.leaf(path, leaf.operator(), Objects.requireNonNull(literal.value()), shown);
    }
    check = withIfAbsent(leaf, check);
    // a value a vocabulary does not know is not compared: the comparison is UNKNOWN; it is present, not
    // absent, so ifAbsent (inside) does not decide it
    return path.vocabulary() == null || leaf.operator() == Operator.EXISTS
        ? check
        : Checks.recognised(path, check, new Evidence.Expectation.Comparison(leaf.operator().wireName(), shown, false));
  }

  private static Check withIfAbsent(Condition.Leaf leaf, Check check) {
    return leaf.ifAbsent() == null ? check : Checks.ifAbsent(check, leaf.ifAbsent());
  }
}
