package dev.rampart.engine.internal.load;

import dev.rampart.engine.Problem;
import java.util.Comparator;
import java.util.List;

/** Thrown by the parser with every problem it found. */
public final class PackProblems extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public PackProblems(List<Problem> problems) {
    super(problems.size() + " problem(s)");
    // checks run per construct, not per line; readers expect the problems in file order
    this.problems = problems.stream()
        .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
        .toList();
  }

  public List<Problem> problems() {
    return problems;
  }
}
