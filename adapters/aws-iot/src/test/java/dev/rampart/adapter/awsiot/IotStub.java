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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * POST /attached-policies/CERT-ARN      attached-policies/ID.json, or attached-policies/ID.MARKER.json
 * GET  /policies/NAME                   policies/NAME.json
 * </pre>
 *
 * A route without its file answers 404 ResourceNotFoundException, as AWS does for a thing deleted
 * meanwhile. The stub can also refuse every request, the way AWS answers an IAM deny or throttling.
 */
final class IotStub implements AutoCloseable {

  private static final Pattern PRINCIPALS = Pattern.compile("/things/([^/]+)/principals");
  private static final Pattern CERTIFICATE = Pattern.compile("/certificates/([^/]+)");
  private static final Pattern ATTACHED_POLICIES = Pattern.compile("/attached-policies/(.+)");
  private static final Pattern POLICY = Pattern.compile("/policies/([^/]+)");

  private final HttpServer server;
  private final Path fleet;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
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
      Refusal refused = refusal;
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
        error(exchange, new Refusal(404, "ResourceNotFoundException", "The resource does not exist"));
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
