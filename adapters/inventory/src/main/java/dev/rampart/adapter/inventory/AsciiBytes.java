package dev.rampart.adapter.inventory;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A file's bytes, handed over while each is plain ASCII (1 to 127); at the first other byte, or a
 * NUL, reading fails. In such text every byte is one character, so a parser of bytes finds the same
 * lines and columns as one of characters, and Jackson takes the bytes for UTF-8 without guessing.
 */
final class AsciiBytes extends FilterInputStream {

  private static final int BUFFER = 64 * 1024;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private AsciiBytes(InputStream in) {
    super(new BufferedInputStream(in, BUFFER));
  }

  /** The bytes of a file opened through {@code InputFiles}. */
  static AsciiBytes of(InputStream in) {
    return new AsciiBytes(in);
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b == 0 || b > Byte.MAX_VALUE) {
      throw new NotAsciiException();
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int count = in.read(buffer, offset, length);
    if (count > 0 && !isAscii(buffer, offset, count)) {
      throw new NotAsciiException();
    }
    return count;
  }

  // Eight bytes at a time: a byte that is 0 borrows, and one above 127 has its high bit set.
  private static boolean isAscii(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int i = offset;
    for (; i + Long.BYTES <= end; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i);
      if ((((word - ONES) | word) & HIGH_BITS) != 0) {
        return false;
      }
    }
    for (; i < end; i++) {
      if (bytes[i] <= 0) {
        return false;
      }
    }
    return true;
  }

  /** The file holds a byte that is not plain ASCII. */
  static final class NotAsciiException extends IOException {

    private static final long serialVersionUID = 1L;

    NotAsciiException() {
      super("the file is not plain ASCII");
    }
  }
}
