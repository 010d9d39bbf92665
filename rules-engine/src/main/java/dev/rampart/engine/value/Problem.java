package dev.rampart.engine.value;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.source.DisplayText;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One mistake found while loading a rule pack or its parameters, with its place and a fix.
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
    String file, int line, int column, @Nullable String ruleId, String message, @Nullable String suggestion) {

  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  /**
   * {@code file:line:column: rule ID: message (suggestion)}, on one line: a line break or control
   * character quoted from the input is escaped, so it cannot forge a line of a terminal or CI log.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(':').append(line).append(':').append(column);
    }
    text.append(": ");
    if (ruleId != null) {
      text.append("rule ").append(ruleId).append(": ");
    }
    text.append(message);
    if (suggestion != null) {
      text.append(" (").append(suggestion).append(')');
    }
    return DisplayText.escape(text.toString());
  }
}
