package dev.rampart.oscal;

import java.util.regex.Pattern;

/**
 * Text from packs and inventories as OSCAL carries it. OSCAL's titles and descriptions are Markdown,
 * so the characters Markdown would read as markup or HTML are escaped, and an id such as {@code
 * <script>} stays text in any tool that renders them; property values are plain strings that must
 * not begin or end with white space, and titles are one line.
 */
final class Markup {

  private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>#|~])");
  private static final Pattern BREAKS = Pattern.compile("[\\s\\p{Cntrl}]+");

  private Markup() {}

  /** One line of Markdown that shows {@code text} as it is: for titles. */
  static String line(String text) {
    return escape(oneLine(text));
  }

  /** Markdown that shows {@code text} as it is, line breaks kept: for descriptions and remarks. */
  static String text(String text) {
    return escape(text.strip());
  }

  /** {@code text} on one line, runs of white space and control characters made one space: for property values. */
  static String oneLine(String text) {
    return BREAKS.matcher(text).replaceAll(" ").strip();
  }

  private static String escape(String text) {
    return SPECIAL.matcher(text).replaceAll("\\\\$1");
  }
}
