package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/**
 * A text holds half of a UTF-16 surrogate pair, which only a {@code \\uD800}-style escape can
 * write: it is not a character, and no report could be written with it in UTF-8.
 */
final class UnpairedSurrogateException extends JsonParseException {

  private static final long serialVersionUID = 1L;

  private final char surrogate;

  UnpairedSurrogateException(JsonParser parser, char surrogate) {
    super(parser, String.format("unpaired surrogate \\u%04X", (int) surrogate), parser.currentTokenLocation());
    this.surrogate = surrogate;
  }

  char surrogate() {
    return surrogate;
  }

  /** The first surrogate in the characters that is not half of a pair, or 0 when there is none. */
  static char find(char[] chars, int offset, int length) {
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      char c = chars[i];
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
          i++;
        } else {
          return c;
        }
      }
    }
    return 0;
  }

  /** The first surrogate in the text that is not half of a pair, or 0 when there is none. */
  static char find(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // Every text is scanned, and surrogates are rare: one range check per character until one turns up.
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return c;
        }
      }
    }
    return 0;
  }
}
