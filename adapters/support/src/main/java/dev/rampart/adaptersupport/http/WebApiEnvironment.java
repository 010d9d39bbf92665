package dev.rampart.adaptersupport.http;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What a web API source takes from the process it runs in: the environment variables that hold its
 * secrets, the wait between two attempts of a request, and the clock. Tests give their own, so that
 * no real secret is read and retries take no time.
 *
 * @param variables the value of an environment variable by name, or {@code null} when it is not set
 * @param sleeper waits between two attempts of a request
 * @param clock tells the time of an answer that has no {@code Date}
 */
public record WebApiEnvironment(Function<String, @Nullable String> variables, Sleeper sleeper, Clock clock) {

  /** The real process environment, real waits and the system clock in UTC. */
  public static final WebApiEnvironment REAL = new WebApiEnvironment(System::getenv, Sleeper.REAL, Clock.systemUTC());

  public WebApiEnvironment {
    Objects.requireNonNull(variables, "variables");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(clock, "clock");
  }
}
