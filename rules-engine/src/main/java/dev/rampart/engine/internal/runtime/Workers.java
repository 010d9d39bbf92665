package dev.rampart.engine.internal.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads evaluations run on when the embedder gives no executor: one pool for the whole JVM,
 * bounded by the number of processors however many evaluations run at once, and one timer thread
 * for time limits. Daemon threads, so an evaluation abandoned by its caller never keeps the JVM
 * alive; idle ones are let go after a minute. Created on first use.
 */
public final class Workers {

  /** Threads of the shared pool's name start with this. */
  public static final String THREAD_NAME = "rampart-evaluation-";

  private static final long IDLE_SECONDS = 60;

  private Workers() {}

  /** The shared pool: at most one thread per available processor. */
  public static Executor shared() {
    return Shared.POOL;
  }

  /** The timer that stops evaluations at their time limit. */
  static ScheduledExecutorService timer() {
    return Shared.TIMER;
  }

  private static final class Shared {

    static final ThreadPoolExecutor POOL = pool();
    static final ScheduledThreadPoolExecutor TIMER = timer();

    private static ThreadPoolExecutor pool() {
      int threads = Runtime.getRuntime().availableProcessors();
      ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), daemons(THREAD_NAME));
      pool.allowCoreThreadTimeOut(true);
      return pool;
    }

    private static ScheduledThreadPoolExecutor timer() {
      ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemons("rampart-time-limit-"));
      timer.setRemoveOnCancelPolicy(true);
      timer.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
      timer.allowCoreThreadTimeOut(true);
      return timer;
    }

    private static ThreadFactory daemons(String prefix) {
      AtomicInteger count = new AtomicInteger();
      return task -> {
        Thread thread = new Thread(task, prefix + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      };
    }
  }
}
