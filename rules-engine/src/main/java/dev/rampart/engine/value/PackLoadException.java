package dev.rampart.engine.value;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.value.Problem;
import java.util.List;
import org.apiguardian.api.API;

/** A rule pack, or the parameters given for it, has mistakes; {@link #problems()} lists them all. */
@API(status = STABLE, since = "0.1")
public final class PackLoadException extends Exception {

  private static final long serialVersionUID = 2L;

  private final List<Problem> problems;

  public PackLoadException(List<Problem> problems) {
    super(format(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a PackLoadException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in file order. */
  public List<Problem> problems() {
    return problems;
  }

  /** Every problem found, in file order, in the model every Rampart error shares. */
  public List<dev.rampart.spi.source.Problem> details() {
    return problems.stream().map(Problem::detail).toList();
  }

  /** The problems as a numbered list, one per line, with a count first. */
  static String format(List<Problem> problems) {
    StringBuilder text = new StringBuilder();
    text.append(problems.size() == 1 ? "1 problem" : problems.size() + " problems").append(" in rule pack:");
    for (int i = 0; i < problems.size(); i++) {
      text.append(System.lineSeparator()).append(i + 1).append(". ").append(problems.get(i));
    }
    return text.toString();
  }
}
