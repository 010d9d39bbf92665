package dev.rampart.engine.internal.runtime;

import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * An evaluation bounded by a fact or time limit: facts are inserted in batches, referenced facts
 * first, into one incremental session, stopping at the limit. Nothing unevaluated is ever reported
 * as a pass: the results cover only the facts evaluated, and say why they stopped.
 */
final class BoundedEvaluation {

  /** Facts inserted between limit checks. */
  private static final int BATCH = 1024;

  private final CompiledProgram program;
  private final Instant now;
  private final long maxFacts;
  private final @Nullable Duration timeLimit;

  BoundedEvaluation(CompiledProgram program, Instant now, long maxFacts, @Nullable Duration timeLimit) {
    this.program = program;
    this.now = now;
    this.maxFacts = maxFacts;
    this.timeLimit = timeLimit;
  }

  BoundedResults run(Collection<? extends Fact> facts) {
    long deadline = timeLimit == null ? Long.MAX_VALUE : System.nanoTime() + timeLimit.toNanos();
    List<Fact> ordered = new ArrayList<>(facts);
    // devices refer to networks and vendors; evaluating those first keeps early batches' joins whole
    ordered.sort(Comparator.comparingInt(f -> f.type() == FactType.DEVICE ? 1 : 0));
    String stop = null;
    try (DroolsSession session = program.openSession(now);
        Alarm alarm = timeLimit == null ? null : new Alarm(deadline)) {
      int inserted = 0;
      while (inserted < ordered.size()) {
        if (inserted >= maxFacts) {
          stop = "stopped at the fact limit of " + maxFacts;
          break;
        }
        if (System.nanoTime() > deadline) {
          stop = "stopped at the time limit of " + timeLimit;
          break;
        }
        int end = (int) Math.min(Math.min(ordered.size(), inserted + (long) BATCH), maxFacts);
        for (Fact fact : ordered.subList(inserted, end)) {
          session.insert(fact);
        }
        inserted = end;
        session.settle();
        if (alarm != null && alarm.rang()) {
          // a match cut short by the alarm is an ERROR result of a fact of this batch: it is reported,
          // and the results say they stopped
          stop = "stopped at the time limit of " + timeLimit;
          break;
        }
      }
      ResultTable results = session.results();
      return new BoundedResults(results,
          stop == null ? null : stop + ": " + inserted + " of " + ordered.size() + " facts evaluated");
    }
  }

  /**
   * Interrupts the evaluating thread at the deadline, so that work within one batch that reads long
   * texts (a regular expression match) stops there too; closing it before then cancels it and leaves
   * the thread's interrupt flag as it was.
   */
  private static final class Alarm implements AutoCloseable {

    private final Thread evaluating = Thread.currentThread();
    private final Thread timer;
    private boolean closed;
    private boolean rang;

    Alarm(long deadline) {
      timer = new Thread(() -> {
        try {
          long wait;
          while ((wait = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
        } catch (InterruptedException e) {
          return; // closed before the deadline
        }
        ring();
      }, "rampart-time-limit");
      timer.setDaemon(true);
      timer.start();
    }

    private synchronized void ring() {
      if (!closed) {
        rang = true;
        evaluating.interrupt();
      }
    }

    synchronized boolean rang() {
      return rang;
    }

    @Override
    public void close() {
      synchronized (this) {
        closed = true;
        if (rang) {
          Thread.interrupted(); // the flag was ours
        }
      }
      timer.interrupt();
    }
  }
}
