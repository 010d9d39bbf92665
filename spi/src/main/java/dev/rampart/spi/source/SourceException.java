package dev.rampart.spi.source;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A source could not be read, or what it holds is invalid. Each problem names the place and the fix;
 * callers show {@link #problems()} to the user without a stack trace.
 */
@API(status = STABLE, since = "0.1")
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
    super(String.join(System.lineSeparator(), oneLineEach(problems)), cause);
    this.problems = oneLineEach(problems);
  }

  /** Every problem found, each a complete sentence with its place, on one line, safe to print. */
  public List<String> problems() {
    return problems;
  }

  // Each problem is one line: a line break or control character in it came from the input (a value
  // quoted in the message) and is escaped, so that it cannot forge a line of the user's terminal or CI log.
  private static List<String> oneLineEach(List<String> problems) {
    if (Objects.requireNonNull(problems, "problems").isEmpty()) {
      throw new IllegalArgumentException("a SourceException needs at least one problem");
    }
    return problems.stream().map(DisplayText::escape).toList();
  }
}
