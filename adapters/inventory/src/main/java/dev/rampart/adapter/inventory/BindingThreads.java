package dev.rampart.adapter.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon threads that bind the chunks of one read's lists, each with its own
 * {@link SharedValues} for the whole read, so values still repeat across the chunks it binds.
 * Closing stops them: a chunk being bound is finished, the ones waiting are dropped.
 */
final class BindingThreads implements AutoCloseable {

  private static final AtomicInteger READS = new AtomicInteger();

  private final BlockingQueue<ElementChunk> waiting = new LinkedBlockingQueue<>();
  private final List<Thread> threads = new ArrayList<>();

  /**
   * @param file the file's name, for the problem lines
   * @param count how many threads bind
   */
  BindingThreads(String file, int count, boolean holdParts) {
    int read = READS.incrementAndGet();
    for (int i = 1; i <= count; i++) {
      Thread thread = new Thread(new Binder(file, holdParts), "rampart-inventory-" + read + "-binder-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /** How many threads bind. */
  int count() {
    return threads.size();
  }

  /** Has the chunk bound by the next free thread; its result completes when it is. */
  void bind(ElementChunk chunk) {
    waiting.add(chunk);
  }

  @Override
  public void close() {
    waiting.clear();
    threads.forEach(Thread::interrupt);
    boolean interrupted = false;
    for (Thread thread : threads) {
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** One thread's loop and what it keeps across the chunks it binds. */
  private final class Binder implements Runnable {

    private final SharedValues shared = new SharedValues();
    private final ElementBinder binder;

    Binder(String file, boolean holdParts) {
      this.binder = new ElementBinder(file);
      shared.holdParts(holdParts);
    }

    @Override
    public void run() {
      while (true) {
        ElementChunk chunk;
        try {
          chunk = waiting.take();
        } catch (InterruptedException e) {
          return;
        }
        chunk.bindWith(binder, shared);
      }
    }
  }
}
