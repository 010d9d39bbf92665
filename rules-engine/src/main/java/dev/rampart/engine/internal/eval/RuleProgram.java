package dev.rampart.engine.internal.eval;

import dev.rampart.engine.internal.ast.FieldPath;
import dev.rampart.engine.internal.ast.RuleDef;
import dev.rampart.engine.internal.load.Joins;
import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.Fact;
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

  /** How evidence names the evaluated fact itself: its paths start here. */
  private static final dev.rampart.spi.fact.FieldPath ROOT = dev.rampart.spi.fact.FieldPath.root();

  /** The message of every NOT_APPLICABLE result in a report; {@link #explain} says why. */
  public static final String NOT_APPLICABLE = "not applicable: the rule's 'when' condition does not hold for this fact"
      + " (rampart explain shows why)";

  private final Rule rule;
  private final Judgement pass;
  private final Judgement notApplicable;
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
    this.pass = new Judgement(Outcome.PASS, rule.title(), List.of());
    this.notApplicable = new Judgement(Outcome.NOT_APPLICABLE, NOT_APPLICABLE, List.of());
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

  /**
   * The compiled selection of the {@code uniqueAmong} check in a slot of {@link Joins#uniques()}, for
   * the group-by that counts the facts it selects; {@code null} for a plain {@code unique}.
   */
  public @Nullable GroupSelector selector(int slot) {
    return compiler.selector(slot);
  }

  RuleDef definition() {
    return definition;
  }

  /**
   * The verdict with the condition trees that decided it, through the same evaluation as
   * {@link #judge}; a NOT_APPLICABLE verdict here says which condition did not hold. The frame is
   * the one the rule's Drools joins built.
   */
  public ExplainedRule explain(Frame frame) {
    ExplanationBuilder builder = new ExplanationBuilder(compiler, frame);
    ExplainedCondition applies = definition.when() == null ? null : builder.node(definition.when(), frame.fact, ROOT);
    return new ExplainedRule(judge(frame, true), applies, builder.node(definition.assertion(), frame.fact, ROOT));
  }

  /**
   * The verdict of this rule for one fact, computed once: the truth is decided without gathering
   * evidence, so a pass costs no more than a comparison and returns a shared value; only a verdict
   * that is reported (FAIL, UNKNOWN, ERROR) is walked for its message and evidence. NOT_APPLICABLE
   * carries the message every report uses.
   */
  public Judgement judge(Frame frame) {
    return judge(frame, false);
  }

  /** The verdict for a fact when the rule joins no other fact and reads no time. */
  public Judgement judge(Fact fact) {
    return judge(Frame.of(fact), false);
  }

  private Judgement judge(Frame frame, boolean explaining) {
    try {
      Truth applies = when == null ? Truth.TRUE : when.eval(frame, frame.fact, ROOT, false).truth();
      if (applies == Truth.FALSE && !explaining) {
        return notApplicable;
      }
      if (applies != Truth.FALSE && outcomeOf(applies, assertion.eval(frame, frame.fact, ROOT, false).truth()) == Outcome.PASS) {
        return pass;
      }
    } catch (RuntimeException e) {
      // an ERROR: the walk with evidence names the field that failed
    }
    return withEvidence(frame);
  }

  /** The verdict with message and evidence. */
  private Judgement withEvidence(Frame frame) {
    try {
      Verdict applies = when == null ? Verdict.TRUE : applies(frame);
      if (applies.truth() == Truth.FALSE) {
        return new Judgement(Outcome.NOT_APPLICABLE, "not applicable: " + describe(applies.evidence()), List.of());
      }
      Verdict holds = assertion.eval(frame, frame.fact, ROOT, true);
      Outcome outcome = outcomeOf(applies.truth(), holds.truth());
      return switch (outcome) {
        case PASS -> pass;
        case FAIL -> new Judgement(outcome, render(frame), holds.evidence());
        default -> {
          List<Evidence> evidence = new ArrayList<>();
          if (applies.truth() == Truth.UNKNOWN) {
            // the applicability condition is not a requirement: say so, or readers take it for one
            applies.evidence().forEach(e -> evidence.add(e.ofApplicability()));
          }
          evidence.addAll(holds.evidence());
          yield new Judgement(outcome, "evidence missing to decide: " + describeMissing(evidence), evidence);
        }
      };
    } catch (EvaluationException e) {
      // the message names the field; the evidence holds it with the value and what was expected
      Evidence failed = e.evidence();
      return new Judgement(Outcome.ERROR, "evaluation failed: " + e.getMessage(), failed == null ? List.of() : List.of(failed));
    } catch (RuntimeException e) {
      String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
      return new Judgement(Outcome.ERROR, "evaluation failed: " + reason, List.of());
    }
  }

  private Verdict applies(Frame frame) {
    try {
      return java.util.Objects.requireNonNull(when, "when").eval(frame, frame.fact, ROOT, true);
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

  private String render(Frame frame) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < message.size(); i++) {
      Object part = message.get(i);
      if (part instanceof PathReader path) {
        Object value = path.read(frame, frame.fact);
        text.append(value instanceof Absent ? unknown(text, i) : Values.render(value));
      } else {
        text.append(part);
      }
    }
    return text.toString();
  }

  /** "(unknown)", or "unknown" where the message itself puts the value in parentheses: "${id} (${model})". */
  private String unknown(CharSequence before, int index) {
    boolean enclosed = before.length() > 0 && before.charAt(before.length() - 1) == '('
        && index + 1 < message.size() && message.get(index + 1) instanceof String after && after.startsWith(")");
    return enclosed ? "unknown" : "(unknown)";
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
