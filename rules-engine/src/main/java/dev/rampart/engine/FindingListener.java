package dev.rampart.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Told of each finding (a FAIL, UNKNOWN or ERROR result) that an incremental session or a streaming
 * evaluation adds, changes or removes, e.g. to raise and clear alerts as they happen.
 *
 * <p>A session tells its listener on the caller's thread, when its results are brought up to date
 * ({@link ComplianceSession#report()}, {@link ComplianceSession#resultsFor}), of every change since
 * the last time, in report order. A streaming evaluation tells it of each finding added as the
 * shards find them, from the evaluation's threads but one call at a time. An exception the listener
 * throws is thrown by the call that told it (in a streaming evaluation, by {@link
 * StreamingEvaluation#finish()}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface FindingListener {

  /** A listener that does nothing. */
  FindingListener NONE = event -> {};

  void findingChanged(FindingEvent event);
}
