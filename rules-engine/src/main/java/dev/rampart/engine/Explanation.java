package dev.rampart.engine;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.value.Evidence;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Why a rule gave a fact its result: the rule's condition tree with every node's value and every
 * leaf's actual value, as {@code rampart explain} prints it.
 *
 * @param result the result, exactly as an evaluation reports it
 * @param applicability the {@code when} condition, or {@code null} when the rule has none
 * @param assertion the {@code assert} condition
 */
@API(status = STABLE, since = "0.1")
public record Explanation(RuleResult result, @Nullable Node applicability, Node assertion) {

  public Explanation {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(assertion, "assertion");
  }

  /** The value of one condition for the fact. */
  public enum Value {
    /** The condition holds. */
    HOLDS,
    /** The condition does not hold. */
    FAILS,
    /** Evidence to decide it is missing. */
    UNKNOWN,
    /** It could not be evaluated. */
    ERROR
  }

  /**
   * One condition of the tree.
   *
   * @param condition the condition as text, e.g. {@code all of}, {@code noneOf services} or
   *     {@code credentials.defaultPassword equals false}
   * @param subject what the condition was applied to: empty for the fact itself, else the list
   *     element, e.g. {@code services[1]}
   * @param value its value for the fact
   * @param evidence for a leaf, the field read, its actual value and what was expected
   * @param children the nested conditions; for a quantifier, its condition once per element
   */
  public record Node(String condition, String subject, Value value, List<Evidence> evidence, List<Node> children) {

    public Node {
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(value, "value");
      evidence = List.copyOf(evidence);
      children = List.copyOf(children);
    }
  }
}
