package dev.rampart.sparkjob;

import java.util.List;

/** The user's input cannot be used: each problem is a whole message naming the thing and the fix. */
final class JobInputException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  JobInputException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  JobInputException(String problem) {
    this(List.of(problem));
  }

  List<String> problems() {
    return problems;
  }
}
