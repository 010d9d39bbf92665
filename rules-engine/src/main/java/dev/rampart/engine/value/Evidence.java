package dev.rampart.engine.value;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.fact.FieldPath;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One condition that decided a result, as data: the field it read, the value found there or the
 * absence of one, what the condition expected and, when the evaluation was given
 * {@link dev.rampart.engine.Provenance}, the source of the value found. {@link EvidenceText} renders it.
 *
 * @param path the path read, relative to the evaluated fact, e.g. {@code services[1].port} or
 *     {@code vendor.disclosureProgram}; {@link #field()} renders it
 * @param actual the value found, or an explicit absence
 * @param expected what the condition expected
 * @param applicability whether the condition is part of the rule's {@code when} rather than of its
 *     assertion: it says when the rule applies, not what it requires
 * @param source where the value found came from, as {@code SOURCE:LOCATION[:LINE:COLUMN]}, e.g.
 *     {@code nmap:scan.xml:40:3}; {@code null} when the evaluation had no provenance for it, and
 *     always for an absent value, which no source reported
 */
@API(status = STABLE, since = "0.1")
public record Evidence(
    FieldPath path, Actual actual, Expectation expected, boolean applicability, @Nullable String source) {

  public Evidence {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(expected, "expected");
  }

  /** Evidence of the assertion whose source is not known. */
  public Evidence(FieldPath path, Actual actual, Expectation expected) {
    this(path, actual, expected, false, null);
  }

  /** The same evidence naming another source, or none. */
  public Evidence withSource(@Nullable String source) {
    return new Evidence(path, actual, expected, applicability, source);
  }

  /** The same evidence with its expectation negated, as a {@code not} around its condition sees it. */
  public Evidence negated() {
    return new Evidence(path, actual, expected.negate(), applicability, source);
  }

  /** The same evidence, coming from the rule's {@code when}. */
  public Evidence ofApplicability() {
    return new Evidence(path, actual, expected, true, source);
  }

  /** The path read as evidence shows it, e.g. {@code services[1].port}. */
  public String field() {
    return path.text();
  }

  /** Whether the field had no value. */
  public boolean isAbsent() {
    return actual instanceof Actual.Absence;
  }

  /** {@code field = actual (expected ...)}, then {@code [source]} when the source is known. */
  @Override
  public String toString() {
    return EvidenceText.line(this) + (source == null ? "" : " [" + source + "]");
  }

  /** What a condition found in its field. */
  public sealed interface Actual permits Actual.Value, Actual.Absence {

    /** A value, e.g. {@code 23}, {@code absentia} or {@code [22, 23]}. */
    static Actual value(String text) {
      return new Value(text);
    }

    /** No source reported the field. */
    static Actual absent() {
      return Absence.PLAIN;
    }

    /** The field could not be read, for the reason given, e.g. {@code no vendor with id 'v9'}. */
    static Actual absent(String reason) {
      return new Absence(reason);
    }

    /**
     * A value that was found.
     *
     * @param text the value as evidence shows it: numbers without a needless fraction, enumerated
     *     values by their wire names, lists in brackets
     */
    record Value(String text) implements Actual {

      public Value {
        Objects.requireNonNull(text, "text");
      }
    }

    /**
     * No value was found.
     *
     * @param reason why, when it is more than that no source reported it (then empty)
     */
    record Absence(String reason) implements Actual {

      static final Absence PLAIN = new Absence("");

      public Absence {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }

  /** What a condition expected of its field. */
  public sealed interface Expectation permits Expectation.Comparison, Expectation.Presence {

    /** The expectation under a {@code not}. */
    Expectation negate();

    /**
     * A comparison of the field: an operator with its operand.
     *
     * @param operator the operator as packs write it, e.g. {@code notEquals}, {@code unique}; for the
     *     evidence that a quantified list is empty, the quantifier, {@code anyOf} or {@code allOf}
     * @param operand what the field is compared with, or {@code null} for an operator that takes none
     * @param negated whether the comparison is expected not to hold (it stood under a {@code not})
     */
    record Comparison(String operator, @Nullable Operand operand, boolean negated) implements Expectation {

      public Comparison {
        Objects.requireNonNull(operator, "operator");
      }

      @Override
      public Comparison negate() {
        return new Comparison(operator, operand, !negated);
      }
    }

    /**
     * A value the condition needs before it can be decided at all, e.g. {@code a list} or
     * {@code a known fact}; a {@code not} around the condition needs it as much.
     *
     * @param what the value needed
     */
    record Presence(String what) implements Expectation {

      public Presence {
        Objects.requireNonNull(what, "what");
      }

      @Override
      public Presence negate() {
        return this;
      }
    }
  }

  /**
   * The right-hand side of a comparison.
   *
   * @param kind where the operand comes from
   * @param text the operand's value as evidence shows it: a literal as the pack wrote it, a
   *     parameter's bound value, the value of the other field (or {@code absent})
   * @param name the parameter's name or the other field's path; empty for a literal
   */
  public record Operand(Kind kind, String text, String name) {

    public Operand {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(name, "name");
    }

    /** A constant written in the pack. */
    public static Operand literal(String text) {
      return new Operand(Kind.LITERAL, text, "");
    }

    /** A pack parameter with the value it was bound to. */
    public static Operand parameter(String name, String text) {
      return new Operand(Kind.PARAMETER, text, name);
    }

    /** Another field of the evaluated fact, with the value found there. */
    public static Operand field(String path, String text) {
      return new Operand(Kind.FIELD, text, path);
    }

    /** Where an operand comes from. */
    public enum Kind {
      /** A constant written in the pack. */
      LITERAL,
      /** A pack parameter. */
      PARAMETER,
      /** Another field of the evaluated fact. */
      FIELD
    }
  }
}
