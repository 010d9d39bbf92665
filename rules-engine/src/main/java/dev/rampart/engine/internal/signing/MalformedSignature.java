package dev.rampart.engine.internal.signing;

import dev.rampart.engine.value.Problem;
import java.util.List;

/** A {@code pack.sig} file is not in the format; every problem has its line. */
final class MalformedSignature extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;

  public MalformedSignature(List<Problem> problems) {
    super(problems.size() + " problem(s)");
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
