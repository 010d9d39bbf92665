package dev.rampart.adaptersupport.http;

import java.time.Duration;

/** Waits between two attempts of a request; tests replace it so that retries take no time. */
@FunctionalInterface
public interface Sleeper {

  /** Really waits, on the calling thread. */
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
