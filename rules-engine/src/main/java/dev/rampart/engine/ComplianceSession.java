package dev.rampart.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.value.EvaluationCancelledException;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * An incremental evaluation: facts are inserted, updated and removed, and results stay true without
 * re-evaluating facts that a change does not affect. Not thread-safe; close it when done.
 *
 * <p>Durations ({@code olderThan}, {@code within}...) are measured against the engine clock's time
 * when the session was opened, until the session's clock is advanced: then the rules that read the
 * time are judged again, so a certificate that expires while the session runs fails.
 *
 * <p>Once closed, every method but {@link #close()} throws {@link IllegalStateException}.
 */
@API(status = STABLE, since = "0.1")
public interface ComplianceSession extends AutoCloseable {

  /**
   * Adds a fact.
   *
   * @throws IllegalArgumentException if a fact of the same type and id is already present
   * @throws IllegalStateException if the session holds as many facts as the engine's fact limit
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

  /**
   * Measures durations against a later time from now on; the rules that read the time are judged
   * again for every fact when results are next asked for. The report's {@link Report#evaluatedAt()}
   * is this time.
   *
   * @throws IllegalArgumentException if the time is before the session's
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  void advanceClock(Instant now);

  /** Advances the session's clock to the engine clock's time now ({@link ComplianceEngine.Builder#clock}). */
  @API(status = EXPERIMENTAL, since = "0.1")
  void advanceClock();

  /**
   * The current results of every rule for every fact.
   *
   * @throws EvaluationCancelledException if the thread is interrupted while results are brought up
   *     to date, or that takes longer than the engine's time limit; the next call goes on from there
   */
  Report report();

  /** The current results for one fact, one per rule of its type. */
  List<RuleResult> resultsFor(FactType type, String id);

  /** Number of facts in the session. */
  int size();

  /** Releases the session's working memory. */
  @Override
  void close();
}
