package dev.rampart.cli.command;

/** The exit codes of {@code rampart}, as documented in each command's help. */
public final class ExitCode {

  /** No FAIL result at or above the {@code --fail-on} severity. */
  public static final int OK = 0;

  /** The gate failed: a FAIL result whose rule severity is at or above the {@code --fail-on} severity. */
  public static final int GATE_FAILED = 1;

  /** A usage or input error, found before anything was evaluated or written. */
  public static final int INPUT_ERROR = 2;

  /** A defect in rampart itself. */
  public static final int INTERNAL_ERROR = 3;

  private ExitCode() {}
}
