package dev.rampart.engine.internal.eval;

import dev.rampart.engine.internal.ast.FieldPath;
import dev.rampart.engine.internal.load.Joins;
import dev.rampart.engine.internal.schema.Field;
import dev.rampart.engine.internal.schema.FieldKind;
import dev.rampart.spi.value.Vocabulary;
import dev.rampart.spi.fact.Fact;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads a resolved field path from an object, following references through the facts the rule's
 * joins supplied. Returns {@link Absent} rather than null, so callers cannot mistake absence for a
 * value.
 */
final class PathReader {

  private final dev.rampart.spi.fact.FieldPath path;
  private final Step[] steps;
  /** For a vocabulary field: its vocabulary; values read are canonical (see {@link CanonicalValues}). */
  private final @Nullable Vocabulary vocabulary;
  private final boolean list;

  private PathReader(dev.rampart.spi.fact.FieldPath path, Step[] steps, @Nullable Vocabulary vocabulary, boolean list) {
    this.path = path;
    this.steps = steps;
    this.vocabulary = vocabulary;
    this.list = list;
  }

  static PathReader of(FieldPath path, Joins joins) {
    Step[] steps = new Step[path.steps().size()];
    for (int i = 0; i < steps.length; i++) {
      FieldPath.Step step = path.steps().get(i);
      FieldKind kind = step.field().kind();
      int slot = kind == FieldKind.REF_ONE || kind == FieldKind.REF_MANY ? joins.referenceSlot(step.field().name()) : -1;
      steps[i] = new Step(step.field().name(), kind, step.field().accessor(), step.key(), slot,
          step.field().target() == null ? "" : step.field().target().wireName());
    }
    Field field = path.field();
    boolean list = field.kind() == FieldKind.LIST && field.element() != null;
    Vocabulary vocabulary = list ? Objects.requireNonNull(field.element()).vocabulary() : field.vocabulary();
    return new PathReader(path.path(), steps, vocabulary, list);
  }

  /** The vocabulary of the field read (for a list, of its elements), or {@code null}. */
  @Nullable Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The path read, as evidence names it. */
  dev.rampart.spi.fact.FieldPath path() {
    return path;
  }

  /**
   * The value at the end of the path, or an {@link Absent}; a vocabulary field's value is canonical,
   * or {@link CanonicalValues.Unrecognised}.
   */
  Object read(Frame frame, Object start) {
    Object value = readRaw(frame, start);
    if (vocabulary == null || value instanceof Absent) {
      return value;
    }
    // a list's unknown elements are found where they are compared (Checks.recognised)
    return list ? value : CanonicalValues.scalar(vocabulary, value);
  }

  private Object readRaw(Frame frame, Object start) {
    Object current = start;
    for (Step step : steps) {
      Object next = step.accessor.apply(current);
      if (next == null) {
        return Absent.PLAIN;
      }
      switch (step.kind) {
        case MAP -> {
          // the next step looks the key up; the map itself is this step's value
        }
        case REF_ONE -> {
          Fact target = resolve(frame.references[step.slot], (String) next);
          if (target == null) {
            return Absent.because("no " + step.targetName + " with id '" + next + "'");
          }
          next = target;
        }
        default -> {
          // a plain field: its value is the next object
        }
      }
      if (step.key != null) {
        next = ((Map<?, ?>) current).get(step.key);
        if (next == null) {
          return Absent.PLAIN;
        }
      }
      current = next;
    }
    return current;
  }

  /** For a list-of-references path: the referenced ids (or Absent) as stored on the fact. */
  Object readIds(Frame frame, Object start) {
    return read(frame, start);
  }

  /** The facts the rule's join supplied for the reference at the end of this path. */
  List<?> referenced(Frame frame) {
    return frame.references[steps[steps.length - 1].slot];
  }

  static @Nullable Fact resolve(List<?> candidates, String id) {
    for (Object candidate : candidates) {
      Fact fact = (Fact) candidate;
      if (fact.id().equals(id)) {
        return fact;
      }
    }
    return null;
  }

  private record Step(
      String name, FieldKind kind, Function<Object, @Nullable Object> accessor, @Nullable String key, int slot,
      String targetName) {}
}
