package dev.rampart.cli;

import dev.rampart.spi.source.DisplayText;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Standard error as the user's terminal and CI log see it: whatever a message quotes from an input,
 * control characters (ESC, OSC, carriage return), line and paragraph separators and bidi controls
 * reach them escaped ({@link DisplayText}); only the line breaks rampart writes itself pass. Messages
 * escape their own quoted values too (a problem is one line); this is the last line of defence.
 */
final class TerminalSafeWriter extends FilterWriter {

  private static final String LINE_SEPARATOR = System.lineSeparator();

  TerminalSafeWriter(Writer out) {
    super(out);
  }

  @Override
  public void write(int c) throws IOException {
    write(String.valueOf((char) c));
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    write(new String(buffer, offset, length));
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    String chunk = text.substring(offset, offset + length);
    // println writes the line separator on its own, which on Windows holds a carriage return
    out.write(chunk.equals(LINE_SEPARATOR) ? chunk : DisplayText.escapeKeepingLines(chunk));
  }
}
