package dev.rampart.engine;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.value.Problem;
import java.util.List;
import org.apiguardian.api.API;

/** A waiver file has mistakes; {@link #problems()} lists them all. */
@API(status = STABLE, since = "0.1")
public final class WaiverLoadException extends Exception {

  private static final long serialVersionUID = 2L;

  private final List<Problem> problems;

  public WaiverLoadException(List<Problem> problems) {
    super(format(problems));
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

  // Called before the constructor's own check could run, so an empty list is refused here.
  private static String format(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a WaiverLoadException needs at least one problem");
    }
    StringBuilder text = new StringBuilder();
    text.append(problems.size() == 1 ? "1 problem" : problems.size() + " problems").append(" in waiver file:");
    for (int i = 0; i < problems.size(); i++) {
      text.append(System.lineSeparator()).append(i + 1).append(". ").append(problems.get(i));
    }
    return text.toString();
  }
}
