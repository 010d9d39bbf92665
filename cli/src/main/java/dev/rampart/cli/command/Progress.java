package dev.rampart.cli.command;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Progress lines on standard error for runs that take a while, and only when a person is watching:
 * steps are held back until the run has lasted {@link #PATIENCE}, so a quick run prints nothing, and
 * nothing at all is printed without a terminal, so CI logs and pipes stay clean.
 */
final class Progress implements AutoCloseable {

  /** How long a run may take before its progress is shown. */
  static final Duration PATIENCE = Duration.ofSeconds(2);

  private final @Nullable PrintWriter err;
  private final long started = System.nanoTime();
  private final List<String> pending = new ArrayList<>();
  private final @Nullable ScheduledExecutorService timer;
  private boolean shown;

  private Progress(@Nullable PrintWriter err, Duration patience) {
    this.err = err;
    if (err == null) {
      this.timer = null;
      return;
    }
    this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "rampart-progress");
      thread.setDaemon(true);
      return thread;
    });
    timer.schedule(this::reveal, patience.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Progress on standard error when rampart runs in a terminal; silent otherwise. */
  static Progress forTerminal(PrintWriter err) {
    return System.console() != null ? new Progress(err, PATIENCE) : silent();
  }

  /** Progress that prints nothing. */
  static Progress silent() {
    return new Progress(null, Duration.ZERO);
  }

  /** Progress that prints to {@code err} once {@code patience} has passed; for tests. */
  static Progress showingAfter(PrintWriter err, Duration patience) {
    return new Progress(err, patience);
  }

  /** Reports a step, e.g. {@code read 1200 facts}. */
  synchronized void step(String message) {
    if (err == null) {
      return;
    }
    if (shown) {
      print(message);
    } else {
      pending.add(message);
    }
  }

  /** Ends the run: says how long it took if any progress was shown. */
  synchronized void done() {
    if (err != null && shown) {
      double seconds = (System.nanoTime() - started) / 1e9;
      print(String.format(Locale.ROOT, "done in %.1f s", seconds));
    }
    pending.clear();
    close();
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  private synchronized void reveal() {
    if (shown || err == null) {
      return;
    }
    shown = true;
    pending.forEach(this::print);
    pending.clear();
  }

  private void print(String message) {
    if (err != null) {
      err.println("rampart: " + message);
      err.flush();
    }
  }
}
