package dev.rampart.engine.internal.eval;

import dev.rampart.engine.Evidence;
import dev.rampart.engine.internal.ast.Operator;
import dev.rampart.engine.internal.ast.Quantifier;
import dev.rampart.spi.fact.Fact;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The compiled forms of each kind of condition, with Kleene semantics and evidence. */
final class Checks {

  /** At most this many elements are cited as evidence for one quantifier. */
  static final int MAX_ELEMENT_EVIDENCE = 10;

  private Checks() {}

  /** {@code all}: FALSE if any child is FALSE, else UNKNOWN if any is UNKNOWN, else TRUE. */
  static Check all(Check[] children) {
    return (frame, current, prefix, explain) -> {
      boolean unknown = false;
      for (int i = 0; i < children.length; i++) {
        Truth truth = children[i].eval(frame, current, prefix, false).truth();
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
        Truth truth = children[i].eval(frame, current, prefix, false).truth();
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
   * The evidence of the children whose truth equals the result: they are what decided it. Children
   * after {@code reached} were never needed to decide; one that cannot be evaluated is left out, so
   * explaining a result never turns it into an error that plain evaluation did not meet.
   */
  private static Verdict deciding(Check[] children, int reached, Truth result, Frame frame, Object current, String prefix) {
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

  /** {@code not}: swaps TRUE and FALSE; the evidence's expectations are negated. */
  static Check not(Check child) {
    return (frame, current, prefix, explain) -> {
      Verdict verdict = child.eval(frame, current, prefix, explain);
      if (!explain) {
        return Verdict.bare(verdict.truth().not());
      }
      List<Evidence> negated = new ArrayList<>();
      for (Evidence e : verdict.evidence()) {
        // missing evidence states what is needed, which negation does not change
        negated.add(e.isAbsent() ? e : new Evidence(e.field(), e.actual(), negate(e.expected())));
      }
      return new Verdict(verdict.truth().not(), negated);
    };
  }

  private static String negate(String expected) {
    return expected.startsWith("not ") ? expected.substring(4) : "not " + expected;
  }

  /** {@code anyOf} / {@code allOf} over a plain list; {@code noneOf} is compiled as not(anyOf). */
  static Check quantified(Quantifier quantifier, PathReader list, Check where) {
    Check check = (frame, current, prefix, explain) -> {
      Object value = list.read(frame, current);
      if (value instanceof Absent absent) {
        return explain ? absentVerdict(prefix + list.text(), absent, "a list", true) : Verdict.UNKNOWN;
      }
      List<?> elements = (List<?>) value;
      return combine(quantifier, frame, elements, null, "", where, explain ? prefix + list.text() : "", explain);
    };
    return quantifier == Quantifier.NONE_OF ? not(check) : check;
  }

  /** A quantifier over a list of references, e.g. {@code allOf: networks}. */
  static Check quantifiedReferences(Quantifier quantifier, PathReader list, Check where, String typeName) {
    Check check = (frame, current, prefix, explain) -> {
      Object ids = list.read(frame, current);
      if (ids instanceof Absent absent) {
        return explain ? absentVerdict(prefix + list.text(), absent, "a list of references", true) : Verdict.UNKNOWN;
      }
      List<?> found = list.referenced(frame);
      return combine(quantifier, frame, (List<?>) ids, found, typeName, where, explain ? prefix + list.text() : "", explain);
    };
    return quantifier == Quantifier.NONE_OF ? not(check) : check;
  }

  private static Verdict combine(
      Quantifier quantifier, Frame frame, List<?> elements, @Nullable List<?> facts, String typeName, Check where,
      String name,
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
      // names are for evidence only: plain evaluation builds no strings
      String elementName = !explain ? "" : facts == null ? name + "[" + i + "]" : name + "[" + element + "]";
      Verdict verdict;
      try {
        if (facts != null) {
          Fact fact = PathReader.resolve(facts, String.valueOf(element));
          verdict = fact == null
              ? absentVerdict(elementName, Absent.because("no " + typeName + " with id '" + element + "'"), "a known fact", explain)
              : where.eval(frame, fact, explain ? elementName + "." : "", explain);
        } else if (element == null) {
          verdict = absentVerdict(elementName, Absent.PLAIN, "a value", explain);
        } else {
          verdict = where.eval(frame, element, explain ? elementName + (isScalar(element) ? "" : ".") : "", explain);
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
      String expectation = wantTrue ? "at least one element" : "any elements";
      return new Verdict(exhausted, List.of(new Evidence(name, "[]", expectation)));
    }
    return new Verdict(exhausted, otherEvidence);
  }

  private static boolean isScalar(Object element) {
    return element instanceof String || element instanceof Number || element instanceof Boolean || element instanceof Enum;
  }

  /** A leaf comparing a field with a constant (or a parameter bound to one). */
  static Check leaf(PathReader path, Operator operator, Object operand, String expected) {
    ValueTest test = operator == Operator.EXISTS ? null
        : operator == Operator.MATCHES ? new RegexMatch((com.google.re2j.Pattern) operand, path.text())
        : ValueTest.of(operator, operand);
    return (frame, current, prefix, explain) -> {
      Object value = path.read(frame, current);
      Truth truth;
      if (operator == Operator.EXISTS) {
        truth = Truth.of(!(value instanceof Absent) == (Boolean) operand);
      } else if (value instanceof Absent) {
        truth = Truth.UNKNOWN;
      } else {
        truth = Truth.of(test.test(value, frame.now));
      }
      return explain ? evidence(truth, prefix + path.text(), value, expected) : Verdict.bare(truth);
    };
  }

  /** A leaf comparing a field with another field of the evaluated fact. */
  static Check leafAgainstField(PathReader path, Operator operator, PathReader other) {
    String expected = operator.wireName() + " " + other.text();
    return (frame, current, prefix, explain) -> {
      Object value = path.read(frame, current);
      Object operand = other.read(frame, frame.fact);
      Truth truth = value instanceof Absent || operand instanceof Absent
          ? Truth.UNKNOWN
          : Truth.of(Values.test(operator, value, Values.operandFromField(operator, operand), frame.now));
      if (!explain) {
        return Verdict.bare(truth);
      }
      String expectation = expected + " (" + Values.render(operand) + ")";
      return evidence(truth, prefix + path.text(), value, expectation);
    };
  }

  /** {@code unique: true}: no other fact of the type has the same value. */
  static Check unique(PathReader path, int slot, String typeName) {
    return (frame, current, prefix, explain) -> {
      Object value = path.read(frame, current);
      if (value instanceof Absent) {
        return explain ? evidence(Truth.UNKNOWN, path.text(), value, "unique") : Verdict.UNKNOWN;
      }
      ValueGroup group = frame.groups[slot];
      Truth truth = Truth.of(group.others() == 0);
      if (!explain) {
        return Verdict.bare(truth);
      }
      String actual = Values.render(value) + (group.others() == 0 ? "" : " (" + group.describeOthers(frame.fact.id(), typeName) + ")");
      return new Verdict(truth, List.of(new Evidence(path.text(), actual, "unique")));
    };
  }

  private static Verdict evidence(Truth truth, String field, Object value, String expected) {
    return new Verdict(truth, List.of(new Evidence(field, Values.render(value), expected)));
  }

  private static Verdict absentVerdict(String field, Absent absent, String expected, boolean explain) {
    return explain ? new Verdict(Truth.UNKNOWN, List.of(new Evidence(field, absent.render(), expected))) : Verdict.UNKNOWN;
  }
}
