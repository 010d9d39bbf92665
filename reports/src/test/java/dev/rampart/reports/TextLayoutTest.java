package dev.rampart.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextLayoutTest {

  @Test
  void breaksAtSpacesWithinTheWidths() {
    assertEquals(
        List.of("the quick", "brown fox", "jumps"),
        TextLayout.wrap("the quick brown fox jumps", 9, 9));
  }

  @Test
  void firstLineHasItsOwnWidth() {
    assertEquals(List.of("one", "two three", "four"), TextLayout.wrap("one two three four", 5, 9));
  }

  @Test
  void cutsWordsLongerThanALine() {
    assertEquals(List.of("ab", "abcde", "fghij", "k"), TextLayout.wrap("ab abcdefghijk", 4, 5));
  }

  @Test
  void collapsesWhitespaceIncludingNewlines() {
    assertEquals(List.of("a b c"), TextLayout.wrap("  a\n b\t\tc ", 20, 20));
  }

  @Test
  void emptyTextIsOneEmptyLine() {
    assertEquals(List.of(""), TextLayout.wrap("", 10, 10));
  }

  @Test
  void controlCharactersFromFactsCannotDriveTheTerminal() {
    // an inventory value carrying an ANSI escape (clear screen, recolour) is shown, not obeyed
    assertEquals(List.of("cam-1\\u001B[2J\\u001B[31mred"), TextLayout.wrap("cam-1\u001b[2J\u001b[31mred", 40, 40));
    assertEquals(List.of("evil\\u2028line file\\u202Efdp.exe"), TextLayout.wrap("evil\u2028line file\u202Efdp.exe", 40, 40));
  }
}
