package dev.rampart.adapter.inventory;

import dev.rampart.adaptersupport.json.Position;
import dev.rampart.spi.source.SourceException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects the problems found in one file, each rendered as {@code FILE:LINE:COLUMN: PLACE: WHAT (FIX)}.
 *
 * <p>Problems are data until the end of the read, so a user sees every mistake in one run; the
 * limit keeps a badly broken file from producing a wall of text.
 */
final class Problems {

  static final int LIMIT = 50;

  private final String file;
  private final List<String> lines = new ArrayList<>();
  private boolean truncated;

  Problems(String file) {
    this.file = file;
  }

  /**
   * Adds a problem.
   *
   * @param position where it is, or {@code null} when only the file is known
   * @param place the element and field path, e.g. {@code devices[2] (id 'cam-02').credentials}, or empty
   * @param what what is wrong, quoting the value
   * @param fix how to fix it, or {@code null} when {@code what} already says so
   */
  void add(@Nullable Position position, String place, String what, @Nullable String fix) {
    StringBuilder line = new StringBuilder(file);
    if (position != null) {
      line.append(':').append(position);
    }
    line.append(": ");
    if (!place.isEmpty()) {
      line.append(place).append(": ");
    }
    line.append(what);
    if (fix != null) {
      line.append(" (").append(fix).append(')');
    }
    addLine(line.toString());
  }

  /** Adds a problem that names the file itself, such as a file that cannot be opened. */
  void addLine(String line) {
    if (lines.size() == LIMIT) {
      truncated = true;
    } else {
      lines.add(line);
    }
  }

  /** True once a problem past the limit arrived; readers stop then. */
  boolean isFull() {
    return truncated;
  }

  void throwIfAny() throws SourceException {
    if (lines.isEmpty()) {
      return;
    }
    List<String> report = new ArrayList<>(lines);
    if (truncated) {
      report.add(file + ": stopped after " + LIMIT + " problems; more were omitted"
          + " (fix these and read the file again)");
    }
    throw new SourceException(report);
  }
}
