package dev.rampart.reports.baseline;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.source.DisplayText;
import java.util.List;
import org.apiguardian.api.API;

/** A baseline file cannot be read or is not a valid baseline; each problem names the place and the fix. */
@API(status = STABLE, since = "0.1")
public final class BaselineException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  BaselineException(List<String> problems) {
    // one line each: what the baseline file quotes cannot forge a line of a terminal or CI log
    super(String.join(System.lineSeparator(), problems.stream().map(DisplayText::escape).toList()));
    this.problems = problems.stream().map(DisplayText::escape).toList();
  }

  /** Every problem found, each with {@code FILE:LINE:COLUMN} when it has a place. */
  public List<String> problems() {
    return problems;
  }
}
