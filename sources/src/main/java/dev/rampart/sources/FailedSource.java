package dev.rampart.sources;

import java.util.List;
import java.util.Objects;

/**
 * A source that could not be read in a run with {@code --allow-partial}: the run went on without
 * it, so the facts only it could have supplied are absent.
 *
 * @param source the source as the user named it, {@code TYPE:LOCATION}
 * @param problems what went wrong, each with its place; at least one
 */
public record FailedSource(String source, List<String> problems) {

  public FailedSource {
    Objects.requireNonNull(source, "source");
    problems = List.copyOf(problems);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a failed source needs at least one problem");
    }
  }

  /** The first problem, which reports show. */
  public String firstProblem() {
    return problems.get(0);
  }
}
