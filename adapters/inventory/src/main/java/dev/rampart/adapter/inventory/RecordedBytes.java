package dev.rampart.adapter.inventory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Hands a parser the bytes of a file and keeps a copy of those from a marked offset on, so that the
 * bytes of elements the parser has passed over can be handed to other threads to bind.
 *
 * <p>Without a mark, it keeps only the bytes of the last read: a parser asks for more only once
 * it has used up what it holds, so the token it stands on always lies in them, and marking its
 * offset keeps it.
 */
final class RecordedBytes extends FilterInputStream {

  private static final int INITIAL_CAPACITY = 64 * 1024;
  private static final long NO_MARK = Long.MAX_VALUE;

  private byte[] kept = new byte[INITIAL_CAPACITY];
  // The offset in the file of kept[0], and how many bytes are kept.
  private long keptFrom;
  private int size;
  private long mark = NO_MARK;

  RecordedBytes(InputStream in) {
    super(in);
  }

  /** Keeps the bytes from this offset on, which the parser has just reached, until {@link #release}. */
  void mark(long offset) {
    if (offset < keptFrom || offset > keptFrom + size) {
      throw new IllegalStateException("byte " + offset + " is no longer kept (kept: " + keptFrom + " to "
          + (keptFrom + size) + ")");
    }
    mark = offset;
  }

  /** Lets go of the bytes kept since the mark. */
  void release() {
    mark = NO_MARK;
  }

  /** A copy of the kept bytes from {@code from} (inclusive) to {@code to} (exclusive), as offsets in the file. */
  byte[] copy(long from, long to) {
    if (from < keptFrom || to > keptFrom + size || from > to) {
      throw new IllegalStateException("bytes " + from + " to " + to + " are not kept (kept: " + keptFrom + " to "
          + (keptFrom + size) + ")");
    }
    return Arrays.copyOfRange(kept, (int) (from - keptFrom), (int) (to - keptFrom));
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int count = read(one, 0, 1);
    return count < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int count = in.read(buffer, offset, length);
    if (count > 0) {
      keep(buffer, offset, count);
    }
    return count;
  }

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("the parser must not skip bytes it has not read");
  }

  private void keep(byte[] buffer, int offset, int count) {
    long readFrom = keptFrom + size;
    long dropTo = Math.min(mark, readFrom);
    int dropped = (int) (dropTo - keptFrom);
    if (dropped > 0) {
      System.arraycopy(kept, dropped, kept, 0, size - dropped);
      size -= dropped;
      keptFrom = dropTo;
    }
    if (size + count > kept.length) {
      kept = Arrays.copyOf(kept, Math.max(size + count, kept.length * 2));
    }
    System.arraycopy(buffer, offset, kept, size, count);
    size += count;
  }
}
