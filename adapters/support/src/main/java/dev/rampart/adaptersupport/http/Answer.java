package dev.rampart.adaptersupport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** What the headers and body of an HTTP answer say, read defensively: servers and proxies vary. */
final class Answer {

  private static final int LONGEST_DETAIL = 200;

  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"), Map.entry(303, "See Other"),
      Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"),
      Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
      Map.entry(408, "Request Timeout"), Map.entry(410, "Gone"), Map.entry(429, "Too Many Requests"),
      Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

  private Answer() {}

  /** {@code HTTP 404 Not Found}, with the reason phrase when the status is a common one. */
  static String status(int code) {
    String reason = REASONS.get(code);
    return reason == null ? "HTTP " + code : "HTTP " + code + " " + reason;
  }

  /** When the server answered, from its {@code Date} header; the clock's time when there is none. */
  static Instant date(HttpHeaders headers, Clock clock) {
    Instant date = httpDate(headers.firstValue("Date").orElse(null));
    return date != null ? date : clock.instant();
  }

  /**
   * How long a server asks to wait, from {@code Retry-After} in seconds or as an HTTP date
   * (relative to the answer's {@code Date}); empty when it does not say.
   */
  static Optional<Duration> retryAfter(HttpHeaders headers, Clock clock) {
    String value = headers.firstValue("Retry-After").map(String::strip).orElse("");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    Instant until = httpDate(value);
    return until == null ? Optional.empty() : Optional.of(Duration.between(date(headers, clock), until));
  }

  /** The media type of the body, lower-case, without parameters; empty when not given. */
  static String mediaType(HttpHeaders headers) {
    String type = headers.firstValue("Content-Type").orElse("");
    int parameters = type.indexOf(';');
    return (parameters < 0 ? type : type.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
  }

  /**
   * A short, single-line explanation from an error body, e.g. NetBox's {@code {"detail": "Invalid
   * token"}} or ServiceNow's {@code {"error": {"message": "Invalid table"}}}, with the secret
   * scrubbed; {@code null} when the body says nothing readable.
   *
   * @param redaction scrubs the credential from a text
   * @param fields JSON pointers to the places that may hold the explanation, the first found wins
   */
  static @Nullable String detail(byte[] body, ObjectMapper mapper, UnaryOperator<String> redaction, List<String> fields) {
    JsonNode json;
    try {
      json = mapper.readTree(body);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (json == null) {
      return null;
    }
    for (String field : fields) {
      JsonNode node = json.at(field);
      if (node.isTextual() && !node.asText().isBlank()) {
        String text = redaction.apply(node.asText()).replaceAll("\\p{Cntrl}+", " ").strip();
        return text.length() > LONGEST_DETAIL ? text.substring(0, LONGEST_DETAIL) + "…" : text;
      }
    }
    return null;
  }

  private static @Nullable Instant httpDate(@Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      return DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.strip(), Instant::from);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
