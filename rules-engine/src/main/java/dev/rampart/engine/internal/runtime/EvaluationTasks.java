package dev.rampart.engine.internal.runtime;

import dev.rampart.engine.value.EvaluationCancelledException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The tasks of one evaluation, run on an executor (or on the caller's thread) and stopped together:
 * when the caller's thread is interrupted, at the time limit, or when one fails. Once stopped, no
 * task is left running: those running are interrupted and waited for, and those not started yet do
 * nothing when they start. A task finds out it was stopped by its thread's interrupt flag ({@link
 * #checkInterrupted}), which is cleared again when the group set it.
 */
final class EvaluationTasks {

  /** Why the tasks stopped before all finished. */
  enum Stop {
    /** They did not: every task finished. */
    NONE,
    /** The caller's thread, or a task's, was interrupted. */
    INTERRUPTED,
    /** The time limit passed. */
    TIME_LIMIT,
    /** A task failed. */
    FAILED
  }

  private final Executor executor;
  private final long deadline;
  private final @Nullable ScheduledFuture<?> alarm;
  private final List<Task<?>> tasks = new ArrayList<>();
  private final Set<Thread> running = new HashSet<>();
  private final Set<Thread> interruptedHere = new HashSet<>();
  private int settled;
  private Stop stop = Stop.NONE;
  private @Nullable Throwable failure;

  /**
   * @param deadline when to stop, by {@link System#nanoTime()}; {@link Long#MAX_VALUE} for never
   */
  EvaluationTasks(Executor executor, long deadline) {
    this.executor = executor;
    this.deadline = deadline;
    long wait = deadline == Long.MAX_VALUE ? -1 : deadline - System.nanoTime();
    if (deadline != Long.MAX_VALUE && wait <= 0) {
      stop = Stop.TIME_LIMIT;
      alarm = null;
    } else {
      alarm = wait < 0 ? null : Workers.timer().schedule(() -> stop(Stop.TIME_LIMIT), wait, TimeUnit.NANOSECONDS);
    }
  }

  /** The deadline {@code timeLimit} from now, by {@link System#nanoTime()}; never without one. */
  static long deadline(java.time.@Nullable Duration timeLimit) {
    return timeLimit == null ? Long.MAX_VALUE : System.nanoTime() + timeLimit.toNanos();
  }

  /**
   * Throws if the current thread was interrupted: tasks call it between units of work.
   *
   * @throws EvaluationCancelledException if it was
   */
  static void checkInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new EvaluationCancelledException("the evaluation's thread was interrupted");
    }
  }

  /** Runs a task on the executor (on the caller's thread if the executor refuses it). */
  <T> Task<T> submit(Callable<T> work) {
    Task<T> task = add(work);
    try {
      executor.execute(() -> run(task));
    } catch (RejectedExecutionException e) {
      run(task);
    }
    return task;
  }

  /** Runs a task on the caller's thread, stopped by the time limit like the others. */
  <T> Task<T> runHere(Callable<T> work) {
    Task<T> task = add(work);
    run(task);
    return task;
  }

  /** Waits until fewer than {@code count} tasks are waiting or running, or the tasks stopped. */
  synchronized void awaitFewerThan(int count, String what) {
    boolean interrupted = false;
    while (stop == Stop.NONE && tasks.size() - settled >= count) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
        stop(Stop.INTERRUPTED);
      }
    }
    if (interrupted || stop == Stop.INTERRUPTED) {
      finishStopping(interrupted, what);
    }
  }

  /**
   * Waits until every task has finished, or the tasks stopped and none is running any more.
   *
   * @return {@link Stop#NONE} when every task finished, or {@link Stop#TIME_LIMIT}
   * @throws EvaluationCancelledException if a thread was interrupted, naming {@code what}
   */
  synchronized Stop await(String what) {
    boolean interrupted = false;
    while (settled < tasks.size() && !(stop != Stop.NONE && running.isEmpty())) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
        stop(Stop.INTERRUPTED);
      }
    }
    if (alarm != null) {
      alarm.cancel(false);
    }
    if (stop == Stop.FAILED && failure != null) {
      throw rethrown(failure);
    }
    if (interrupted || stop == Stop.INTERRUPTED) {
      finishStopping(interrupted, what);
    }
    return stop == Stop.TIME_LIMIT ? Stop.TIME_LIMIT : Stop.NONE;
  }

  /** Why the tasks stopped so far; {@link Stop#NONE} while they run. */
  synchronized Stop stopped() {
    return stop;
  }

  /** Stops the tasks and waits until none is running; for an evaluation its caller abandons. */
  synchronized void cancel() {
    stop(Stop.INTERRUPTED);
    boolean interrupted = false;
    while (!running.isEmpty()) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (alarm != null) {
      alarm.cancel(false);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the tasks: those running are interrupted, the others will not start. */
  synchronized void stop(Stop reason) {
    if (stop != Stop.NONE) {
      return;
    }
    stop = reason;
    for (Thread thread : running) {
      interruptedHere.add(thread);
      thread.interrupt();
    }
    notifyAll();
  }

  private void finishStopping(boolean callerInterrupted, String what) {
    while (!running.isEmpty()) {
      try {
        wait();
      } catch (InterruptedException e) {
        callerInterrupted = true;
      }
    }
    if (callerInterrupted) {
      Thread.currentThread().interrupt();
    }
    throw new EvaluationCancelledException(what + " was cancelled: its thread was interrupted");
  }

  private synchronized <T> Task<T> add(Callable<T> work) {
    Task<T> task = new Task<>(work);
    tasks.add(task);
    return task;
  }

  private <T> void run(Task<T> task) {
    Thread self = Thread.currentThread();
    synchronized (this) {
      if (stop == Stop.NONE && deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
        stop(Stop.TIME_LIMIT);
      }
      if (stop != Stop.NONE) {
        task.take();
        settled++;
        notifyAll();
        return;
      }
      running.add(self);
    }
    T value = null;
    Throwable thrown = null;
    try {
      value = task.take().call();
    } catch (Throwable t) {
      thrown = t;
    }
    synchronized (this) {
      running.remove(self);
      if (interruptedHere.remove(self)) {
        Thread.interrupted(); // the flag was ours
      }
      if (thrown == null) {
        task.finish(value);
      } else if (stop == Stop.NONE && thrown instanceof EvaluationCancelledException) {
        stop(Stop.INTERRUPTED); // someone else interrupted the task's thread
      } else if (stop == Stop.NONE) {
        failure = thrown;
        stop(Stop.FAILED);
      }
      settled++;
      notifyAll();
    }
  }

  private static RuntimeException rethrown(Throwable failure) {
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new IllegalStateException("evaluation failed: " + failure, failure);
  }

  /** One task: its result once it finished. */
  static final class Task<T> {

    private @Nullable Callable<T> work;
    private volatile boolean done;
    private volatile @Nullable T result;

    private Task(Callable<T> work) {
      this.work = work;
    }

    /**
     * The work, handed over once: from then on the task holds no reference to what the work captured
     * (a shard's devices), so an evaluation that keeps its tasks until the end does not keep every
     * fact it was given.
     */
    private synchronized Callable<T> take() {
      Callable<T> taken = work;
      if (taken == null) {
        throw new IllegalStateException("a task runs once");
      }
      work = null;
      return taken;
    }

    private void finish(@Nullable T value) {
      result = value;
      done = true;
    }

    /** Whether it ran to the end. */
    boolean isDone() {
      return done;
    }

    /** Its result; only when {@link #isDone()}. */
    T result() {
      if (!done) {
        throw new IllegalStateException("the task did not finish");
      }
      return result;
    }
  }
}
