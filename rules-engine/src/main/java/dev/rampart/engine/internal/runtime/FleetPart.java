package dev.rampart.engine.internal.runtime;

import dev.rampart.spi.fact.FactType;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One group of rules that compare facts of one type with each other, as a distributed evaluation
 * splits it: facts with equal split keys must be evaluated together; a fact without one (its value
 * is absent) is compared with no other and may be evaluated anywhere.
 *
 * @param index the group's index among the program's groups
 * @param target the type of the facts compared
 * @param rules the indexes of the group's rules in the program's rule list
 * @param splitKey the value a fact is split by, or {@code null} when it has none
 */
public record FleetPart(int index, FactType target, List<Integer> rules, Function<Object, @Nullable Object> splitKey) {

  /** The split key of every fact of a group whose rules compare several values at once: one part holds them all. */
  public static final Object ONE_PART = "";

  public FleetPart {
    rules = List.copyOf(rules);
  }
}
