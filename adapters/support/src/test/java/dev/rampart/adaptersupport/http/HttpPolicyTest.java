package dev.rampart.adaptersupport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.spi.source.SourceConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class HttpPolicyTest {

  private final HttpPolicy policy = new HttpPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(30));

  @RepeatedTest(20)
  void theBackoffDoublesWithEachFailureUpToHalfAMinuteLessUpToAHalfOfJitter() {
    assertBetween(Duration.ofMillis(500), Duration.ofSeconds(1), policy.backoff(1));
    assertBetween(Duration.ofSeconds(1), Duration.ofSeconds(2), policy.backoff(2));
    assertBetween(Duration.ofSeconds(2), Duration.ofSeconds(4), policy.backoff(3));
    assertBetween(Duration.ofSeconds(15), Duration.ofSeconds(30), policy.backoff(7));
    assertBetween(Duration.ofSeconds(15), Duration.ofSeconds(30), policy.backoff(1_000));
  }

  @Test
  void aRetryAfterIsCappedAtAMinuteAndNeverNegative() {
    assertEquals(Duration.ofSeconds(7), policy.retryAfter(Duration.ofSeconds(7)));
    assertEquals(Duration.ofSeconds(60), policy.retryAfter(Duration.ofHours(1)));
    assertEquals(Duration.ZERO, policy.retryAfter(Duration.ofSeconds(-5)));
  }

  @Test
  void theOptionsRetriesAndTimeoutsHaveDefaults() {
    Options options = new Options(SourceConfig.of("x"), "test source", List.of());

    assertEquals(new HttpPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(30)), HttpPolicy.from(options));
  }

  @Test
  void theOptionsRetriesAndTimeoutsAreRead() {
    Options options = new Options(new SourceConfig("x", Map.of("retries", "1", "connectTimeout", "2", "requestTimeout",
        "PT1M")), "test source", List.of(HttpPolicy.RETRIES, HttpPolicy.CONNECT_TIMEOUT, HttpPolicy.REQUEST_TIMEOUT));

    assertEquals(new HttpPolicy(1, Duration.ofSeconds(2), Duration.ofMinutes(1)), HttpPolicy.from(options));
    assertEquals(List.of(), options.problems());
  }

  @Test
  void aRequestIsTriedAtLeastOnce() {
    assertThrows(IllegalArgumentException.class, () -> new HttpPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
  }

  private static void assertBetween(Duration least, Duration most, Duration actual) {
    assertTrue(actual.compareTo(least) >= 0 && actual.compareTo(most) <= 0,
        "expected a wait from " + least + " to " + most + " but was " + actual);
  }
}
