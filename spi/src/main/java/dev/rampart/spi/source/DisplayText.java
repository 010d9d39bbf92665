package dev.rampart.spi.source;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Text from inputs (inventories, packs, waivers, scans) made safe to show on a terminal or in a CI
 * log: control characters, which could move the cursor, change the window title (OSC) or start a
 * line that a CI system reads as a command ({@code ::error::}), and the line separators and bidi
 * controls that reorder or split what the reader sees (U+2028, U+202E), are written as escapes such
 * as {@code \n} and {@code \u202E}. The one place where Rampart decides what such text looks like.
 */
@API(status = INTERNAL, since = "0.1")
public final class DisplayText {

  private DisplayText() {}

  /** The text on one line: every character {@link #isUnsafe unsafe} to show, line breaks included, escaped. */
  public static String escape(String text) {
    return escape(text, false);
  }

  /** The text with every {@link #isUnsafe unsafe} character escaped but its line breaks ({@code \n}) kept. */
  public static String escapeKeepingLines(String text) {
    return escape(text, true);
  }

  /**
   * Whether a character must not reach a terminal as it is: C0 and C1 control characters other than
   * tab (line breaks, carriage return and ESC among them), DEL, the Unicode line and paragraph
   * separators, and the bidirectional embeddings, overrides, isolates and marks.
   */
  public static boolean isUnsafe(char c) {
    return (c < 0x20 && c != '\t')
        || (c >= 0x7F && c <= 0x9F)
        || c == '\u2028' || c == '\u2029'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200E' || c == '\u200F' || c == '\u061C';
  }

  private static String escape(String text, boolean keepLines) {
    StringBuilder safe = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unsafe = isUnsafe(c) && !(keepLines && c == '\n');
      if (unsafe && safe == null) {
        safe = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (safe == null) {
        continue;
      }
      if (!unsafe) {
        safe.append(c);
      } else if (c == '\n') {
        safe.append("\\n");
      } else if (c == '\r') {
        safe.append("\\r");
      } else {
        safe.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      }
    }
    return safe == null ? text : safe.toString();
  }
}
