package dev.rampart.sparkjob;

/** The job's exit codes: the meanings of {@code rampart evaluate}'s (README, "Exit codes"). */
final class JobExit {

  /** The gate passed. */
  static final int OK = 0;

  /** The gate failed: a result at or above the {@code --fail-on} severity. */
  static final int GATE_FAILED = 1;

  /** A usage or input error (bad arguments, tables or packs), found before anything was written. */
  static final int INPUT_ERROR = 2;

  /** A defect in rampart, or Spark failing for a reason of its own. */
  static final int INTERNAL_ERROR = 3;

  private JobExit() {}
}
