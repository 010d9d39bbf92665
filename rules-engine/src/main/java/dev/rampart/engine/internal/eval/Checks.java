package dev.rampart.engine.internal.eval;

import dev.rampart.engine.internal.ast.Operator;
import dev.rampart.engine.internal.ast.Quantifier;
import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.Evidence.Actual;
import dev.rampart.engine.value.Evidence.Expectation;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.value.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The compiled forms of each kind of condition, with Kleene semantics and evidence. */
final class Checks {

  /** At most this many elements are cited as evidence for one quantifier. */
  static final int MAX_ELEMENT_EVIDENCE = 10;

  // what a quantifier or unique needs before it can decide
  private static final Expectation LIST = new Expectation.Presence("a list");
  private static final Expectation REFERENCES = new Expectation.Presence("a list of references");
  private static final Expectation KNOWN_FACT = new Expectation.Presence("a known fact");
  private static final Expectation VALUE = new Expectation.Presence("a value");
  private static final Expectation UNIQUE = new Expectation.Comparison("unique", null, false);

  private Checks() {}

  /** {@code all}: FALSE if any child is FALSE, else UNKNOWN if any is UNKNOWN, else TRUE. */
  static Check all(Check[] children) {
    return (frame, current, prefix, explain) -> {
      boolean unknown = false;
      for (int i = 0; i < children.length; i++) {
        Truth truth = truthOf(children[i], frame, current, prefix, explain);
        if (truth == Truth.FALSE) {
          return explain ? deciding(children, i, Truth.FALSE, frame, current, prefix) : Verdict.FALSE;
        }
        unknown |= truth == Truth.UNKNOWN;
      }
      Truth result = unknown ? Truth.UNKNOWN : Truth.TRUE;
      return explain ? deciding(children, children.length - 1, result, frame, current, prefix) : Verdict.bare(result);
    };
  }

  /** {@code any}: TRUE if any child is TRUE, else UNKNOWN if any is UNKNOWN, else FALSE. */
  static Check any(Check[] children) {
    return (frame, current, prefix, explain) -> {
      boolean unknown = false;
      for (int i = 0; i < children.length; i++) {
        Truth truth = truthOf(children[i], frame, current, prefix, explain);
        if (truth == Truth.TRUE) {
          return explain ? deciding(children, i, Truth.TRUE, frame, current, prefix) : Verdict.TRUE;
        }
        unknown |= truth == Truth.UNKNOWN;
      }
      Truth result = unknown ? Truth.UNKNOWN : Truth.FALSE;
      return explain ? deciding(children, children.length - 1, result, frame, current, prefix) : Verdict.bare(result);
    };
  }

  /**
   * A child's truth without evidence. When explaining, a child that cannot be evaluated is
   * evaluated again with evidence, so that its error names the field (plain evaluation builds no
   * element names).
   */
  private static Truth truthOf(Check child, Frame frame, Object current, FieldPath prefix, boolean explain) {
    try {
      return child.eval(frame, current, prefix, false).truth();
    } catch (EvaluationException e) {
      if (explain) {
        child.eval(frame, current, prefix, true);
      }
      throw e;
    }
  }

  /**
   * The evidence of the children whose truth equals the result: they are what decided it. Children
   * after {@code reached} were never needed to decide; one that cannot be evaluated is left out, so
   * explaining a result never turns it into an error that plain evaluation did not meet.
   */
  private static Verdict deciding(Check[] children, int reached, Truth result, Frame frame, Object current, FieldPath prefix) {
    List<Evidence> evidence = new ArrayList<>();
    for (int i = 0; i < children.length; i++) {
      Verdict verdict;
      try {
        verdict = children[i].eval(frame, current, prefix, true);
      } catch (RuntimeException e) {
        if (i <= reached) {
          throw e;
        }
        continue;
      }
      if (verdict.truth() == result) {
        evidence.addAll(verdict.evidence());
      }
    }
    return new Verdict(result, evidence);
  }

  /**
   * {@code not}: swaps TRUE and FALSE; every expectation of the evidence is negated, also of an
   * absent value (the condition it would decide is still the negated one).
   */
  static Check not(Check child) {
    return (frame, current, prefix, explain) -> {
      Verdict verdict;
      try {
        verdict = child.eval(frame, current, prefix, explain);
      } catch (EvaluationException e) {
        throw e.negated();
      }
      if (!explain) {
        return Verdict.bare(verdict.truth().not());
      }
      return new Verdict(verdict.truth().not(), verdict.evidence().stream().map(Evidence::negated).toList());
    };
  }

  /**
   * A leaf of a {@code when} with {@code ifAbsent}: where its value would be UNKNOWN because a field
   * is absent (the only way the comparison it wraps is UNKNOWN; a vocabulary's unrecognised value is
   * decided outside it, by {@link #recognised}), it takes the value given; the evidence still shows
   * the absence.
   */
  static Check ifAbsent(Check leaf, boolean value) {
    Truth instead = Truth.of(value);
    return (frame, current, prefix, explain) -> {
      Verdict verdict = leaf.eval(frame, current, prefix, explain);
      if (verdict.truth() != Truth.UNKNOWN) {
        return verdict;
      }
      return explain ? new Verdict(instead, verdict.evidence()) : Verdict.bare(instead);
    };
  }

  /** {@code anyOf} / {@code allOf} over a plain list; {@code noneOf} is compiled as not(anyOf). */
  static Check quantified(Quantifier quantifier, PathReader list, Check where) {
    Check check = (frame, current, prefix, explain) -> {
      Object value = list.read(frame, current);
      if (value instanceof Absent absent) {
        return explain ? absentVerdict(prefix.then(list.path()), absent, LIST, true) : Verdict.UNKNOWN;
      }
      if (!(value instanceof List<?> elements)) {
        // only an attribute can hold a single value where a rule expects a list
        throw new EvaluationException("'" + Values.render(value) + "' is a single value, not a list")
            .at(new Evidence(prefix.then(list.path()), actual(value), LIST));
      }
      return combine(quantifier, frame, elements, null, "", where, explain ? prefix.then(list.path()) : FieldPath.root(), explain);
    };
    return quantifier == Quantifier.NONE_OF ? not(check) : check;
  }

  /** A quantifier over a list of references, e.g. {@code allOf: networks}. */
  static Check quantifiedReferences(Quantifier quantifier, PathReader list, Check where, String typeName) {
    Check check = (frame, current, prefix, explain) -> {
      Object ids = list.read(frame, current);
      if (ids instanceof Absent absent) {
        return explain ? absentVerdict(prefix.then(list.path()), absent, REFERENCES, true) : Verdict.UNKNOWN;
      }
      List<?> found = list.referenced(frame);
      return combine(quantifier, frame, (List<?>) ids, found, typeName, where, explain ? prefix.then(list.path()) : FieldPath.root(), explain);
    };
    return quantifier == Quantifier.NONE_OF ? not(check) : check;
  }

  private static Verdict combine(
      Quantifier quantifier, Frame frame, List<?> elements, @Nullable List<?> facts, String typeName, Check where,
      FieldPath name,
      boolean explain) {
    boolean wantTrue = quantifier != Quantifier.ALL_OF;
    // anyOf (and noneOf, negated later): TRUE when an element holds; allOf: FALSE when one fails
    Truth decisive = wantTrue ? Truth.TRUE : Truth.FALSE;
    Truth exhausted = wantTrue ? Truth.FALSE : Truth.TRUE;
    boolean unknown = false;
    List<Evidence> decidingEvidence = explain ? new ArrayList<>() : List.of();
    List<Evidence> unknownEvidence = explain ? new ArrayList<>() : List.of();
    List<Evidence> otherEvidence = explain ? new ArrayList<>() : List.of();
    int cited = 0;
    boolean decided = false;
    for (int i = 0; i < elements.size(); i++) {
      Object element = elements.get(i);
      // names are for evidence only: plain evaluation builds no paths
      FieldPath elementName = !explain ? name : facts == null ? name.index(i) : name.key(String.valueOf(element));
      Verdict verdict;
      try {
        if (facts != null) {
          Fact fact = PathReader.resolve(facts, String.valueOf(element));
          verdict = fact == null
              ? absentVerdict(elementName, Absent.because("no " + typeName + " with id '" + element + "'"), KNOWN_FACT, explain)
              : where.eval(frame, fact, elementName, explain);
        } else if (element == null) {
          verdict = absentVerdict(elementName, Absent.PLAIN, VALUE, explain);
        } else {
          verdict = where.eval(frame, element, elementName, explain);
        }
      } catch (RuntimeException e) {
        // elements after the deciding one are read only for evidence; plain evaluation never reaches them
        if (decided) {
          continue;
        }
        throw e;
      }
      if (verdict.truth() == decisive) {
        decided = true;
        if (!explain) {
          return Verdict.bare(decisive);
        }
        if (cited++ < MAX_ELEMENT_EVIDENCE) {
          decidingEvidence.addAll(verdict.evidence());
        }
      } else if (verdict.truth() == Truth.UNKNOWN) {
        unknown = true;
        if (explain) {
          unknownEvidence.addAll(verdict.evidence());
        }
      } else if (explain && otherEvidence.size() < MAX_ELEMENT_EVIDENCE) {
        otherEvidence.addAll(verdict.evidence());
      }
    }
    if (decided) {
      return new Verdict(decisive, decidingEvidence);
    }
    if (unknown) {
      return explain ? new Verdict(Truth.UNKNOWN, unknownEvidence) : Verdict.UNKNOWN;
    }
    if (!explain) {
      return Verdict.bare(exhausted);
    }
    if (elements.isEmpty()) {
      // no operand: the quantifier found no element to test
      Expectation expectation = new Expectation.Comparison(wantTrue ? "anyOf" : "allOf", null, false);
      return new Verdict(exhausted, List.of(new Evidence(name, Actual.value("[]"), expectation)));
    }
    return new Verdict(exhausted, otherEvidence);
  }

  /** A leaf comparing a field with a constant (or a parameter bound to one), shown as {@code shown}. */
  static Check leaf(PathReader path, Operator operator, Object operand, Evidence.Operand shown) {
    ValueTest test = operator == Operator.EXISTS ? null
        : operator == Operator.MATCHES ? new RegexMatch((com.google.re2j.Pattern) operand, path.path().text())
        : ValueTest.of(operator, operand);
    Expectation expected = new Expectation.Comparison(operator.wireName(), shown, false);
    return (frame, current, prefix, explain) -> {
      Object value = path.read(frame, current);
      Truth truth;
      if (operator == Operator.EXISTS) {
        truth = Truth.of(!(value instanceof Absent) == (Boolean) operand);
      } else if (value instanceof Absent) {
        truth = Truth.UNKNOWN;
      } else {
        try {
          truth = Truth.of(test.test(value, frame.now));
        } catch (EvaluationException e) {
          throw e.at(new Evidence(prefix.then(path.path()), actual(value), expected));
        }
      }
      return explain ? evidence(truth, prefix.then(path.path()), value, expected) : Verdict.bare(truth);
    };
  }

  /** A leaf comparing a field with another field of the evaluated fact. */
  static Check leafAgainstField(PathReader path, Operator operator, PathReader other) {
    return (frame, current, prefix, explain) -> {
      Object value = path.read(frame, current);
      Object operand = other.read(frame, frame.fact);
      Truth truth;
      if (value instanceof Absent || operand instanceof Absent) {
        truth = Truth.UNKNOWN;
      } else {
        try {
          truth = Truth.of(Values.test(operator, value, Values.operandFromField(operator, operand), frame.now));
        } catch (EvaluationException e) {
          throw e.at(new Evidence(prefix.then(path.path()), actual(value), againstField(operator, other, operand)));
        }
      }
      return explain ? evidence(truth, prefix.then(path.path()), value, againstField(operator, other, operand)) : Verdict.bare(truth);
    };
  }

  private static Expectation againstField(Operator operator, PathReader other, Object operand) {
    return new Expectation.Comparison(operator.wireName(), Evidence.Operand.field(other.path().text(), Values.render(operand)), false);
  }

  /**
   * A leaf on a vocabulary field: a value the vocabulary does not know makes it UNKNOWN, with evidence
   * that says so and lists the recognised values; a list with such an element is UNKNOWN unless the
   * leaf holds anyway (a list that contains the value looked for).
   */
  static Check recognised(PathReader path, Check leaf, Expectation expected) {
    Vocabulary vocabulary = Objects.requireNonNull(path.vocabulary(), "vocabulary");
    return (frame, current, prefix, explain) -> {
      Object value = path.read(frame, current);
      List<CanonicalValues.Unrecognised> unrecognised = new ArrayList<>(0);
      if (value instanceof CanonicalValues.Unrecognised single) {
        unrecognised.add(single);
      } else if (value instanceof List<?> list) {
        for (Object element : list) {
          if (CanonicalValues.isUnrecognised(vocabulary, element)) {
            unrecognised.add(new CanonicalValues.Unrecognised(String.valueOf(element), vocabulary));
          }
        }
      }
      if (unrecognised.isEmpty()) {
        return leaf.eval(frame, current, prefix, explain);
      }
      if (value instanceof List<?>) {
        Verdict verdict = leaf.eval(frame, current, prefix, explain);
        if (verdict.truth() == Truth.TRUE) {
          return verdict;
        }
      }
      if (!explain) {
        return Verdict.UNKNOWN;
      }
      String actual = unrecognised.size() == 1 && !(value instanceof List<?>) ? unrecognised.get(0).explain()
          : Values.render(value) + ", with " + unrecognised.get(0).explain();
      return new Verdict(Truth.UNKNOWN, List.of(new Evidence(prefix.then(path.path()), Actual.value(actual), expected)));
    };
  }

  /**
   * A membership leaf ({@code in}, {@code notIn}, {@code inCidr}, {@code withinAny}) against a list
   * field of the evaluated fact: the list is read and indexed once per fact, so a quantifier over
   * thousands of elements looks each one up instead of scanning the list for it.
   */
  static Check leafAgainstIndexedField(PathReader path, Operator operator, PathReader other) {
    Object key = new Object();
    return (frame, current, prefix, explain) -> {
      Object value = path.read(frame, current);
      Object[] operand = (Object[]) frame.indexed(key, () -> {
        Object list = other.read(frame, frame.fact);
        return new Object[] {list, list instanceof Absent ? list : Values.indexedOperand(operator, list)};
      });
      Truth truth;
      if (value instanceof Absent || operand[0] instanceof Absent) {
        truth = Truth.UNKNOWN;
      } else {
        try {
          truth = Truth.of(Values.test(operator, value, operand[1], frame.now));
        } catch (EvaluationException e) {
          throw e.at(new Evidence(prefix.then(path.path()), actual(value), againstList(operator, other, operand[0])));
        }
      }
      if (!explain) {
        return Verdict.bare(truth);
      }
      return evidence(truth, prefix.then(path.path()), value, againstList(operator, other, operand[0]));
    };
  }

  private static Expectation againstList(Operator operator, PathReader other, Object list) {
    return new Expectation.Comparison(operator.wireName(), Evidence.Operand.field(other.path().text(), preview(list)), false);
  }

  /** A long list shows its first elements and how many more there are. */
  private static String preview(Object value) {
    if (value instanceof List<?> list && list.size() > MAX_ELEMENT_EVIDENCE) {
      String shown = Values.render(list.subList(0, MAX_ELEMENT_EVIDENCE));
      return shown.substring(0, shown.length() - 1) + ", ... " + (list.size() - MAX_ELEMENT_EVIDENCE) + " more]";
    }
    return Values.render(value);
  }

  /** {@code unique: true}: no other fact of the type has the same value. */
  static Check unique(PathReader path, int slot, String typeName) {
    return (frame, current, prefix, explain) -> {
      Object value = path.read(frame, current);
      if (value instanceof Absent) {
        return explain ? evidence(Truth.UNKNOWN, path.path(), value, UNIQUE) : Verdict.UNKNOWN;
      }
      ValueGroup group = frame.groups[slot];
      Truth truth = Truth.of(group.others() == 0);
      if (!explain) {
        return Verdict.bare(truth);
      }
      String actual = Values.render(value) + (group.others() == 0 ? "" : " (" + group.describeOthers(frame.fact.id(), typeName) + ")");
      return new Verdict(truth, List.of(new Evidence(path.path(), Actual.value(actual), UNIQUE)));
    };
  }

  /**
   * {@code uniqueAmong: CONDITION}: no other fact of the type that the condition selects has the same
   * value. One that it may select (the condition is UNKNOWN for it) leaves the check UNKNOWN.
   */
  static Check uniqueAmong(PathReader path, int slot, GroupSelector selector, Evidence.Operand shown, String typeName) {
    Expectation expected = new Expectation.Comparison("uniqueAmong", shown, false);
    return (frame, current, prefix, explain) -> {
      Object value = path.read(frame, current);
      if (value instanceof Absent) {
        return explain ? evidence(Truth.UNKNOWN, path.path(), value, expected) : Verdict.UNKNOWN;
      }
      ValueGroup group = frame.groups[slot];
      GroupSelector.Membership self = selector.membership(frame.fact);
      long counted = group.size() - (self == GroupSelector.Membership.COUNTED ? 1 : 0);
      long undecided = group.undecided() - (self == GroupSelector.Membership.UNDECIDED ? 1 : 0);
      Truth truth = counted > 0 ? Truth.FALSE : undecided > 0 ? Truth.UNKNOWN : Truth.TRUE;
      if (!explain) {
        return Verdict.bare(truth);
      }
      String selfId = frame.fact.id();
      String others = truth == Truth.FALSE
          ? " (" + ValueGroup.describe(counted, group.firstIds(), selfId, typeName, "") + ")"
          : truth == Truth.UNKNOWN
              ? " (" + ValueGroup.describe(undecided, group.firstUndecided(), selfId, typeName,
                  " for which the condition cannot be decided") + ")"
              : "";
      return new Verdict(truth, List.of(new Evidence(path.path(), Actual.value(Values.render(value) + others), expected)));
    };
  }

  private static Verdict evidence(Truth truth, FieldPath field, Object value, Expectation expected) {
    return new Verdict(truth, List.of(new Evidence(field, actual(value), expected)));
  }

  /** A value read, or its absence, as evidence holds it. */
  static Actual actual(Object value) {
    return value instanceof Absent absent ? absent.actual() : Actual.value(Values.render(value));
  }

  private static Verdict absentVerdict(FieldPath field, Absent absent, Expectation expected, boolean explain) {
    return explain ? new Verdict(Truth.UNKNOWN, List.of(new Evidence(field, absent.actual(), expected))) : Verdict.UNKNOWN;
  }
}
