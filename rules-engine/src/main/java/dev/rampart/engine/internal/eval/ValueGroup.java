package dev.rampart.engine.internal.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The facts of one type that share a value a {@code unique} check compares: how many there are, and
 * the first of their ids in order, enough to cite {@value #SAMPLE} others of any one of them. A
 * group is computed once for all its facts, so a value shared by thousands costs no more per fact
 * than one shared by two. For {@code uniqueAmong}, the group counts the facts its selection holds
 * for, and apart from them those it could not be decided for.
 *
 * @param size how many facts with the value count (for {@code unique}, all: the fact asking included)
 * @param firstIds the smallest ids of the facts counted, in order; at most {@code SAMPLE + 1}
 * @param undecided how many facts with the value the selection is UNKNOWN for
 * @param firstUndecided the smallest ids of those, in order; at most {@code SAMPLE + 1}
 */
public record ValueGroup(long size, List<String> firstIds, long undecided, List<String> firstUndecided) {

  /** How many of the others' ids evidence cites. */
  public static final int SAMPLE = 5;

  /** The group of a fact whose value no other fact has. */
  public static ValueGroup alone(String id) {
    return new ValueGroup(1, List.of(id), 0, List.of());
  }

  public ValueGroup {
    firstIds = List.copyOf(firstIds);
    firstUndecided = List.copyOf(firstUndecided);
  }

  /** How many other facts share the value. */
  long others() {
    return size - 1;
  }

  /**
   * The others as evidence names them, e.g. {@code shared with 19999 other devices: d00001, d00002,
   * d00003, d00004, d00005 and 19994 more}.
   */
  String describeOthers(String self, String typeName) {
    return describe(others(), firstIds, self, typeName, "");
  }

  /**
   * Counted or undecided facts other than {@code self}, e.g. {@code shared with 1 other device: old-cam},
   * or with a qualifier {@code shared with 2 other devices whose lifecycle.status is absent: a, b}.
   */
  static String describe(long others, List<String> ids, String self, String typeName, String qualifier) {
    List<String> cited = new ArrayList<>(SAMPLE);
    for (String id : ids) {
      if (!id.equals(self) && cited.size() < SAMPLE) {
        cited.add(id);
      }
    }
    String text = "shared with " + others + " other " + typeName + (others == 1 ? "" : "s") + qualifier + ": "
        + String.join(", ", cited);
    return others > cited.size() ? text + " and " + (others - cited.size()) + " more" : text;
  }
}
