package dev.rampart.adapter.netbox;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.spi.source.SourceException;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * NetBox's REST API as a list of objects per endpoint: GET with the token, retries on 429, 5xx and
 * broken connections, pages followed through {@code next} while they stay on the configured server.
 */
final class NetBoxApi {

  private final NetBoxSettings settings;
  private final Sleeper sleeper;
  private final Clock clock;
  private final HttpClient client;
  private final ObjectMapper mapper = new ObjectMapper();

  NetBoxApi(NetBoxSettings settings, Sleeper sleeper, Clock clock) {
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

  /**
   * Every object of a list endpoint, page after page.
   *
   * @param pathAndQuery the endpoint below the base URL, e.g. {@code /api/dcim/devices/?limit=1000}
   */
  List<Item> list(String pathAndQuery) throws SourceException {
    List<Item> items = new ArrayList<>();
    Set<URI> fetched = new HashSet<>();
    URI page = settings.base().resolve(pathAndQuery);
    while (page != null) {
      fetched.add(page);
      Page answer = fetch(page);
      JsonNode json = answer.json();
      JsonNode results = json.get("results");
      if (results == null || !results.isArray()) {
        throw failure(page, "the answer has no 'results' list", "is " + settings.base() + " the NetBox base URL?");
      }
      results.forEach(result -> items.add(new Item(result, answer.date())));
      page = next(page, json.get("next"));
      if (page != null && fetched.contains(page)) {
        throw failure(page, "the pages loop: this page was read before", "check NetBox's pagination settings");
      }
    }
    return List.copyOf(items);
  }

  private @Nullable URI next(URI page, @Nullable JsonNode next) throws SourceException {
    if (next == null || next.isNull()) {
      return null;
    }
    if (!next.isTextual()) {
      throw failure(page, "the answer's 'next' is not a link", "is " + settings.base() + " the NetBox base URL?");
    }
    URI link;
    try {
      link = page.resolve(new URI(next.asText()));
    } catch (URISyntaxException e) {
      throw failure(page, "the answer's 'next' link is not a URL: " + e.getReason(), "check NetBox's BASE_PATH setting");
    }
    if (!settings.base().sameServer(link)) {
      throw failure(page, "the next page is at '" + BaseUrl.display(link.toString()) + "', which is not on "
          + settings.base(), "Rampart sends the token only to the configured server; if NetBox runs behind a"
          + " reverse proxy, make the proxy pass the Host and X-Forwarded-Proto headers so that NetBox links to itself");
    }
    return link;
  }

  private Page fetch(URI uri) throws SourceException {
    HttpResponse<byte[]> response = send(uri);
    String type = Answer.mediaType(response.headers());
    if (!type.isEmpty() && !type.contains("json")) {
      throw failure(uri, "the answer is '" + type + "', not JSON",
          "is " + settings.base() + " the NetBox base URL? A login page or proxy may stand in front of the API");
    }
    try {
      JsonNode json = mapper.readTree(response.body());
      if (json == null || json.isMissingNode()) {
        throw failure(uri, "the answer is empty", "try again; if it stays empty, check NetBox's logs");
      }
      if (!json.isObject()) {
        throw failure(uri, "the answer is not a JSON object", "is " + settings.base() + " the NetBox base URL?");
      }
      return new Page(json, Answer.date(response.headers(), clock));
    } catch (JsonProcessingException e) {
      throw failure(uri, invalidJson(e), "the answer was cut off or garbled on the way: try again, or lower the option pageSize");
    } catch (IOException e) {
      throw failure(uri, "the answer cannot be read", "try again");
    }
  }

  private HttpResponse<byte[]> send(URI uri) throws SourceException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .GET()
        .timeout(settings.http().requestTimeout())
        .header("Accept", "application/json")
        .header("Authorization", settings.authorization())
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
        if (status != 429 && status < 500) {
          throw refused(uri, response);
        }
        failed = Answer.status(status);
        fix = status == 429
            ? "NetBox keeps limiting the request rate: try again later, or raise the option retries"
            : "NetBox keeps failing: look at its logs, try again later, or raise the option retries";
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

  private SourceException refused(URI uri, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    String detail = Answer.detail(response.body(), mapper, settings.token(), "/detail", "/error");
    String what = Answer.status(status) + (detail == null ? "" : ": \"" + detail + "\"");
    if (status == 401 || status == 403) {
      return failure(uri, what, "check that the token in " + settings.token().place() + " is valid and has read"
          + " permission on devices, interfaces, IP addresses, VLANs and prefixes");
    }
    if (status == 404) {
      return failure(uri, what, "is " + settings.base() + " the NetBox base URL? Its API should answer at "
          + settings.base() + "/api/");
    }
    if (status >= 300 && status < 400) {
      String location = response.headers().firstValue("Location").map(BaseUrl::display).orElse("another URL");
      return failure(uri, Answer.status(status) + " to '" + location + "'",
          "give the URL that NetBox answers at as the location; Rampart does not follow redirects with the token");
    }
    return failure(uri, what, "check that " + settings.base() + " is a NetBox server and the source's options are right");
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
    String message = "cannot read " + BaseUrl.display(uri.toString()) + uriQuery(uri) + ": " + what + " (" + fix + ")";
    return new SourceException(settings.token().redact(message));
  }

  // The query of a request URL names the page (limit, offset, filters) and never a secret.
  private static String uriQuery(URI uri) {
    return uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
  }

  /** One page of a list endpoint and when NetBox sent it. */
  private record Page(JsonNode json, Instant date) {}
}
