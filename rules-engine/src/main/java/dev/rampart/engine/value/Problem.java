package dev.rampart.engine.value;

import static org.apiguardian.api.API.Status.STABLE;

import java.io.Serializable;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One mistake found while loading a rule pack, its parameters or a waiver file, with its place and a
 * fix: the common {@link dev.rampart.spi.source.Problem} ({@link #detail()}) with the rule it is in.
 *
 * @param file the file the mistake is in
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param ruleId the rule the mistake is in, or {@code null} outside rules
 * @param message what is wrong, quoting the offending value
 * @param suggestion how to fix it, or {@code null} when there is nothing better to say
 */
@API(status = STABLE, since = "0.1")
public record Problem(
    String file, int line, int column, @Nullable String ruleId, String message, @Nullable String suggestion)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  /** The problem in the model every Rampart error shares: the rule, when there is one, is its path ({@code rule IDN-002}). */
  public dev.rampart.spi.source.Problem detail() {
    return new dev.rampart.spi.source.Problem(file, line, column, ruleId == null ? "" : "rule " + ruleId, message,
        suggestion);
  }

  /**
   * {@code file:line:column: rule ID: message (suggestion)}, on one line, as {@link
   * dev.rampart.spi.source.Problem#render()} renders it: a line break or control character quoted from
   * the input is escaped, so it cannot forge a line of a terminal or CI log.
   */
  @Override
  public String toString() {
    return detail().render();
  }
}
