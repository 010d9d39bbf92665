package dev.rampart.spi.source;

import java.util.List;
import java.util.Objects;

/**
 * A source could not be read, or what it holds is invalid. Each problem names the place and the fix;
 * callers show {@link #problems()} to the user without a stack trace.
 */
public final class SourceException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public SourceException(String problem) {
    this(List.of(problem), null);
  }

  public SourceException(String problem, Throwable cause) {
    this(List.of(problem), cause);
  }

  public SourceException(List<String> problems) {
    this(problems, null);
  }

  private SourceException(List<String> problems, Throwable cause) {
    super(String.join(System.lineSeparator(), Objects.requireNonNull(problems, "problems")), cause);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a SourceException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, each a complete sentence with its place. */
  public List<String> problems() {
    return problems;
  }
}
