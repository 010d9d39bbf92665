package dev.rampart.adapter.awsiot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the AWS IoT control-plane API, speaking its REST-JSON protocol on 127.0.0.1.
 * Responses come from JSON files under {@code fleet/}, one per route and page, so a test's fleet
 * is data on disk:
 *
 * <pre>
 * GET  /things                          things.json, or things.TOKEN.json for ?nextToken=TOKEN
 * GET  /things/NAME/principals          principals/NAME.json, or principals/NAME.TOKEN.json
 * GET  /certificates/ID                 certificates/ID.json
 * GET  /things/NAME/thing-groups        thing-groups/NAME.json, or thing-groups/NAME.TOKEN.json
 * GET  /thing-groups/NAME               thing-groups-described/NAME.json
 * POST /attached-policies/TARGET-ARN    attached-policies/ID.json, or attached-policies/ID.MARKER.json, where ID is
 *                                       what follows the ARN's last '/' (a certificate id, a thing group's name)
 * GET  /policies/NAME                   policies/NAME.json
 * GET  /cacertificates                  cacertificates.json, or cacertificates.MARKER.json for ?marker=MARKER
 * GET  /cacertificate/ID                cacertificate/ID.json
 * GET  /v2LoggingOptions                v2-logging-options.json
 * GET  /loggingOptions                  logging-options.json
 * </pre>
 *
 * A route without its file answers 404 ResourceNotFoundException, as AWS does for a thing deleted
 * meanwhile, or, for the v2 logging options, 404 NotConfiguredException, as AWS does when they were
 * never set. The stub can also refuse every request, or the next few of one route, the way AWS
 * answers an IAM deny or throttling.
 */
final class IotStub implements AutoCloseable {

  private static final Pattern PRINCIPALS = Pattern.compile("/things/([^/]+)/principals");
  private static final Pattern CERTIFICATE = Pattern.compile("/certificates/([^/]+)");
  private static final Pattern ATTACHED_POLICIES = Pattern.compile("/attached-policies/(.+)");
  private static final Pattern POLICY = Pattern.compile("/policies/([^/]+)");
  private static final Pattern THING_GROUPS = Pattern.compile("/things/([^/]+)/thing-groups");
  private static final Pattern THING_GROUP = Pattern.compile("/thing-groups/([^/]+)");
  private static final Pattern CA_CERTIFICATE = Pattern.compile("/cacertificate/([^/]+)");
  private static final String V2_LOGGING = "/v2LoggingOptions";

  private final HttpServer server;
  private final Path fleet;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Deque<Refusal>> refuseNext = new ConcurrentHashMap<>();
  private volatile Refusal refusal;

  /** How the stub refuses: an HTTP status, the AWS error code and its message. */
  record Refusal(int status, String errorType, String message) {}

  private IotStub(Path fleet) throws IOException {
    this.fleet = fleet;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A stub serving the fleet in the test resources. */
  static IotStub serving() {
    return serving("fleet");
  }

  /** A stub serving the responses under the given directory of the test resources, laid out like {@code fleet/}. */
  static IotStub serving(String directory) {
    try {
      return new IotStub(Path.of(IotStub.class.getResource(directory).toURI()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A stub that answers every request with the given error. */
  static IotStub refusing(Refusal refusal) {
    IotStub stub = serving();
    stub.refusal = refusal;
    return stub;
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Every request received, as {@code METHOD PATH?QUERY}, in order. */
  List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  void clearRequests() {
    requests.clear();
  }

  /**
   * Answers the next requests of one route with these errors, one each, then as usual.
   *
   * @param route the method and decoded path, e.g. {@code GET /cacertificates}
   */
  IotStub refuseNext(String route, Refusal... refusals) {
    refuseNext.computeIfAbsent(route, key -> new ConcurrentLinkedDeque<>()).addAll(List.of(refusals));
    return this;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      URI uri = exchange.getRequestURI();
      String path = uri.getRawPath();
      requests.add(exchange.getRequestMethod() + " " + URLDecoder.decode(path, StandardCharsets.UTF_8)
          + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
      Deque<Refusal> queued = refuseNext.get(exchange.getRequestMethod() + " " + URLDecoder.decode(path, StandardCharsets.UTF_8));
      Refusal refused = queued == null || queued.isEmpty() ? refusal : queued.poll();
      if (refused != null) {
        error(exchange, refused);
        return;
      }
      if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
        error(exchange, new Refusal(403, "MissingAuthenticationTokenException", "Missing Authentication Token"));
        return;
      }
      Path file = route(exchange.getRequestMethod(), path, query(uri.getRawQuery()));
      if (file == null || !Files.isRegularFile(file)) {
        error(exchange, path.equals(V2_LOGGING)
            ? new Refusal(404, "NotConfiguredException", "The resource is not configured.")
            : new Refusal(404, "ResourceNotFoundException", "The resource does not exist"));
        return;
      }
      respond(exchange, 200, Files.readAllBytes(file), null);
    }
  }

  private Path route(String method, String rawPath, Map<String, String> query) {
    String path = URLDecoder.decode(rawPath, StandardCharsets.UTF_8);
    Matcher matcher;
    if (method.equals("GET") && path.equals("/things")) {
      return page("things", query.get("nextToken"));
    }
    if (method.equals("GET") && (matcher = PRINCIPALS.matcher(path)).matches()) {
      return page("principals/" + matcher.group(1), query.get("nextToken"));
    }
    if (method.equals("GET") && (matcher = CERTIFICATE.matcher(path)).matches()) {
      return fleet.resolve("certificates/" + matcher.group(1) + ".json");
    }
    if (method.equals("POST") && (matcher = ATTACHED_POLICIES.matcher(path)).matches()) {
      String arn = matcher.group(1);
      return page("attached-policies/" + arn.substring(arn.lastIndexOf('/') + 1), query.get("marker"));
    }
    if (method.equals("GET") && (matcher = POLICY.matcher(path)).matches()) {
      return fleet.resolve("policies/" + matcher.group(1) + ".json");
    }
    if (method.equals("GET") && (matcher = THING_GROUPS.matcher(path)).matches()) {
      return page("thing-groups/" + matcher.group(1), query.get("nextToken"));
    }
    if (method.equals("GET") && (matcher = THING_GROUP.matcher(path)).matches()) {
      return fleet.resolve("thing-groups-described/" + matcher.group(1) + ".json");
    }
    if (method.equals("GET") && path.equals("/cacertificates")) {
      return page("cacertificates", query.get("marker"));
    }
    if (method.equals("GET") && (matcher = CA_CERTIFICATE.matcher(path)).matches()) {
      return fleet.resolve("cacertificate/" + matcher.group(1) + ".json");
    }
    if (method.equals("GET") && path.equals(V2_LOGGING)) {
      return fleet.resolve("v2-logging-options.json");
    }
    if (method.equals("GET") && path.equals("/loggingOptions")) {
      return fleet.resolve("logging-options.json");
    }
    return null;
  }

  private Path page(String name, String token) {
    return fleet.resolve(token == null ? name + ".json" : name + "." + token + ".json");
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> parameters = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return parameters;
  }

  private static void error(HttpExchange exchange, Refusal refusal) throws IOException {
    // AWS names the error in this header, with a namespace suffix the SDK strips.
    String body = "{\"message\":\"" + refusal.message().replace("\"", "\\\"") + "\"}";
    respond(exchange, refusal.status(), body.getBytes(StandardCharsets.UTF_8),
        refusal.errorType() + ":http://internal.amazon.com/coral/com.amazon.coral.service/");
  }

  private static void respond(HttpExchange exchange, int status, byte[] body, String errorType) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("x-amzn-RequestId", "00000000-0000-4000-8000-000000000000");
    if (errorType != null) {
      exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
    }
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }
}
