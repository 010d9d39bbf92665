package dev.rampart.adapter.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many threads bind the lists of a JSON inventory in plain ASCII, and from what size of file
 * on: below it, starting threads costs more than they save.
 *
 * @param threads how many threads bind; 1 binds on the reading thread
 * @param chunkBytes how many bytes of elements one thread binds at a time, at least
 * @param minFileBytes the smallest file whose lists are bound on other threads
 */
record ReadThreads(int threads, int chunkBytes, long minFileBytes) {

  /**
   * About 100 generated devices: large enough that handing a chunk over costs little beside binding
   * it, small enough that the chunks in flight and their facts fit a small heap.
   */
  static final int CHUNK_BYTES = 256 * 1024;
  /** About 1,500 generated devices, which one thread reads in well under a second. */
  static final long MIN_FILE_BYTES = 4L * 1024 * 1024;
  /**
   * Passing over an element costs the reading thread about a quarter of what binding it costs, so
   * past four threads that bind, the reading thread cannot keep more of them busy.
   */
  static final int MAX_DEFAULT_THREADS = 4;
  /**
   * One thread that binds per processor but the reading thread's own: its sink needs the cores too.
   * Measured on 2 cores, {@code rampart evaluate} of 100,000 devices took more CPU time and more wall time
   * with two threads binding than with the reading thread alone, as evaluation already keeps both
   * cores busy; so on 2 cores a file is read on one thread unless asked otherwise.
   */
  static final ReadThreads DEFAULT = new ReadThreads(
      Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() - 1, MAX_DEFAULT_THREADS)), CHUNK_BYTES,
      MIN_FILE_BYTES);

  ReadThreads {
    if (threads < 1) {
      throw new IllegalArgumentException("the number of threads that read an inventory must be at least 1, not "
          + threads);
    }
    if (chunkBytes < 1) {
      throw new IllegalArgumentException("a chunk must hold at least one byte, not " + chunkBytes);
    }
  }

  /** How many threads bind the lists of this file: 1 (none besides the reader) for a small file. */
  int forFile(Path file) {
    if (threads == 1) {
      return 1;
    }
    try {
      return Files.size(file) >= minFileBytes ? threads : 1;
    } catch (IOException | SecurityException e) {
      // reading the file will say what is wrong with it
      return 1;
    }
  }
}
