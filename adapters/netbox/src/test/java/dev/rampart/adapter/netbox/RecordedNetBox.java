package dev.rampart.adapter.netbox;

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
import java.util.Map;
import java.util.Objects;

/**
 * A NetBox on 127.0.0.1 that answers with pages recorded in the test resources. Every scenario
 * lives under its own base path ({@code /rate-limited}, …) and serves the recorded site unless told
 * to answer a request differently first; {@code {{base}}} in a page is replaced by the scenario's
 * base URL, as NetBox writes its own URL into links.
 */
final class RecordedNetBox implements AutoCloseable {

  static final String TOKEN = "0123456789abcdef0123456789abcdef01234567";

  static final String DEVICES = "/api/dcim/devices/?limit=1000&exclude=config_context";
  static final String DEVICES_2 = "/api/dcim/devices/?exclude=config_context&limit=2&offset=2";
  static final String DEVICES_3 = "/api/dcim/devices/?exclude=config_context&limit=2&offset=4";

  private static final Map<String, String> RECORDED = Map.of(
      DEVICES, "devices-1.json",
      DEVICES_2, "devices-2.json",
      DEVICES_3, "devices-3.json",
      "/api/dcim/interfaces/?limit=1000", "interfaces.json",
      "/api/ipam/ip-addresses/?limit=1000&assigned_object_type=dcim.interface", "ip-addresses.json",
      "/api/ipam/vlans/?limit=1000", "vlans.json",
      "/api/ipam/prefixes/?limit=1000", "prefixes.json");

  private final HttpServer server;
  private final Map<String, Deque<Reply>> first = new HashMap<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

  private RecordedNetBox(HttpServer server) {
    this.server = server;
  }

  static RecordedNetBox start() throws IOException {
    // without it, small answers wait for delayed ACKs and each request takes some 40 ms
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    RecordedNetBox netBox = new RecordedNetBox(server);
    server.createContext("/", netBox::handle);
    server.start();
    return netBox;
  }

  /** The base URL of a scenario; the empty scenario is the recorded site at the root. */
  String url(String scenario) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + (scenario.isEmpty() ? "" : "/" + scenario);
  }

  /** Answers the next requests for a path and query in a scenario with these replies, then as recorded. */
  RecordedNetBox answer(String scenario, String pathAndQuery, Reply... replies) {
    first.computeIfAbsent(key(scenario, pathAndQuery), key -> new ArrayDeque<>()).addAll(List.of(replies));
    return this;
  }

  /** Every request so far, as {@code /scenario/path?query}. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  /** The {@code Authorization} header of every request so far. */
  List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    requests.add(path + (query == null ? "" : "?" + query));
    authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    int api = path.indexOf("/api/");
    String scenario = api <= 0 ? "" : path.substring(1, api);
    String pathAndQuery = (api < 0 ? path : path.substring(api)) + (query == null ? "" : "?" + query);
    Deque<Reply> queued = first.get(key(scenario, pathAndQuery));
    Reply reply = queued != null && !queued.isEmpty() ? queued.poll() : null;
    if (reply == null) {
      String expected = "Token " + TOKEN;
      String resource = RECORDED.get(pathAndQuery);
      if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        reply = Reply.json(403, "{\"detail\": \"Invalid token\"}");
      } else {
        reply = resource == null ? Reply.json(404, "{\"detail\": \"Not found.\"}") : Reply.page(resource);
      }
    }
    String body = reply.body().replace("{{base}}", url(scenario));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String key(String scenario, String pathAndQuery) {
    return scenario + " " + pathAndQuery;
  }

  /**
   * One answer.
   *
   * @param status the HTTP status
   * @param contentType the media type
   * @param headers further headers
   * @param body the body, {@code {{base}}} standing for the scenario's base URL
   */
  record Reply(int status, String contentType, Map<String, String> headers, String body) {

    Reply {
      Objects.requireNonNull(body, "body");
      headers = Map.copyOf(headers);
    }

    /** A recorded page from the test resources. */
    static Reply page(String resource) {
      return new Reply(200, "application/json", Map.of("Vary", "Accept, Cookie, Origin", "API-Version", "4.2"),
          resource(resource));
    }

    static Reply json(int status, String body) {
      return new Reply(status, "application/json", Map.of(), body);
    }

    Reply with(String header, String value) {
      Map<String, String> more = new HashMap<>(headers);
      more.put(header, value);
      return new Reply(status, contentType, more, body);
    }

    static String resource(String name) {
      try (InputStream in = RecordedNetBox.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalArgumentException("no test resource " + name);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
