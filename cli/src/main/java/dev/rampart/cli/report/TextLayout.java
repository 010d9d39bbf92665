package dev.rampart.cli.report;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping for fixed-width terminal output. */
final class TextLayout {

  private TextLayout() {}

  /**
   * The text with control characters (terminal escape sequences among them) shown as {@code ?}:
   * values come from inventories and scans, and must not drive the reader's terminal.
   */
  static String printable(String text) {
    StringBuilder clean = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = Character.isISOControl(c) && c != '\n' && c != '\t' && c != ' ';
      if (control && clean == null) {
        clean = new StringBuilder(text.substring(0, i));
      }
      if (clean != null) {
        clean.append(control ? '?' : c);
      }
    }
    return clean == null ? text : clean.toString();
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
