package dev.rampart.adapter.servicenow;

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
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ServiceNow instance on 127.0.0.1 that answers Table API requests with records recorded in the
 * test resources: list pages as {@code TABLE-OFFSET.json} with {@code Link} headers built the way
 * the instance builds them, single records as {@code TABLE-SYS_ID.json}. Every scenario lives
 * under its own base path and serves the recorded CMDB unless told to answer a request differently
 * first; {@code {{base}}} in a record is replaced by the scenario's base URL.
 */
final class RecordedServiceNow implements AutoCloseable {

  static final String USER = "rampart.reader";
  static final String PASSWORD = "S3cr3t-Pa55word!";
  static final String TOKEN = "kT9bX2qL7vR4mN8pZ1wY5cJ3hF6dG0sA";
  static final int RECORDS = 5;

  private static final Pattern LIST = Pattern.compile("/api/now/table/([a-z0-9_]+)");
  private static final Pattern RECORD = Pattern.compile("/api/now/table/([a-z0-9_]+)/([0-9a-f]{32})");
  private static final Pattern OFFSET = Pattern.compile("(^|&)sysparm_offset=(\\d+)");
  private static final Pattern LIMIT = Pattern.compile("(^|&)sysparm_limit=(\\d+)");

  private final HttpServer server;
  private final Map<String, Deque<Reply>> first = new HashMap<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

  private RecordedServiceNow(HttpServer server) {
    this.server = server;
  }

  static RecordedServiceNow start() throws IOException {
    // without it, small answers wait for delayed ACKs and each request takes some 40 ms
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    RecordedServiceNow instance = new RecordedServiceNow(server);
    server.createContext("/", instance::handle);
    server.start();
    return instance;
  }

  /** The instance URL of a scenario; the empty scenario is the recorded CMDB at the root. */
  String url(String scenario) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + (scenario.isEmpty() ? "" : "/" + scenario);
  }

  /**
   * Answers the next requests in a scenario with these replies, then as recorded.
   *
   * @param request {@code TABLE#OFFSET} for a list page, {@code TABLE/SYS_ID} for a record
   */
  RecordedServiceNow answer(String scenario, String request, Reply... replies) {
    first.computeIfAbsent(scenario + " " + request, key -> new ArrayDeque<>()).addAll(List.of(replies));
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
    String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
    requests.add(path + (query.isEmpty() ? "" : "?" + query));
    authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    int api = path.indexOf("/api/");
    String scenario = api <= 0 ? "" : path.substring(1, api);
    String apiPath = api < 0 ? path : path.substring(api);
    String base = url(scenario);

    Matcher record = RECORD.matcher(apiPath);
    Matcher list = LIST.matcher(apiPath);
    String request = record.matches() ? record.group(1) + "/" + record.group(2)
        : list.matches() ? list.group(1) + "#" + number(OFFSET, query, 0)
        : apiPath;
    Deque<Reply> queued = first.get(scenario + " " + request);
    Reply reply = queued != null && !queued.isEmpty() ? queued.poll() : null;
    if (reply == null) {
      String resource = request.replace('#', '-').replace('/', '-') + ".json";
      if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
        reply = Reply.json(401, "{\"error\":{\"message\":\"User Not Authenticated\","
            + "\"detail\":\"Required to provide Auth information\"},\"status\":\"failure\"}");
      } else if (RecordedServiceNow.class.getResource(resource) == null) {
        reply = Reply.json(404, "{\"error\":{\"message\":\"No Record found\","
            + "\"detail\":\"Record doesn't exist or ACL restricts the record retrieval\"},\"status\":\"failure\"}");
      } else {
        reply = Reply.recorded(resource);
        if (list.matches()) {
          reply = reply.with("X-Total-Count", String.valueOf(RECORDS))
              .with("Link", links(base + apiPath, query, number(OFFSET, query, 0), number(LIMIT, query, 10_000)));
        }
      }
    }
    byte[] bytes = reply.body().replace("{{base}}", base).getBytes(StandardCharsets.UTF_8);
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static boolean authorized(String header) {
    String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    return basic.equals(header) || ("Bearer " + TOKEN).equals(header);
  }

  // As the instance writes them: first, prev, next (when there is more) and last, each the request with another offset.
  private static String links(String url, String query, int offset, int limit) {
    List<String> links = new ArrayList<>();
    links.add("<" + url + "?" + offset(query, 0) + ">;rel=\"first\"");
    if (offset > 0) {
      links.add("<" + url + "?" + offset(query, Math.max(offset - limit, 0)) + ">;rel=\"prev\"");
    }
    if (offset + limit < RECORDS) {
      links.add("<" + url + "?" + offset(query, offset + limit) + ">;rel=\"next\"");
    }
    links.add("<" + url + "?" + offset(query, (RECORDS - 1) / limit * limit) + ">;rel=\"last\"");
    return String.join(",", links);
  }

  private static String offset(String query, int offset) {
    return OFFSET.matcher(query).replaceFirst("$1sysparm_offset=" + offset);
  }

  private static int number(Pattern parameter, String query, int fallback) {
    Matcher matcher = parameter.matcher(query);
    return matcher.find() ? Integer.parseInt(matcher.group(2)) : fallback;
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

    /** A recorded answer from the test resources. */
    static Reply recorded(String resource) {
      return new Reply(200, "application/json;charset=UTF-8", Map.of("X-Is-Logged-In", "true"), resource(resource));
    }

    static Reply json(int status, String body) {
      return new Reply(status, "application/json;charset=UTF-8", Map.of(), body);
    }

    Reply with(String header, String value) {
      Map<String, String> more = new HashMap<>(headers);
      more.put(header, value);
      return new Reply(status, contentType, more, body);
    }

    static String resource(String name) {
      try (InputStream in = RecordedServiceNow.class.getResourceAsStream(name)) {
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
