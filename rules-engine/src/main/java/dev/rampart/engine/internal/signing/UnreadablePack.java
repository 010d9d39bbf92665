package dev.rampart.engine.internal.signing;

import dev.rampart.engine.value.Problem;
import java.util.List;

/** A pack's files cannot all be read, or the pack holds what cannot be signed; every problem is listed. */
final class UnreadablePack extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;

  public UnreadablePack(List<Problem> problems) {
    super(problems.size() + " problem(s)");
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
