package dev.rampart.adapter.nmap;

import dev.rampart.spi.source.SourceException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects the problems found in one scan file, each rendered as {@code FILE:LINE:COLUMN: WHAT (FIX)},
 * so a user sees every mistake in one run; the limit keeps a badly broken file short.
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
   * @param what what is wrong, quoting the value
   * @param fix how to fix it
   */
  void add(@Nullable Position position, String what, String fix) {
    String place = position == null ? file : file + ":" + position;
    if (lines.size() == LIMIT) {
      truncated = true;
    } else {
      lines.add(place + ": " + what + " (" + fix + ")");
    }
  }

  void throwIfAny() throws SourceException {
    if (lines.isEmpty()) {
      return;
    }
    List<String> report = new ArrayList<>(lines);
    if (truncated) {
      report.add(file + ": stopped after " + LIMIT + " problems; more were omitted (fix these and read the file again)");
    }
    throw new SourceException(report);
  }
}
