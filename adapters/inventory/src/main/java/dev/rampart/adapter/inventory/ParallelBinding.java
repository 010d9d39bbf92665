package dev.rampart.adapter.inventory;

import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.TextPosition;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The reader's side of binding a list's elements on other threads: it gathers the elements the
 * reader passed over into chunks of about {@code chunkBytes}, has {@link BindingThreads} bind them,
 * and hands the results back in file order, keeping a bounded number of chunks in flight so that
 * memory stays bounded however long the list.
 */
final class ParallelBinding {

  private final RecordedBytes recorded;
  private final BindingThreads threads;
  private final int chunkBytes;
  private final int maxInFlight;
  private final Deque<ElementChunk> inFlight = new ArrayDeque<>();
  // The chunk being gathered: its elements' places and byte ranges in the file.
  private int gathered;
  private long chunkStartByte;
  private long chunkEndByte;
  private long[] gaps = new long[64];
  private TextPosition chunkStart = new TextPosition(1, 1);
  private String chunkSection = "";
  private FactType chunkType = FactType.DEVICE;
  private int chunkFirstIndex;

  /**
   * @param recorded the bytes the reader's parser reads, which keeps those of the chunk being gathered
   * @param threads the threads that bind
   * @param chunkBytes how many bytes of elements make a chunk, at least
   */
  ParallelBinding(RecordedBytes recorded, BindingThreads threads, int chunkBytes) {
    this.recorded = recorded;
    this.threads = threads;
    this.chunkBytes = chunkBytes;
    // Enough for every thread to bind one while the next waits, and one for the reader to hand over.
    this.maxInFlight = 2 * threads.count() + 1;
  }

  /**
   * The reader stands at the start of an object it will pass over: its bytes are kept from here on.
   *
   * @param startByte the object's first byte's offset in the file
   */
  void starting(long startByte) {
    if (gathered == 0) {
      recorded.mark(startByte);
    }
  }

  /**
   * Adds the object the reader has just passed over to the chunk being gathered; {@link #starting}
   * was told where it starts.
   *
   * @param start where it starts
   * @param startByte its first byte's offset in the file
   * @param endByte the offset just after its last byte
   */
  void add(String section, FactType type, int index, TextPosition start, long startByte, long endByte) {
    if (gathered == 0) {
      chunkStartByte = startByte;
      chunkStart = start;
      chunkSection = section;
      chunkType = type;
      chunkFirstIndex = index;
    } else {
      if (2 * gathered >= gaps.length) {
        gaps = Arrays.copyOf(gaps, gaps.length * 2);
      }
      gaps[2 * (gathered - 1)] = chunkEndByte;
      gaps[2 * (gathered - 1) + 1] = startByte;
    }
    chunkEndByte = endByte;
    gathered++;
    if (chunkEndByte - chunkStartByte >= chunkBytes) {
      submit();
    }
  }

  /** Adds an element the reader has already judged, to be handed back in its place. */
  void addJudged(String section, FactType type, int index, BoundElement element) {
    submit();
    inFlight.add(ElementChunk.judged(section, type, index, element));
  }

  /** Whether the reader must take a result before it goes on, to keep the chunks in flight bounded. */
  boolean full() {
    return inFlight.size() >= maxInFlight;
  }

  /** Whether every chunk gathered has been handed back. */
  boolean isEmpty() {
    return gathered == 0 && inFlight.isEmpty();
  }

  /**
   * The oldest chunk in flight, once bound; a chunk still being gathered is sent off first.
   *
   * @throws IOException when a thread could not read the chunk (a limit, an encoding problem)
   */
  ElementChunk next() throws IOException {
    if (inFlight.isEmpty()) {
      submit();
    }
    ElementChunk oldest = inFlight.remove();
    await(oldest.bound());
    return oldest;
  }

  private void submit() {
    if (gathered == 0) {
      return;
    }
    byte[] bytes = recorded.copy(chunkStartByte, chunkEndByte);
    recorded.release();
    // Between two elements there is only white space and one comma; blanked, the elements follow
    // each other as a parser reads a sequence of documents, and every line and column stays.
    for (int i = 0; i < gathered - 1; i++) {
      for (long at = gaps[2 * i]; at < gaps[2 * i + 1]; at++) {
        int offset = (int) (at - chunkStartByte);
        if (bytes[offset] == ',') {
          bytes[offset] = ' ';
        }
      }
    }
    ElementChunk chunk = new ElementChunk(bytes, chunkStartByte, chunkStart, chunkSection, chunkType,
        chunkFirstIndex, gathered);
    gathered = 0;
    inFlight.add(chunk);
    threads.bind(chunk);
  }

  private static void await(CompletableFuture<List<BoundElement>> bound) throws IOException {
    try {
      bound.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the inventory's elements to be bound");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("binding the inventory's elements failed", cause);
    }
  }
}
