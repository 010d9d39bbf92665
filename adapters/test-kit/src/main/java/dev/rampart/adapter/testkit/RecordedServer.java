package dev.rampart.adapter.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A web API on 127.0.0.1 that answers with recorded replies, for the tests of adapters that read
 * one. Every scenario lives under its own base path ({@code /rate-limited/api/…}) and is answered
 * by the {@link Site} unless told to answer a request differently first; {@code {{base}}} in a
 * reply is replaced by the scenario's base URL, as servers write their own URL into links. The
 * empty scenario is the site at the root.
 */
public final class RecordedServer implements AutoCloseable {

  /** What a server answers: the recording, and how the tests name a request. */
  public interface Site {

    /** How tests name this request when they queue replies for it, e.g. its path and query. */
    String key(Request request);

    /** The reply when no queued one comes first. */
    Reply reply(Request request);
  }

  private final HttpServer server;
  private final Site site;
  private final Map<String, Deque<Reply>> first = new HashMap<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

  private RecordedServer(HttpServer server, Site site) {
    this.server = server;
    this.site = site;
  }

  /**
   * Starts a server on a free port of 127.0.0.1; close it after the test, e.g. with JUnit's
   * {@code @AutoClose} on the field that holds it.
   *
   * @throws UncheckedIOException when no port can be had, which no test can go on without
   */
  public static RecordedServer start(Site site) {
    Objects.requireNonNull(site, "site");
    // without it, small answers wait for delayed ACKs and each request takes some 40 ms
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RecordedServer recorded = new RecordedServer(server, site);
    server.createContext("/", recorded::handle);
    server.start();
    return recorded;
  }

  /** The base URL of a scenario; the empty scenario is the site at the root. */
  public String url(String scenario) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + (scenario.isEmpty() ? "" : "/" + scenario);
  }

  /**
   * Answers the next requests in a scenario with these replies, then as the site does.
   *
   * @param key the request as the site's {@link Site#key} names it
   */
  public RecordedServer answer(String scenario, String key, Reply... replies) {
    first.computeIfAbsent(scenario + " " + key, k -> new ArrayDeque<>()).addAll(List.of(replies));
    return this;
  }

  /** Every request so far, as {@code /scenario/path?query}. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** The {@code Authorization} header of every request so far ({@code null} where there was none). */
  public List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** Reads a recorded reply's body from the test resources next to {@code anchor}. */
  public static String resource(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name + " next to " + anchor.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    requests.add(path + (query.isEmpty() ? "" : "?" + query));
    authorizations.add(String.valueOf(authorization));
    int api = path.indexOf("/api/");
    String scenario = api <= 0 ? "" : path.substring(1, api);
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>();
    exchange.getRequestHeaders().forEach((name, values) ->
        headers.put(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0)));
    Request request = new Request(api < 0 ? path : path.substring(api), query, authorization, url(scenario), body,
        headers);
    Deque<Reply> queued = first.get(scenario + " " + site.key(request));
    Reply reply = queued != null && !queued.isEmpty() ? queued.poll() : site.reply(request);
    byte[] bytes = reply.body().replace("{{base}}", request.base()).getBytes(StandardCharsets.UTF_8);
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * One request, as the site sees it.
   *
   * @param path the path from {@code /api/} on, without the scenario
   * @param query the raw query, empty when there is none
   * @param authorization the {@code Authorization} header, or {@code null}
   * @param base the scenario's base URL, for links
   * @param body the request's body, empty when there is none; AWS's query and JSON APIs name the
   *     operation there or in a header, not in the path
   * @param headers the request's headers, first value of each, by name in lower case
   */
  public record Request(String path, String query, @Nullable String authorization, String base, String body,
      Map<String, String> headers) {

    public Request {
      headers = Map.copyOf(headers);
    }

    /** A request without a body or headers other than {@code Authorization}. */
    public Request(String path, String query, @Nullable String authorization, String base) {
      this(path, query, authorization, base, "", Map.of());
    }

    /** A header's value, by name in any case, or {@code null}. */
    public @Nullable String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The path and, when there is one, the query: {@code /api/things/?limit=10}. */
    public String pathAndQuery() {
      return path + (query.isEmpty() ? "" : "?" + query);
    }
  }

  /**
   * One answer.
   *
   * @param status the HTTP status
   * @param contentType the media type
   * @param headers further headers; the JDK's server sends each name with its first letter upper
   *     case and the rest lower case ({@code API-Version} goes out as {@code Api-version}), which
   *     clients must read case-insensitively anyway
   * @param body the body, {@code {{base}}} standing for the scenario's base URL
   */
  public record Reply(int status, String contentType, Map<String, String> headers, String body) {

    public Reply {
      Objects.requireNonNull(body, "body");
      headers = Map.copyOf(headers);
    }

    /** An answer with a JSON body and no further headers. */
    public static Reply json(int status, String body) {
      return new Reply(status, "application/json", Map.of(), body);
    }

    /** This answer with one more header. */
    public Reply with(String header, String value) {
      Map<String, String> more = new HashMap<>(headers);
      more.put(header, value);
      return new Reply(status, contentType, more, body);
    }
  }
}
