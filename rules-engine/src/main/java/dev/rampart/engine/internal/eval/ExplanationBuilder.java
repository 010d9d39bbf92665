package dev.rampart.engine.internal.eval;

import dev.rampart.engine.internal.ast.Condition;
import dev.rampart.engine.internal.ast.Operand;
import dev.rampart.engine.internal.schema.FieldKind;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FieldPath;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds the condition tree of one rule for one fact, evaluating every node with the same compiled
 * checks that produce results, so the tree cannot disagree with the result it explains.
 */
final class ExplanationBuilder {

  /** Quantifiers show at most this many elements. */
  static final int MAX_ELEMENTS = 25;

  private final ConditionCompiler compiler;
  private final Frame frame;

  ExplanationBuilder(ConditionCompiler compiler, Frame frame) {
    this.compiler = compiler;
    this.frame = frame;
  }

  ExplainedCondition node(Condition condition, Object current, FieldPath subject) {
    FieldPath prefix = subject;
    ExplainedCondition.Value value;
    List<dev.rampart.engine.value.Evidence> evidence = List.of();
    try {
      Verdict verdict = compiler.compile(condition).eval(frame, current, prefix, true);
      value = valueOf(verdict.truth());
      if (condition instanceof Condition.Leaf) {
        evidence = verdict.evidence();
      }
    } catch (EvaluationException e) {
      value = ExplainedCondition.Value.ERROR;
      // the leaf that failed names the field, the value and what it expected; the result's message says why
      evidence = e.evidence() == null || !(condition instanceof Condition.Leaf) ? List.of() : List.of(e.evidence());
    } catch (RuntimeException e) {
      value = ExplainedCondition.Value.ERROR;
    }
    return new ExplainedCondition(describe(condition), subject.text(), value, evidence, children(condition, current, subject));
  }

  private List<ExplainedCondition> children(Condition condition, Object current, FieldPath subject) {
    List<ExplainedCondition> children = new ArrayList<>();
    if (condition instanceof Condition.All all) {
      all.children().forEach(c -> children.add(node(c, current, subject)));
    } else if (condition instanceof Condition.Any any) {
      any.children().forEach(c -> children.add(node(c, current, subject)));
    } else if (condition instanceof Condition.Not not) {
      children.add(node(not.child(), current, subject));
    } else if (condition instanceof Condition.Quantified q) {
      PathReader list = PathReader.of(q.list(), compiler.joins());
      Object value = list.read(frame, current);
      if (value instanceof List<?> elements) {
        FieldPath name = subject.then(q.list().path());
        boolean references = q.list().field().kind() == FieldKind.REF_MANY;
        for (int i = 0; i < elements.size() && i < MAX_ELEMENTS; i++) {
          Object element = elements.get(i);
          if (references) {
            Fact fact = PathReader.resolve(list.referenced(frame), String.valueOf(element));
            if (fact != null) {
              children.add(node(q.where(), fact, name.key(String.valueOf(element))));
            }
          } else if (element != null) {
            children.add(node(q.where(), element, name.index(i)));
          }
        }
      }
    }
    return children;
  }

  static ExplainedCondition.Value valueOf(Truth truth) {
    return switch (truth) {
      case TRUE -> ExplainedCondition.Value.HOLDS;
      case FALSE -> ExplainedCondition.Value.FAILS;
      case UNKNOWN -> ExplainedCondition.Value.UNKNOWN;
    };
  }

  static String describe(@Nullable Condition condition) {
    if (condition instanceof Condition.All) {
      return "all of";
    }
    if (condition instanceof Condition.Any) {
      return "any of";
    }
    if (condition instanceof Condition.Not) {
      return "not";
    }
    if (condition instanceof Condition.Quantified q) {
      return q.quantifier().wireName() + " " + q.list().text();
    }
    Condition.Leaf leaf = (Condition.Leaf) condition;
    String field = leaf.path().isSelf() ? "(element)" : leaf.path().text();
    String ifAbsent = leaf.ifAbsent() == null ? "" : ", ifAbsent: " + leaf.ifAbsent();
    return field + " " + leaf.operator().wireName() + " " + operand(leaf.operand()) + ifAbsent;
  }

  private static String operand(Operand operand) {
    if (operand instanceof Operand.Literal literal) {
      return literal.text();
    }
    if (operand instanceof Operand.ParamRef param) {
      return "{param: " + param.name() + "}";
    }
    if (operand instanceof Operand.Selection selection) {
      return selection.text();
    }
    return "{field: " + ((Operand.FieldRef) operand).path().text() + "}";
  }
}
