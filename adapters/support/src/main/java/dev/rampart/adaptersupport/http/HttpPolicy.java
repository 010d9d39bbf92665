package dev.rampart.adaptersupport.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a request may take and how it is retried: on 429 and 5xx answers and on broken
 * connections, up to {@code attempts} tries in all, waiting between them with exponential backoff
 * and jitter, or as long as a {@code Retry-After} header asks (capped).
 *
 * @param attempts how many times a request is tried in all, at least 1
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for a complete answer
 */
public record HttpPolicy(int attempts, Duration connectTimeout, Duration requestTimeout) {

  /** The option setting how many times each request is tried in all (default 3). */
  public static final String RETRIES = "retries";

  /** The option setting how long to wait for a connection, in seconds or ISO-8601 (default 10 s). */
  public static final String CONNECT_TIMEOUT = "connectTimeout";

  /** The option setting how long to wait for a whole answer, in seconds or ISO-8601 (default 30 s). */
  public static final String REQUEST_TIMEOUT = "requestTimeout";

  /** The wait after the first failure; it doubles after each further failure. */
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

  /** The longest wait between two attempts computed by backoff. */
  static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);

  /** The longest wait a server's {@code Retry-After} can ask for. */
  static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(60);

  public HttpPolicy {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
  }

  /**
   * Reads the options {@value #RETRIES} (1 to 10, default 3), {@value #CONNECT_TIMEOUT} (default
   * 10 s) and {@value #REQUEST_TIMEOUT} (default 30 s); a mistake in them is added to the options'
   * problems and the default used.
   */
  public static HttpPolicy from(Options options) {
    return new HttpPolicy(
        options.wholeNumber(RETRIES, 3, 1, 10),
        options.duration(CONNECT_TIMEOUT, Duration.ofSeconds(10)),
        options.duration(REQUEST_TIMEOUT, Duration.ofSeconds(30)));
  }

  /**
   * The wait after the given number of failed attempts: {@code FIRST_BACKOFF} doubled for each
   * earlier failure, capped at {@code LONGEST_BACKOFF}, of which a random part of up to a half is
   * left out so that many clients do not retry in step.
   */
  Duration backoff(int failures) {
    long ceiling = FIRST_BACKOFF.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
    ceiling = Math.min(ceiling, LONGEST_BACKOFF.toMillis());
    long half = ceiling / 2;
    return Duration.ofMillis(ceiling - ThreadLocalRandom.current().nextLong(half + 1));
  }

  /** The wait a server asked for, capped at {@code LONGEST_RETRY_AFTER}. */
  Duration retryAfter(Duration asked) {
    if (asked.isNegative()) {
      return Duration.ZERO;
    }
    return asked.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : asked;
  }
}
