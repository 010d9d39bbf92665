package dev.rampart.sources;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A source that could not be read in a run with {@code --allow-partial}: the run went on without
 * it, so the facts only it could have supplied are absent.
 *
 * @param source the source as the user named it, {@code TYPE:LOCATION}
 * @param problems what went wrong, each with its place; at least one
 */
@API(status = STABLE, since = "0.1")
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
