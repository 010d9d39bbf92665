package dev.rampart.cli.baseline;

import java.util.List;

/** A baseline file cannot be read or is not a valid baseline; each problem names the place and the fix. */
public final class BaselineException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  BaselineException(List<String> problems) {
    super(String.join(System.lineSeparator(), problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, each with {@code FILE:LINE:COLUMN} when it has a place. */
  public List<String> problems() {
    return problems;
  }
}
