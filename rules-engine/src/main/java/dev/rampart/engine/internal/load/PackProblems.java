package dev.rampart.engine.internal.load;

import dev.rampart.engine.value.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Thrown by the loader with every problem it found. */
public final class PackProblems extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;

  public PackProblems(List<Problem> problems) {
    super(problems.size() + " problem(s)");
    // checks run per construct, not per line; readers expect the problems in file order. A tailored
    // pack's problems may be in several files (its bases'): each file's stay together, in the order
    // the files were loaded
    Map<String, List<Problem>> byFile = new LinkedHashMap<>();
    problems.forEach(p -> byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p));
    this.problems = byFile.values().stream()
        .flatMap(inFile -> inFile.stream()
            .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column)))
        .toList();
  }

  public List<Problem> problems() {
    return problems;
  }
}
