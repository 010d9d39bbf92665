package dev.rampart.engine.internal.runtime;

import dev.rampart.engine.value.Problem;
import java.util.List;

/** Why packs could not be compiled together: every problem found, each with its place and fix. */
public final class CompileException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;

  CompileException(List<Problem> problems) {
    super(problems.size() + " problem(s) compiling the packs");
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
