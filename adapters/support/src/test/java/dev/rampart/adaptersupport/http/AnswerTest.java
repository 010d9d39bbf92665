package dev.rampart.adaptersupport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AnswerTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2001-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void aCommonStatusIsShownWithItsReason() {
    assertEquals("HTTP 429 Too Many Requests", Answer.status(429));
    assertEquals("HTTP 418", Answer.status(418));
  }

  @Test
  void theDateIsTheServersWhenItSendsOne() {
    assertEquals(Instant.parse("2024-03-05T10:00:00Z"), Answer.date(headers("Date", "Tue, 5 Mar 2024 10:00:00 GMT"), CLOCK));
    assertEquals(CLOCK.instant(), Answer.date(headers("Date", "yesterday"), CLOCK));
    assertEquals(CLOCK.instant(), Answer.date(headers(), CLOCK));
  }

  @Test
  void retryAfterIsReadInSecondsOrAsADateAfterTheAnswersDate() {
    assertEquals(Optional.of(Duration.ofSeconds(7)), Answer.retryAfter(headers("Retry-After", " 7 "), CLOCK));
    assertEquals(Optional.of(Duration.ofSeconds(90)), Answer.retryAfter(headers(
        "Date", "Tue, 5 Mar 2024 10:00:00 GMT", "Retry-After", "Tue, 5 Mar 2024 10:01:30 GMT"), CLOCK));
    assertEquals(Optional.empty(), Answer.retryAfter(headers("Retry-After", "soon"), CLOCK));
    assertEquals(Optional.empty(), Answer.retryAfter(headers("Retry-After", "99999999999999999999"), CLOCK));
    assertEquals(Optional.empty(), Answer.retryAfter(headers(), CLOCK));
  }

  @Test
  void theMediaTypeIsLowerCaseWithoutParameters() {
    assertEquals("application/json", Answer.mediaType(headers("Content-Type", "Application/JSON; charset=UTF-8")));
    assertEquals("", Answer.mediaType(headers()));
  }

  @Test
  void theDetailIsTheFirstTextFoundScrubbedOnOneShortLine() {
    UnaryOperator<String> redaction = new Secret("s3cr3t", "$TOKEN")::redact;
    List<String> fields = List.of("/detail", "/error/message");

    assertEquals("Invalid token [secret]", detail("{\"detail\": \"Invalid\\ntoken s3cr3t\"}", redaction, fields));
    assertEquals("Invalid table", detail("{\"detail\": \"\", \"error\": {\"message\": \"Invalid table\"}}", redaction, fields));
    assertEquals("x".repeat(200) + "…", detail("{\"detail\": \"" + "x".repeat(300) + "\"}", redaction, fields));
    assertNull(detail("<h1>Server Error</h1>", redaction, fields));
    assertNull(detail("{\"detail\": 42}", redaction, fields));
    assertNull(detail("", redaction, fields));
  }

  private static String detail(String body, UnaryOperator<String> redaction, List<String> fields) {
    return Answer.detail(body.getBytes(StandardCharsets.UTF_8), MAPPER, redaction, fields);
  }

  private static HttpHeaders headers(String... namesAndValues) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
    }
    return HttpHeaders.of(map, (name, value) -> true);
  }
}
