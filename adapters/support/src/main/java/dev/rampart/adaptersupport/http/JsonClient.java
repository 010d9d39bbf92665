package dev.rampart.adaptersupport.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.spi.source.SourceException;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON objects from one server with a credential, for the adapters of web APIs: GET with the
 * {@code Authorization} header, retries on 429, 5xx and broken connections as the
 * {@link HttpPolicy} says, no redirect followed (it would carry the credential elsewhere), and every
 * failure a {@link SourceException} that names the URL, says what went wrong and gives the fix,
 * with the credential scrubbed out. What the messages say about the server comes from the adapter,
 * through the {@link Builder}.
 */
public final class JsonClient {

  /** The option setting how many objects each page holds; messages about large answers advise lowering it. */
  public static final String PAGE_SIZE = "pageSize";

  private final BaseUrl base;
  private final HttpPolicy policy;
  private final String authorization;
  private final UnaryOperator<String> redaction;
  private final Sleeper sleeper;
  private final Clock clock;
  private final String notTheApi;
  private final String notJson;
  private final String logs;
  private final String rateLimited;
  private final String failing;
  private final String offServer;
  private final List<String> detailAt;
  private final HttpClient client;
  private final ObjectMapper mapper = new ObjectMapper();

  private JsonClient(Builder builder) {
    this.base = builder.base;
    this.policy = builder.policy;
    this.authorization = Objects.requireNonNull(builder.authorization, "authorization");
    this.redaction = Objects.requireNonNull(builder.redaction, "redaction");
    this.sleeper = builder.sleeper;
    this.clock = builder.clock;
    this.notTheApi = Objects.requireNonNull(builder.notTheApi, "notTheApi");
    this.notJson = Objects.requireNonNull(builder.notJson, "notJson");
    this.logs = Objects.requireNonNull(builder.logs, "logs");
    this.rateLimited = Objects.requireNonNull(builder.rateLimited, "rateLimited");
    this.failing = Objects.requireNonNull(builder.failing, "failing");
    this.offServer = Objects.requireNonNull(builder.offServer, "offServer");
    this.detailAt = builder.detailAt;
    // The default proxy selector is read here, not cached, so that the JVM's proxy settings apply.
    this.client = HttpClient.newBuilder()
        .proxy(ProxySelector.getDefault())
        .connectTimeout(policy.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * A client for the server at {@code base}; the builder needs the credential and what messages
   * say about the server.
   */
  public static Builder builder(BaseUrl base, HttpPolicy policy) {
    return new Builder(base, policy);
  }

  /**
   * A client for the server of a web API source, carrying its credential and reading with its
   * environment; the builder needs what messages say about the server.
   */
  public static Builder builder(WebApiSettings settings, WebApiEnvironment environment) {
    return new Builder(settings.base(), settings.http())
        .credential(settings.authorization(), settings::redact)
        .sleeper(environment.sleeper())
        .clock(environment.clock());
  }

  /**
   * The JSON object at a URL.
   *
   * @param refusal what to check when the server refuses the request
   * @throws SourceException when there is no such object, naming the URL, what went wrong and the fix
   */
  public JsonResponse get(URI uri, Refusal refusal) throws SourceException {
    return fetch(uri, refusal, false).orElseThrow();
  }

  /**
   * The JSON object at a URL; empty when the server answers {@code 404 Not Found}, as it does for a
   * record that is gone or that the user may not see.
   *
   * @param refusal what to check when the server refuses the request otherwise
   * @throws SourceException naming the URL, what went wrong and the fix
   */
  public Optional<JsonResponse> find(URI uri, Refusal refusal) throws SourceException {
    return fetch(uri, refusal, true);
  }

  /**
   * Every element of a paged list, page after page: each page is an object whose member
   * {@code list} holds that page's elements, and {@code next} says where the following page is.
   *
   * @param first the first page
   * @param list the name of the member that holds a page's elements, e.g. {@code results}
   * @param next the page after an answer, found through {@link #follow}, or {@code null} after the last
   * @param loopFix what to check when a page links back to one read before
   * @throws SourceException when a page cannot be read, holds no such list, or the pages loop
   */
  public List<Item> pages(URI first, Refusal refusal, String list, NextPage next, String loopFix)
      throws SourceException {
    List<Item> items = new ArrayList<>();
    Set<URI> fetched = new HashSet<>();
    URI page = first;
    while (page != null) {
      fetched.add(page);
      JsonResponse answer = get(page, refusal);
      JsonNode elements = answer.json().get(list);
      if (elements == null || !elements.isArray()) {
        throw failure(page, "the answer has no '" + list + "' list", notTheApi);
      }
      for (int i = 0; i < elements.size(); i++) {
        items.add(answer.item(elements.get(i), list + "[" + i + "]"));
      }
      page = next.after(page, answer);
      if (page != null && fetched.contains(page)) {
        throw failure(page, "the pages loop: this page was read before", loopFix);
      }
    }
    return List.copyOf(items);
  }

  /**
   * The next page a page links to, resolved against it, once it is sure to be on this client's
   * server: the credential goes with every request.
   *
   * @throws SourceException when the link leads to another server
   */
  public URI follow(URI page, URI link) throws SourceException {
    URI next = page.resolve(link);
    if (!base.sameServer(next)) {
      throw failure(page, "the next page is at '" + BaseUrl.display(next.toString()) + "', which is not on " + base,
          offServer);
    }
    return next;
  }

  /** {@code cannot read URL: WHAT (FIX)}, with the credential scrubbed out, for every failure to read a URL. */
  public SourceException failure(URI uri, String what, String fix) {
    // The query of a request URL names the page and the objects selected, never a secret.
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return new SourceException(redaction.apply(
        "cannot read " + BaseUrl.display(uri.toString()) + query + ": " + what + " (" + fix + ")"));
  }

  private Optional<JsonResponse> fetch(URI uri, Refusal refusal, boolean missingIsEmpty) throws SourceException {
    HttpResponse<byte[]> response = send(uri, refusal, missingIsEmpty);
    if (response == null) {
      return Optional.empty();
    }
    String type = Answer.mediaType(response.headers());
    if (!type.isEmpty() && !type.contains("json")) {
      throw failure(uri, "the answer is '" + type + "', not JSON", notTheApi + " " + notJson);
    }
    try {
      JsonNode json = mapper.readTree(response.body());
      if (json == null || json.isMissingNode()) {
        throw failure(uri, "the answer is empty", "try again; if it stays empty, check " + logs);
      }
      if (!json.isObject()) {
        throw failure(uri, "the answer is not a JSON object", notTheApi);
      }
      return Optional.of(new JsonResponse(uri, json, response.headers(), Answer.date(response.headers(), clock)));
    } catch (JsonProcessingException e) {
      throw failure(uri, invalidJson(e),
          "the answer was cut off or garbled on the way: try again, or lower the option " + PAGE_SIZE);
    } catch (IOException e) {
      throw failure(uri, "the answer cannot be read", "try again");
    }
  }

  /** The answer, or {@code null} for a 404 when a missing object is no error. */
  private @Nullable HttpResponse<byte[]> send(URI uri, Refusal refusal, boolean missingIsEmpty) throws SourceException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .GET()
        .timeout(policy.requestTimeout())
        .header("Accept", "application/json")
        .header("Authorization", authorization)
        .build();
    int attempts = policy.attempts();
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
          throw refused(uri, response, refusal);
        }
        failed = Answer.status(status);
        fix = status == 429 ? rateLimited : failing;
        Duration asked = status == 429 ? Answer.retryAfter(response.headers(), clock).orElse(null) : null;
        wait = asked != null ? policy.retryAfter(asked) : policy.backoff(attempt);
      } catch (IOException e) {
        ConnectionFailure why = ConnectionFailure.of(e, uri, policy);
        if (!why.retry()) {
          throw failure(uri, why.what(), why.fix());
        }
        failed = why.what();
        fix = why.fix();
        wait = policy.backoff(attempt);
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

  private SourceException refused(URI uri, HttpResponse<byte[]> response, Refusal refusal) {
    int status = response.statusCode();
    if (status >= 300 && status < 400) {
      String location = response.headers().firstValue("Location").map(BaseUrl::display).orElse("another URL");
      return failure(uri, Answer.status(status) + " to '" + location + "'", refusal.fix(status));
    }
    String detail = Answer.detail(response.body(), mapper, redaction, detailAt);
    return failure(uri, Answer.status(status) + (detail == null ? "" : ": \"" + detail + "\""), refusal.fix(status));
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

  /** Where the page after an answer is, in the way the API says it. */
  @FunctionalInterface
  public interface NextPage {

    /** The next page, or {@code null} when {@code page} was the last. */
    @Nullable URI after(URI page, JsonResponse answer) throws SourceException;
  }

  /**
   * Sets up a {@link JsonClient}. Everything but the sleeper and the clock must be given: each
   * piece of text ends up in a message a user reads, so it names the server the way its users do.
   */
  public static final class Builder {

    private final BaseUrl base;
    private final HttpPolicy policy;
    private @Nullable String authorization;
    private @Nullable UnaryOperator<String> redaction;
    private Sleeper sleeper = Sleeper.REAL;
    private Clock clock = Clock.systemUTC();
    private @Nullable String notTheApi;
    private @Nullable String notJson;
    private @Nullable String logs;
    private @Nullable String rateLimited;
    private @Nullable String failing;
    private @Nullable String offServer;
    private List<String> detailAt = List.of();

    private Builder(BaseUrl base, HttpPolicy policy) {
      this.base = Objects.requireNonNull(base, "base");
      this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The credential each request carries.
     *
     * @param authorization the value of the {@code Authorization} header, e.g. {@code Bearer …}
     * @param redaction scrubs the secret from any text, including what the server sends back
     */
    public Builder credential(String authorization, UnaryOperator<String> redaction) {
      this.authorization = Objects.requireNonNull(authorization, "authorization");
      this.redaction = Objects.requireNonNull(redaction, "redaction");
      return this;
    }

    /** How to wait between two attempts (default: really wait); tests pass one that only takes note. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The time when an answer has no {@code Date} header (default: the system clock in UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * What to check when an answer is not what the API sends, as a question naming the URL, e.g.
     * {@code is https://netbox.example.com the NetBox base URL?}
     */
    public Builder notTheApi(String question) {
      this.notTheApi = Objects.requireNonNull(question, "question");
      return this;
    }

    /**
     * What may answer instead of the API when an answer is not JSON, added after
     * {@link #notTheApi}, e.g. {@code A login page or proxy may stand in front of the API}.
     */
    public Builder notJson(String hint) {
      this.notJson = Objects.requireNonNull(hint, "hint");
      return this;
    }

    /** Where the server notes what went wrong, e.g. {@code NetBox's logs}. */
    public Builder logs(String where) {
      this.logs = Objects.requireNonNull(where, "where");
      return this;
    }

    /** The fix when the server still limits the request rate (429) after the last attempt. */
    public Builder rateLimited(String fix) {
      this.rateLimited = Objects.requireNonNull(fix, "fix");
      return this;
    }

    /** The fix when the server still fails (5xx) after the last attempt. */
    public Builder failing(String fix) {
      this.failing = Objects.requireNonNull(fix, "fix");
      return this;
    }

    /**
     * The fix when a page links to the next one on another server, which is not followed; e.g. how
     * to make a server behind a proxy link to itself.
     */
    public Builder offServer(String fix) {
      this.offServer = Objects.requireNonNull(fix, "fix");
      return this;
    }

    /**
     * Where an error body explains a refusal, as JSON pointers tried in order, e.g.
     * {@code /detail}; quoted in the message when found (default: nowhere).
     */
    public Builder detailAt(String... pointers) {
      this.detailAt = List.of(pointers);
      return this;
    }

    /**
     * The client, ready for requests.
     *
     * @throws IllegalStateException naming each setting that was not given
     */
    public JsonClient build() {
      Map<String, @Nullable String> required = new LinkedHashMap<>();
      required.put("credential", authorization);
      required.put("notTheApi", notTheApi);
      required.put("notJson", notJson);
      required.put("logs", logs);
      required.put("rateLimited", rateLimited);
      required.put("failing", failing);
      required.put("offServer", offServer);
      List<String> missing = required.entrySet().stream().filter(setting -> setting.getValue() == null)
          .map(Map.Entry::getKey).toList();
      if (!missing.isEmpty()) {
        throw new IllegalStateException("a JsonClient needs " + String.join(", ", missing) + " (set them on the builder)");
      }
      return new JsonClient(this);
    }
  }
}
