package dev.rampart.engine;

import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.util.List;

/**
 * An incremental evaluation: facts are inserted, updated and removed, and results stay true without
 * re-evaluating facts that a change does not affect. Not thread-safe; close it when done.
 *
 * <p>Durations ({@code olderThan}, {@code within}...) are measured against the engine clock's time
 * when the session was opened.
 */
public interface ComplianceSession extends AutoCloseable {

  /**
   * Adds a fact.
   *
   * @throws IllegalArgumentException if a fact of the same type and id is already present
   */
  void insert(Fact fact);

  /**
   * Replaces the fact of the same type and id.
   *
   * @throws IllegalArgumentException if there is none
   */
  void update(Fact fact);

  /** Inserts the fact, or replaces the one with the same type and id. */
  void put(Fact fact);

  /** Removes a fact; returns whether it was present. */
  boolean remove(FactType type, String id);

  /** The current results of every rule for every fact. */
  Report report();

  /** The current results for one fact, one per rule of its type. */
  List<RuleResult> resultsFor(FactType type, String id);

  /** Number of facts in the session. */
  int size();

  /** Releases the session's working memory. */
  @Override
  void close();
}
