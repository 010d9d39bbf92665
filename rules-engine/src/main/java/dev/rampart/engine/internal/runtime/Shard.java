package dev.rampart.engine.internal.runtime;

import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * A share of an evaluation's work, run in a session of its own: the facts whose results it decides
 * (for some or all of the rules), and the work, which returns what it found.
 *
 * @param subjects the facts whose results it decides; a fact is evaluated only once every shard
 *     that decides some of its results has finished
 */
record Shard<T>(List<? extends Fact> subjects, Callable<T> work) {

  Shard {
    subjects = List.copyOf(subjects);
  }

  /**
   * The ids, per type, of the facts whose shards all finished.
   *
   * @param facts every fact the shards were given
   * @param unfinished the shards that did not finish
   */
  static Map<FactType, Set<String>> evaluated(List<? extends Fact> facts, List<? extends Shard<?>> unfinished) {
    Map<FactType, Set<String>> left = new EnumMap<>(FactType.class);
    for (Shard<?> shard : unfinished) {
      for (Fact fact : shard.subjects()) {
        left.computeIfAbsent(fact.type(), type -> new HashSet<>()).add(fact.id());
      }
    }
    Map<FactType, Set<String>> evaluated = new EnumMap<>(FactType.class);
    for (FactType type : FactType.values()) {
      evaluated.put(type, new HashSet<>());
    }
    for (Fact fact : facts) {
      if (!left.getOrDefault(fact.type(), Set.of()).contains(fact.id())) {
        evaluated.get(fact.type()).add(fact.id());
      }
    }
    return evaluated;
  }

  /** The facts of {@code facts} whose ids {@code evaluated} holds, in their order. */
  static List<Fact> only(List<? extends Fact> facts, Map<FactType, Set<String>> evaluated) {
    List<Fact> kept = new ArrayList<>();
    for (Fact fact : facts) {
      if (evaluated.get(fact.type()).contains(fact.id())) {
        kept.add(fact);
      }
    }
    return kept;
  }
}
