package dev.rampart.engine.internal.eval;

import dev.rampart.engine.Explanation;
import dev.rampart.engine.Rule;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.internal.ast.FieldPath;
import dev.rampart.engine.internal.ast.RuleDef;
import dev.rampart.engine.internal.load.Joins;
import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One rule compiled for evaluation: its applicability and assertion as checks, its message, and
 * the joins it needs. Evaluation never throws: a failure inside a check becomes an ERROR result.
 *
 * <p>Applicability is three-valued too: a {@code when} that is FALSE gives NOT_APPLICABLE; one that
 * is UNKNOWN gives PASS only if the assertion holds anyway, and UNKNOWN otherwise.
 */
public final class RuleProgram {

  /** The message of every NOT_APPLICABLE result in a report; {@link #explainTree} says why. */
  public static final String NOT_APPLICABLE = "not applicable: the rule's 'when' condition does not hold for this fact"
      + " (rampart explain shows why)";

  private final Rule rule;
  private final @Nullable Check when;
  private final Check assertion;
  private final List<Object> message;
  private final Joins joins;
  private final RuleDef definition;
  private final ConditionCompiler compiler;

  private RuleProgram(
      RuleDef definition, ConditionCompiler compiler, @Nullable Check when, Check assertion, List<Object> message,
      Joins joins) {
    this.definition = definition;
    this.compiler = compiler;
    this.rule = definition.info();
    this.when = when;
    this.assertion = assertion;
    this.message = message;
    this.joins = joins;
  }

  /** Compiles a validated rule with the pack's parameters bound to their values. */
  public static RuleProgram compile(RuleDef definition, Map<String, BoundParameter> parameters) {
    Joins joins = Joins.of(definition);
    ConditionCompiler compiler = new ConditionCompiler(joins, parameters, definition.info().target().wireName());
    Check when = definition.when() == null ? null : compiler.compile(definition.when());
    Check assertion = compiler.compile(definition.assertion());
    List<Object> message = new ArrayList<>();
    for (Object part : definition.message().parts()) {
      message.add(part instanceof FieldPath path ? PathReader.of(path, joins) : part);
    }
    return new RuleProgram(definition, compiler, when, assertion, List.copyOf(message), joins);
  }

  public Rule rule() {
    return rule;
  }

  public Joins joins() {
    return joins;
  }

  RuleDef definition() {
    return definition;
  }

  /**
   * The condition tree with every node evaluated, together with the result it explains. The frame
   * comes from {@link Frames#of}, which joins the way the Drools rule does.
   */
  public Explanation explainTree(Frame frame) {
    ExplanationBuilder builder = new ExplanationBuilder(compiler, frame);
    Explanation.Node applies = definition.when() == null ? null : builder.node(definition.when(), frame.fact, "");
    return new Explanation(explain(frame), applies, builder.node(definition.assertion(), frame.fact, ""));
  }

  /** The outcome alone, without evidence: cheap enough to run for every fact. */
  public Outcome outcome(Frame frame) {
    try {
      Truth applies = when == null ? Truth.TRUE : when.eval(frame, frame.fact, "", false).truth();
      if (applies == Truth.FALSE) {
        return Outcome.NOT_APPLICABLE;
      }
      Truth holds = assertion.eval(frame, frame.fact, "", false).truth();
      return outcomeOf(applies, holds);
    } catch (RuntimeException e) {
      return Outcome.ERROR;
    }
  }

  /**
   * The result as reports hold it: a NOT_APPLICABLE one with the common message (no evidence is
   * gathered for it), any other with message and evidence.
   */
  public RuleResult reported(Frame frame) {
    return outcome(frame) == Outcome.NOT_APPLICABLE ? notApplicable(frame.fact) : explain(frame);
  }

  /** The NOT_APPLICABLE result of this rule for a fact, as reports hold it. */
  public RuleResult notApplicable(dev.rampart.spi.fact.Fact fact) {
    return new RuleResult(rule, rule.target(), fact.id(), Outcome.NOT_APPLICABLE, NOT_APPLICABLE, List.of());
  }

  /** The full result with message and evidence. */
  public RuleResult explain(Frame frame) {
    String factId = frame.fact.id();
    try {
      Verdict applies = when == null ? Verdict.TRUE : applies(frame);
      if (applies.truth() == Truth.FALSE) {
        return result(frame, Outcome.NOT_APPLICABLE, "not applicable: " + describe(applies.evidence()), List.of());
      }
      Verdict holds = assertion.eval(frame, frame.fact, "", true);
      Outcome outcome = outcomeOf(applies.truth(), holds.truth());
      return switch (outcome) {
        case PASS -> result(frame, outcome, rule.title(), List.of());
        case FAIL -> result(frame, outcome, render(frame), holds.evidence());
        default -> {
          List<Evidence> evidence = new ArrayList<>();
          if (applies.truth() == Truth.UNKNOWN) {
            // the applicability condition is not a requirement: say so, or readers take it for one
            applies.evidence().forEach(e -> evidence.add(e.ofApplicability()));
          }
          evidence.addAll(holds.evidence());
          yield result(frame, outcome, "evidence missing to decide: " + describeMissing(evidence), evidence);
        }
      };
    } catch (EvaluationException e) {
      // the message names the field; the evidence holds it with the value and what was expected
      Evidence failed = e.evidence();
      return new RuleResult(rule, rule.target(), factId, Outcome.ERROR, "evaluation failed: " + e.getMessage(),
          failed == null ? List.of() : List.of(failed));
    } catch (RuntimeException e) {
      String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
      return new RuleResult(rule, rule.target(), factId, Outcome.ERROR, "evaluation failed: " + reason, List.of());
    }
  }

  private Verdict applies(Frame frame) {
    try {
      return java.util.Objects.requireNonNull(when, "when").eval(frame, frame.fact, "", true);
    } catch (EvaluationException e) {
      throw e.inApplicability();
    }
  }

  private static Outcome outcomeOf(Truth applies, Truth holds) {
    if (holds == Truth.TRUE) {
      return Outcome.PASS;
    }
    if (applies == Truth.UNKNOWN || holds == Truth.UNKNOWN) {
      return Outcome.UNKNOWN;
    }
    return Outcome.FAIL;
  }

  private RuleResult result(Frame frame, Outcome outcome, String text, List<Evidence> evidence) {
    return new RuleResult(rule, rule.target(), frame.fact.id(), outcome, text, evidence);
  }

  private String render(Frame frame) {
    StringBuilder text = new StringBuilder();
    for (Object part : message) {
      if (part instanceof PathReader path) {
        Object value = path.read(frame, frame.fact);
        text.append(value instanceof Absent ? "(unknown)" : Values.render(value));
      } else {
        text.append(part);
      }
    }
    return text.toString();
  }

  private static String describe(List<Evidence> evidence) {
    return evidence.stream().map(Evidence::toString).collect(Collectors.joining("; "));
  }

  private static String describeMissing(List<Evidence> evidence) {
    String missing = evidence.stream().filter(Evidence::isAbsent).map(Evidence::field).distinct()
        .collect(Collectors.joining(", "));
    return missing.isEmpty() ? describe(evidence) : missing;
  }
}
