package dev.rampart.spi.source;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A source could not be read, or what it holds is invalid. Each problem names the place and the fix;
 * callers show {@link #problems()} to the user without a stack trace, or read {@link #details()}.
 */
@API(status = STABLE, since = "0.1")
public final class SourceException extends Exception {

  private static final long serialVersionUID = 2L;

  private final List<Problem> details;

  public SourceException(String problem) {
    this(null, List.of(Problem.of(problem)));
  }

  public SourceException(String problem, Throwable cause) {
    this(cause, List.of(Problem.of(problem)));
  }

  public SourceException(List<String> problems) {
    this(null, Objects.requireNonNull(problems, "problems").stream().map(Problem::of).toList());
  }

  private SourceException(@Nullable Throwable cause, List<Problem> details) {
    super(String.join(System.lineSeparator(), rendered(details)), cause);
    this.details = List.copyOf(details);
  }

  /** The problems, each with its place, what is wrong and the fix; at least one. */
  public static SourceException of(List<Problem> problems) {
    return new SourceException(null, problems);
  }

  /** Every problem found, each a complete sentence with its place, on one line, safe to print. */
  public List<String> problems() {
    return rendered(details);
  }

  /** Every problem found, as data: a problem written whole by its source has only a {@link Problem#message()}. */
  public List<Problem> details() {
    return details;
  }

  // Each problem is one line: a line break or control character in it came from the input (a value
  // quoted in the message) and is escaped by Problem.render, so that it cannot forge a line of the
  // user's terminal or CI log.
  private static List<String> rendered(List<Problem> details) {
    if (details.isEmpty()) {
      throw new IllegalArgumentException("a SourceException needs at least one problem");
    }
    return details.stream().map(Problem::render).toList();
  }
}
