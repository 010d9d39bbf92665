package dev.rampart.adapter.inventory;

import dev.rampart.spi.source.TextPosition;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a file as strict UTF-8 and counts the line and column reached.
 *
 * <p>Decoding here, not in the parsers, means bad bytes are always reported, never replaced. The
 * characters before a bad byte are handed over before the error is raised (an
 * {@code InputStreamReader} would drop them), so the position reached is exactly where the bad
 * byte is.
 */
final class Utf8FileReader extends Reader {

  private static final int BUFFER = 64 * 1024;
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
  // Characters decoded ahead, to look at the start of the file before a parser reads it.
  private final char[] lookahead = new char[BUFFER];
  private int lookaheadStart;
  private int lookaheadEnd;
  private boolean started;
  private boolean endOfInput;
  private boolean finished;
  private int line = 1;
  private int column = 1;

  private Utf8FileReader(InputStream in) {
    this.in = in;
  }

  /** Decodes the bytes of a file opened through {@code InputFiles}. */
  static Utf8FileReader of(InputStream in) {
    return new Utf8FileReader(in);
  }

  /** The first character that is not white space, without consuming it; -1 if there is none nearby. */
  int peekFirstNonBlank() throws IOException {
    start();
    int scanned = lookaheadStart;
    while (true) {
      for (; scanned < lookaheadEnd; scanned++) {
        if (!Character.isWhitespace(lookahead[scanned])) {
          return lookahead[scanned];
        }
      }
      if (lookaheadEnd == lookahead.length) {
        return -1;
      }
      int count = decode(lookahead, lookaheadEnd, lookahead.length - lookaheadEnd);
      if (count < 0) {
        return -1;
      }
      lookaheadEnd += count;
    }
  }

  /** The position of the next character to be read. */
  TextPosition position() {
    return new TextPosition(line, column);
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    start();
    int count;
    if (lookaheadStart < lookaheadEnd) {
      count = Math.min(length, lookaheadEnd - lookaheadStart);
      System.arraycopy(lookahead, lookaheadStart, buffer, offset, count);
      lookaheadStart += count;
    } else {
      count = decode(buffer, offset, length);
    }
    countLines(buffer, offset, count);
    return count;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Moves the position past characters just handed out; {@code count} is -1 at the end of the input. */
  private void countLines(char[] buffer, int offset, int count) {
    int end = offset + count;
    int lastNewline = -1;
    for (int i = offset; i < end; i++) {
      if (buffer[i] == '\n') {
        line++;
        lastNewline = i;
      }
    }
    // The column starts at 1 after the last line break and counts every character after it.
    column = lastNewline < 0 ? column + Math.max(count, 0) : end - lastNewline;
  }

  /** Drops a byte order mark, which editors on Windows like to write and neither parser wants. */
  private void start() throws IOException {
    if (started) {
      return;
    }
    started = true;
    // Two characters, so that a first character outside the Basic Multilingual Plane fits.
    int count = decode(lookahead, 0, 2);
    lookaheadEnd = Math.max(count, 0);
    if (lookaheadEnd > 0 && lookahead[0] == BYTE_ORDER_MARK) {
      lookaheadStart = 1;
    }
  }

  private int decode(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (finished) {
      return -1;
    }
    CharBuffer out = CharBuffer.wrap(buffer, offset, length);
    while (true) {
      CoderResult result = decoder.decode(bytes, out, endOfInput);
      int produced = out.position() - offset;
      if (result.isError()) {
        if (produced > 0) {
          return produced;
        }
        result.throwException();
      }
      if (result.isOverflow() || produced > 0) {
        return produced;
      }
      if (endOfInput) {
        decoder.flush(out);
        finished = true;
        produced = out.position() - offset;
        return produced > 0 ? produced : -1;
      }
      fill();
    }
  }

  private void fill() throws IOException {
    bytes.compact();
    int count = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (count < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + count);
    }
    bytes.flip();
  }
}
