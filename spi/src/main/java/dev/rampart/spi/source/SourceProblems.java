package dev.rampart.spi.source;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Collects the problems found in one input file, each a {@link Problem} rendered as
 * {@code FILE:LINE:COLUMN: PLACE: WHAT (FIX)}, and reports them together as one {@link SourceException}.
 *
 * <p>Problems are data until the end of the read, so a user sees every mistake in one run; the
 * limit keeps a badly broken file from producing a wall of text, and readers stop once it is
 * {@link #isFull() full}.
 */
@API(status = INTERNAL, since = "0.1")
public final class SourceProblems {

  /** How many problems one file reports at most. */
  public static final int LIMIT = 50;

  // problems of the whole file (line 0) first
  private static final Comparator<Problem> FILE_ORDER =
      Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column);

  private final String file;
  private final List<Problem> problems = new ArrayList<>();
  private boolean truncated;

  /** @param file the file as the user named it; every problem starts with it */
  public SourceProblems(String file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  /**
   * Adds a problem at a place in the file.
   *
   * @param at where it is, or {@code null} when only the file is known
   * @param place the element and field, e.g. {@code devices[2] (id 'cam-02').credentials}, or empty
   * @param what what is wrong, quoting the value
   * @param fix how to fix it, or {@code null} when {@code what} already says so
   */
  public void add(@Nullable TextPosition at, String place, String what, @Nullable String fix) {
    add(new Problem(file, at == null ? 0 : at.line(), at == null ? 0 : at.column(), place, what, fix));
  }

  /**
   * Adds a problem written whole, such as a file that cannot be opened.
   *
   * @param problem a complete line that names the file, what is wrong and the fix
   */
  public void add(String problem) {
    add(Problem.of(Objects.requireNonNull(problem, "problem")));
  }

  /** True once a problem past the limit arrived; readers stop then. */
  public boolean isFull() {
    return truncated;
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /**
   * Every problem, ordered by line and column (those of the whole file first), for a reader that
   * checks a document in another order than it is written; a last line says when problems were omitted.
   */
  public List<String> inFileOrder() {
    return report(problems.stream().sorted(FILE_ORDER).toList()).stream().map(Problem::render).toList();
  }

  /**
   * Ends the read.
   *
   * @throws SourceException with every problem in the order found, when there is one
   */
  public void throwIfAny() throws SourceException {
    if (!problems.isEmpty()) {
      throw SourceException.of(report(problems));
    }
  }

  private void add(Problem problem) {
    if (problems.size() == LIMIT) {
      truncated = true;
    } else {
      problems.add(problem);
    }
  }

  private List<Problem> report(List<Problem> ordered) {
    List<Problem> report = new ArrayList<>(ordered);
    if (truncated) {
      report.add(new Problem(file, 0, 0, "", "stopped after " + LIMIT + " problems; more were omitted",
          "fix these and read the file again"));
    }
    return List.copyOf(report);
  }
}
