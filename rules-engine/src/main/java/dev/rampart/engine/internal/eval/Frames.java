package dev.rampart.engine.internal.eval;

import dev.rampart.engine.internal.ast.FieldPath;
import dev.rampart.engine.internal.load.Joins;
import dev.rampart.engine.internal.schema.Field;
import dev.rampart.spi.fact.Fact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a frame for one fact by scanning a collection of facts: the slow, direct counterpart of the
 * Drools joins, used to explain a single result (never on the evaluation path).
 */
public final class Frames {

  private Frames() {}

  public static Frame of(RuleProgram program, Fact fact, Collection<? extends Fact> facts, Instant now) {
    Joins joins = program.joins();
    List<?>[] references = new List<?>[joins.references().size()];
    for (int i = 0; i < references.length; i++) {
      Field reference = joins.references().get(i);
      Object value = reference.accessor().apply(fact);
      List<?> ids = value == null ? List.of() : value instanceof List<?> list ? list : List.of(value);
      List<Fact> found = new ArrayList<>();
      for (Fact candidate : facts) {
        if (candidate.type() == reference.target() && ids.contains(candidate.id())) {
          found.add(candidate);
        }
      }
      references[i] = found;
    }
    ValueGroup[] groups = new ValueGroup[joins.uniques().size()];
    for (int i = 0; i < groups.length; i++) {
      FieldPath path = joins.uniques().get(i);
      Object key = read(path, fact);
      List<String> ids = new ArrayList<>(List.of(fact.id()));
      for (Fact other : facts) {
        if (key != null && other != fact && other.type() == fact.type() && key.equals(read(path, other))) {
          ids.add(other.id());
        }
      }
      ids.sort(null);
      groups[i] = new ValueGroup(ids.size(), ids.subList(0, Math.min(ids.size(), ValueGroup.SAMPLE + 1)));
    }
    return new Frame(fact, references, groups, Objects.requireNonNull(now, "now"));
  }

  private static Object read(FieldPath path, Object start) {
    Object current = start;
    for (FieldPath.Step step : path.steps()) {
      current = step.field().accessor().apply(current);
      if (current != null && step.key() != null) {
        current = ((Map<?, ?>) current).get(step.key());
      }
      if (current == null) {
        return null;
      }
    }
    return current;
  }
}
