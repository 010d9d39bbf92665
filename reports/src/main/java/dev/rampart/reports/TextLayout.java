package dev.rampart.reports;

import dev.rampart.spi.source.DisplayText;
import java.util.ArrayList;
import java.util.List;

/** Word wrapping for fixed-width terminal output. */
final class TextLayout {

  private TextLayout() {}

  /**
   * The text with what must not reach a terminal escaped ({@link DisplayText}): control characters
   * (terminal escape sequences among them), line separators and bidi controls. Values come from
   * inventories, packs and scans, and must neither drive the reader's terminal nor reorder what is read.
   */
  static String printable(String text) {
    return DisplayText.escapeKeepingLines(text);
  }

  /**
   * Breaks text into lines: the first at most {@code firstWidth} characters, the others at most
   * {@code width}. Breaks at spaces; a word longer than a line is cut. Never returns an empty list.
   */
  static List<String> wrap(String text, int firstWidth, int width) {
    text = printable(text);
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int limit = Math.max(1, firstWidth);
    for (String word : text.strip().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (line.length() > 0 && line.length() + 1 + word.length() <= limit) {
        line.append(' ').append(word);
        continue;
      }
      if (line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
        limit = Math.max(1, width);
      }
      while (word.length() > limit) {
        lines.add(word.substring(0, limit));
        word = word.substring(limit);
        limit = Math.max(1, width);
      }
      line.append(word);
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
