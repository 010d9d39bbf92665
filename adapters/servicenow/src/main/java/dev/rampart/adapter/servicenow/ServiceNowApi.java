package dev.rampart.adapter.servicenow;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.spi.source.SourceException;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * ServiceNow's Table API: GET with the credentials, retries on 429, 5xx and broken connections,
 * pages followed through {@code Link: <…>; rel="next"} while they stay on the configured instance.
 */
final class ServiceNowApi {

  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;[^,<]*?rel=\"?([^\",;\\s]+)\"?");

  private final ServiceNowSettings settings;
  private final Sleeper sleeper;
  private final Clock clock;
  private final HttpClient client;
  private final ObjectMapper mapper = new ObjectMapper();

  ServiceNowApi(ServiceNowSettings settings, Sleeper sleeper, Clock clock) {
    this.settings = settings;
    this.sleeper = sleeper;
    this.clock = clock;
    // The default proxy selector is read here, not cached, so that the JVM's proxy settings apply.
    this.client = HttpClient.newBuilder()
        .proxy(ProxySelector.getDefault())
        .connectTimeout(settings.http().connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Every record of a table that the configured query selects, page after page. */
  List<Item> list(String table) throws SourceException {
    String query = settings.query() == null ? "" : settings.query();
    if (!query.contains("ORDERBY")) {
      // offsets are stable only over a fixed order
      query = query.isEmpty() ? "ORDERBYsys_id" : query + "^ORDERBYsys_id";
    }
    URI page = settings.base().resolve("/api/now/table/" + table
        + "?sysparm_query=" + encode(query)
        + "&sysparm_fields=" + encode(String.join(",", settings.fields()))
        + "&sysparm_limit=" + settings.pageSize()
        + "&sysparm_offset=0"
        + "&sysparm_display_value=false"
        + "&sysparm_exclude_reference_link=false");
    List<Item> items = new ArrayList<>();
    Set<URI> fetched = new HashSet<>();
    while (page != null) {
      fetched.add(page);
      Page answer = fetch(page, table, false).orElseThrow();
      JsonNode result = answer.json().get("result");
      if (result == null || !result.isArray()) {
        throw failure(page, "the answer has no 'result' list", "is " + settings.base() + " the ServiceNow instance URL?");
      }
      result.forEach(record -> items.add(new Item(record, answer.date())));
      page = next(page, answer.headers());
      if (page != null && fetched.contains(page)) {
        throw failure(page, "the pages loop: this page was read before", "check the option query");
      }
    }
    return List.copyOf(items);
  }

  /** One record by its sys_id; empty when the instance has no such record (or may not show it). */
  Optional<Item> record(String table, String sysId, List<String> fields) throws SourceException {
    URI uri = settings.base().resolve("/api/now/table/" + table + "/" + sysId
        + "?sysparm_fields=" + encode(String.join(",", fields))
        + "&sysparm_display_value=false&sysparm_exclude_reference_link=true");
    Optional<Page> answer = fetch(uri, table, true);
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    JsonNode result = answer.get().json().get("result");
    if (result == null || !result.isObject()) {
      throw failure(uri, "the answer has no 'result' record", "is " + settings.base() + " the ServiceNow instance URL?");
    }
    return Optional.of(new Item(result, answer.get().date()));
  }

  private @Nullable URI next(URI page, HttpHeaders headers) throws SourceException {
    String next = null;
    for (String value : headers.allValues("Link")) {
      Matcher link = LINK.matcher(value);
      while (link.find()) {
        if (link.group(2).equalsIgnoreCase("next")) {
          next = link.group(1).strip();
        }
      }
    }
    if (next == null) {
      return null;
    }
    URI uri;
    try {
      uri = page.resolve(new URI(escapeIllegal(next)));
    } catch (URISyntaxException e) {
      throw failure(page, "the next page link is not a URL: " + e.getReason(), "report this to the instance's administrators");
    }
    if (!settings.base().sameServer(uri)) {
      throw failure(page, "the next page is at '" + BaseUrl.display(uri.toString()) + "', which is not on "
          + settings.base(), "Rampart sends the credentials only to the configured instance; if a proxy stands in"
          + " front of it, give the URL the instance knows itself by (its glide.servlet.uri)");
    }
    return uri;
  }

  private Optional<Page> fetch(URI uri, String table, boolean missingIsEmpty) throws SourceException {
    HttpResponse<byte[]> response = send(uri, table, missingIsEmpty);
    if (response == null) {
      return Optional.empty();
    }
    String type = Answer.mediaType(response.headers());
    if (!type.isEmpty() && !type.contains("json")) {
      throw failure(uri, "the answer is '" + type + "', not JSON", "is " + settings.base() + " the ServiceNow instance"
          + " URL? A login page, an SSO proxy or a hibernating developer instance may answer instead of the API");
    }
    try {
      JsonNode json = mapper.readTree(response.body());
      if (json == null || json.isMissingNode()) {
        throw failure(uri, "the answer is empty", "try again; if it stays empty, check the instance's logs");
      }
      if (!json.isObject()) {
        throw failure(uri, "the answer is not a JSON object", "is " + settings.base() + " the ServiceNow instance URL?");
      }
      return Optional.of(new Page(json, response.headers(), Answer.date(response.headers(), clock)));
    } catch (JsonProcessingException e) {
      throw failure(uri, invalidJson(e), "the answer was cut off or garbled on the way: try again, or lower the option pageSize");
    } catch (IOException e) {
      throw failure(uri, "the answer cannot be read", "try again");
    }
  }

  /** The answer, or {@code null} for a 404 when a missing record is no error. */
  private @Nullable HttpResponse<byte[]> send(URI uri, String table, boolean missingIsEmpty) throws SourceException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .GET()
        .timeout(settings.http().requestTimeout())
        .header("Accept", "application/json")
        .header("Authorization", settings.credentials().authorization())
        .build();
    int attempts = settings.http().attempts();
    for (int attempt = 1; ; attempt++) {
      String failed;
      String fix;
      Duration wait;
      try {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          return response;
        }
        if (status == 404 && missingIsEmpty) {
          return null;
        }
        if (status != 429 && status < 500) {
          throw refused(uri, table, response);
        }
        failed = Answer.status(status);
        fix = status == 429
            ? "the instance keeps limiting the request rate: try again later, raise the option retries, or ask for a"
                + " higher rate limit for this user"
            : "the instance keeps failing: try again later, raise the option retries, or look at its system logs";
        Duration asked = status == 429 ? Answer.retryAfter(response.headers(), clock).orElse(null) : null;
        wait = asked != null ? settings.http().retryAfter(asked) : settings.http().backoff(attempt);
      } catch (IOException e) {
        ConnectionFailure why = ConnectionFailure.of(e, uri, settings.http());
        if (!why.retry()) {
          throw failure(uri, why.what(), why.fix());
        }
        failed = why.what();
        fix = why.fix();
        wait = settings.http().backoff(attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure(uri, "interrupted while waiting for the answer", "run again");
      }
      if (attempt >= attempts) {
        throw failure(uri, failed + (attempts == 1 ? "" : ", " + attempts + " attempts in all"), fix);
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure(uri, "interrupted while waiting to try again after " + failed, "run again");
      }
    }
  }

  private SourceException refused(URI uri, String table, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    String detail = Answer.detail(response.body(), mapper, settings.credentials().secret(), "/error/message");
    String what = Answer.status(status) + (detail == null ? "" : ": \"" + detail + "\"");
    if (status == 401) {
      return failure(uri, what, settings.credentials().fix());
    }
    if (status == 403) {
      return failure(uri, what, "the account needs read access to the table " + table
          + ": a role such as cmdb_read or itil, and ACLs that allow it");
    }
    if (status == 404) {
      return failure(uri, what, "is " + settings.base() + " the ServiceNow instance URL? The Table API answers at "
          + settings.base() + "/api/now/table/");
    }
    if (status >= 300 && status < 400) {
      String location = response.headers().firstValue("Location").map(BaseUrl::display).orElse("another URL");
      return failure(uri, Answer.status(status) + " to '" + location + "'",
          "give the instance URL that the API answers at; Rampart does not follow redirects with the credentials");
    }
    return failure(uri, what, "check the options " + ServiceNowProvider.TABLES + " and " + ServiceNowProvider.QUERY);
  }

  private static String invalidJson(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String place = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (message.startsWith("Unexpected end-of-input")) {
      return "the answer ends in the middle of the JSON" + place;
    }
    int end = message.indexOf('\n');
    return "the answer is not valid JSON" + place + ": " + (end < 0 ? message : message.substring(0, end));
  }

  private SourceException failure(URI uri, String what, String fix) {
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    // The query of a request names the page and the records selected, never a secret.
    return new SourceException(settings.redact("cannot read " + BaseUrl.display(uri.toString()) + query + ": " + what
        + " (" + fix + ")"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  // A Link header may carry characters that are not legal in a URI, such as an encoded query's '^';
  // escaping them is kinder than failing.
  private static String escapeIllegal(String link) {
    StringBuilder escaped = new StringBuilder();
    for (byte b : link.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0)) {
        escaped.append(c);
      } else {
        escaped.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return escaped.toString();
  }

  /** One answer and when the instance sent it. */
  private record Page(JsonNode json, HttpHeaders headers, Instant date) {}
}
