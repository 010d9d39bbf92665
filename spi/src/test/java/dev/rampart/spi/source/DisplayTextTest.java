package dev.rampart.spi.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

/** Input text shown on a terminal or in a CI log cannot forge lines, drive the terminal or reorder what is read. */
class DisplayTextTest {

  @Test
  void aLineBreakCannotStartAForgedCiCommand() {
    assertEquals("cam-01\\n::error::all good", DisplayText.escape("cam-01\n::error::all good"));
    assertEquals("a\\r\\nb", DisplayText.escape("a\r\nb"));
  }

  @Test
  void terminalEscapesAndOscTitlesAreShownNotRun() {
    assertEquals("\\u001B]0;pwned\\u0007red\\u001B[31m", DisplayText.escape("\u001b]0;pwned\u0007red\u001b[31m"));
    assertEquals("\\u009B2J", DisplayText.escape("\u009b2J"), "the one-byte CSI too");
  }

  @Test
  void lineSeparatorsAndBidiOverridesAreShownNotApplied() {
    assertEquals("evil\\u2028line", DisplayText.escape("evil\u2028line"));
    assertEquals("file\\u202Efdp.exe", DisplayText.escape("file\u202Efdp.exe"));
    assertEquals("a\\u2066b\\u2069", DisplayText.escape("a\u2066b\u2069"));
  }

  @Test
  void linesCanBeKeptForMessagesThatHaveSeveral() {
    assertEquals("2 problems:\n1. x\\u001B\n2. y\\r", DisplayText.escapeKeepingLines("2 problems:\n1. x\u001b\n2. y\r"));
  }

  @Test
  void ordinaryTextIsTheSameObject() {
    String text = "cam-01: caf\u00e9 \u6771\u4eac\ttab \uD83D\uDE00";
    assertSame(text, DisplayText.escape(text));
  }

  @Test
  void escapedTextHasNoUnsafeCharacterLeft() {
    qt().forAll(strings().allPossible().ofLengthBetween(0, 40))
        .check(text -> DisplayText.escape(text).chars().noneMatch(c -> DisplayText.isUnsafe((char) c)));
  }
}
