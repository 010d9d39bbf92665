package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.ast.Condition;
import dev.rampart.engine.internal.ast.FieldPath;
import dev.rampart.engine.internal.ast.MessageTemplate;
import dev.rampart.engine.internal.ast.Operand;
import dev.rampart.engine.internal.ast.Operator;
import dev.rampart.engine.internal.ast.RuleDef;
import dev.rampart.engine.internal.schema.Field;
import dev.rampart.engine.internal.schema.FieldKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a rule needs beyond its target fact: the references it follows (each an indexed join) and
 * the fields it checks for uniqueness (each an indexed self-join), in order of first use.
 *
 * @param references the reference fields followed, e.g. {@code vendor}, {@code networks}
 * @param uniques the uniqueness checks: {@code unique}, and {@code uniqueAmong} with its selection
 * @param usesTime whether a condition measures a duration against the evaluation time
 */
public record Joins(List<Field> references, List<Unique> uniques, boolean usesTime) {

  public Joins {
    references = List.copyOf(references);
    uniques = List.copyOf(uniques);
  }

  public int count() {
    return references.size() + uniques.size();
  }

  /** The slot of a reference in {@link #references()}. */
  public int referenceSlot(String name) {
    for (int i = 0; i < references.size(); i++) {
      if (references.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("rule does not follow reference " + name);
  }

  /** The slot of a leaf's unique check in {@link #uniques()}. */
  public int uniqueSlot(Condition.Leaf leaf) {
    int slot = uniques.indexOf(Unique.of(leaf));
    if (slot < 0) {
      throw new IllegalArgumentException("rule does not check uniqueness of " + leaf.path().text());
    }
    return slot;
  }

  /** Whether every uniqueness check of the rule compares the same path, so facts can be split by its value. */
  public boolean uniquesShareOnePath() {
    return !uniques.isEmpty() && uniques.stream().map(Unique::path).distinct().count() == 1;
  }

  /**
   * One uniqueness check: the facts of the target type grouped by the value at a path, counting those
   * the selection holds for ({@code among}), or all of them for {@code unique}. Two checks written
   * alike in one rule are one check, sharing one group-by, wherever they stand.
   *
   * @param path the field compared
   * @param among the condition the other facts must meet to count; {@code null} for every fact
   */
  public record Unique(FieldPath path, Operand.@Nullable Selection among) {

    static Unique of(Condition.Leaf leaf) {
      return new Unique(leaf.path(), leaf.operand() instanceof Operand.Selection selection ? selection : null);
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Unique that && path.equals(that.path) && Objects.equals(text(), that.text());
    }

    @Override
    public int hashCode() {
      return Objects.hash(path, text());
    }

    private @Nullable String text() {
      return among == null ? null : among.text();
    }
  }

  public static Joins of(RuleDef rule) {
    Collector collector = new Collector();
    collector.condition(rule.when());
    collector.condition(rule.assertion());
    collector.message(rule.message());
    return collector.joins();
  }

  static Joins of(Condition... conditions) {
    Collector collector = new Collector();
    for (Condition condition : conditions) {
      collector.condition(condition);
    }
    return collector.joins();
  }

  private static final class Collector {
    private final Map<String, Field> references = new LinkedHashMap<>();
    private final Set<Unique> uniques = new LinkedHashSet<>();
    private boolean usesTime;

    void condition(@Nullable Condition condition) {
      if (condition == null) {
        return;
      }
      if (condition instanceof Condition.All all) {
        all.children().forEach(this::condition);
      } else if (condition instanceof Condition.Any any) {
        any.children().forEach(this::condition);
      } else if (condition instanceof Condition.Not not) {
        condition(not.child());
      } else if (condition instanceof Condition.Quantified q) {
        path(q.list());
        condition(q.where());
      } else if (condition instanceof Condition.Leaf leaf) {
        path(leaf.path());
        if (leaf.operand() instanceof Operand.FieldRef ref) {
          path(ref.path());
        }
        usesTime |= leaf.operator().isClock();
        if (leaf.operator().isFleetWide()) {
          uniques.add(Unique.of(leaf));
        }
      }
    }

    void message(MessageTemplate message) {
      for (Object part : message.parts()) {
        if (part instanceof FieldPath path) {
          path(path);
        }
      }
    }

    void path(FieldPath path) {
      for (FieldPath.Step step : path.steps()) {
        FieldKind kind = step.field().kind();
        if (kind == FieldKind.REF_ONE || kind == FieldKind.REF_MANY) {
          references.putIfAbsent(step.field().name(), step.field());
        }
      }
    }

    Joins joins() {
      return new Joins(new ArrayList<>(references.values()), new ArrayList<>(uniques), usesTime);
    }
  }
}
