package dev.rampart.engine.value;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.value.Evidence.Actual;
import dev.rampart.engine.value.Evidence.Expectation;
import dev.rampart.engine.value.Evidence.Operand;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Evidence as text, the one rendering every report shares: {@code services[0].port = 23 (expected
 * notIn [23, 2323])}. A negated comparison reads as its opposite where the pack format has one
 * ({@code equals} for a negated {@code notEquals}), and as {@code not ...} elsewhere.
 */
@API(status = STABLE, since = "0.1")
public final class EvidenceText {

  /** The text of an actual value that no source reported. */
  public static final String ABSENT = "absent";

  private static final Map<String, String> OPPOSITES = Map.of(
      "equals", "notEquals",
      "notEquals", "equals",
      "in", "notIn",
      "notIn", "in");

  private EvidenceText() {}

  /** {@code field = actual (expected ...)}, without the source. */
  public static String line(Evidence evidence) {
    return evidence.field() + " = " + actual(evidence) + " (expected " + expected(evidence) + ")";
  }

  /** The value found: its text, {@code absent}, or {@code absent (reason)}. */
  public static String actual(Evidence evidence) {
    return actual(evidence.actual());
  }

  /** A value found, or {@code absent}, or {@code absent (reason)}. */
  public static String actual(Actual actual) {
    if (actual instanceof Actual.Absence absence) {
      return absence.reason().isEmpty() ? ABSENT : ABSENT + " (" + absence.reason() + ")";
    }
    return ((Actual.Value) actual).text();
  }

  /** What was expected, e.g. {@code equals false}; {@code rule applies if ...} for a {@code when}. */
  public static String expected(Evidence evidence) {
    return (evidence.applicability() ? "rule applies if " : "") + expectation(evidence.expected());
  }

  /** An expectation alone, e.g. {@code notIn [23, 2323]} or {@code a list}. */
  public static String expectation(Expectation expected) {
    if (expected instanceof Expectation.Presence presence) {
      return presence.what();
    }
    Expectation.Comparison comparison = (Expectation.Comparison) expected;
    Operand operand = comparison.operand();
    if (operand == null) {
      return withoutOperand(comparison);
    }
    String operator = comparison.operator();
    boolean negated = comparison.negated();
    String operandText = operand(operand);
    if (negated && OPPOSITES.containsKey(operator)) {
      operator = OPPOSITES.get(operator);
      negated = false;
    } else if (negated && operator.equals("exists") && operand.kind() == Operand.Kind.LITERAL) {
      operandText = String.valueOf(!Boolean.parseBoolean(operand.text()));
      negated = false;
    }
    return (negated ? "not " : "") + operator + " " + operandText;
  }

  /** An operand: a literal as written, a parameter's value and name, another field's path and value. */
  public static String operand(Operand operand) {
    return switch (operand.kind()) {
      case LITERAL -> operand.text();
      case PARAMETER -> operand.text() + " (parameter " + operand.name() + ")";
      case FIELD -> operand.name() + " (" + operand.text() + ")";
    };
  }

  // unique, and the quantifiers that found an empty list
  private static String withoutOperand(Expectation.Comparison comparison) {
    String text = switch (comparison.operator()) {
      case "anyOf" -> comparison.negated() ? "no elements" : "at least one element";
      case "allOf" -> "any elements";
      default -> comparison.operator();
    };
    return comparison.negated() && !comparison.operator().equals("anyOf") ? "not " + text : text;
  }
}
