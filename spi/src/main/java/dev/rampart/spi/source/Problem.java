package dev.rampart.spi.source;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.Serializable;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One mistake found in an input (an inventory, a source, a rule pack, a waiver file, the facts given
 * to the engine), as data: where it is, what is wrong and how to fix it. Every error of Rampart that
 * a user can fix carries its problems in this form, and {@link #render()} is the one line each
 * report and message shows for it.
 *
 * @param file the file or URL as the user named it, or empty when the input has no name (facts built in code)
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param path where inside the input, e.g. {@code devices[2] (id 'cam-02').credentials} or {@code rule
 *     IDN-002}, or empty when the problem is about the whole input
 * @param message what is wrong, quoting the value
 * @param fix how to fix it, or {@code null} when the message already says so
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Problem(String file, int line, int column, String path, String message, @Nullable String fix)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("a problem's line and column are 1-based, or 0 when unknown: line "
          + line + ", column " + column);
    }
  }

  /**
   * A problem written whole, whose message already names its place and fix, such as {@code cannot
   * read 'ca.pem': no such file (check the path)}: it renders as the message alone.
   */
  public static Problem of(String message) {
    return new Problem("", 0, 0, "", message, null);
  }

  /**
   * A problem at the place of a record a source read: its location, line and column (a record with
   * no place, such as a fact built in code, gives a problem of no file).
   */
  public static Problem at(Origin origin, String path, String message, @Nullable String fix) {
    return new Problem(origin.location(), origin.line(), origin.column(), path, message, fix);
  }

  /**
   * {@code FILE:LINE:COLUMN: PATH: MESSAGE (FIX)} on one line, each part left out when unknown (no
   * line and column without a line, no leading colon without a file). A line break or control
   * character quoted from the input is escaped, so it cannot forge a line of a terminal or CI log.
   */
  public String render() {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(':').append(line).append(':').append(column);
    }
    if (!text.isEmpty()) {
      text.append(": ");
    }
    if (!path.isEmpty()) {
      text.append(path).append(": ");
    }
    text.append(message);
    if (fix != null) {
      text.append(" (").append(fix).append(')');
    }
    return DisplayText.escape(text.toString());
  }

  /** The {@link #render() rendered} line. */
  @Override
  public String toString() {
    return render();
  }
}
