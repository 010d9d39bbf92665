package dev.rampart.adapter.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rampart.adapter.testkit.RecordedServer.Reply;
import dev.rampart.adapter.testkit.RecordedServer.Request;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The recorded server replays answers a real NetBox gave, as NetBox's own REST API documentation
 * prints them (see {@code real-world/PROVENANCE.md}), and a client receives them byte for byte,
 * the documented headers with them; hostile answers (not JSON, 20 MB) come through unchanged too.
 */
class RecordedServerRealWorldTest {

  private static final String PAGE = "real-world/netbox-docs-devices-page-elided.txt";
  private static final String ADDRESS = "real-world/netbox-docs-ip-address-2954.json";
  private static final String FORBIDDEN = "real-world/netbox-docs-403.json";
  private static final String REQUEST_ID = "e39c84bc-f169-4d5f-bc1c-94487a1b18b5";

  /** NetBox as its documentation shows it: a device page, an IP address, and 403 without a token. */
  private static final RecordedServer.Site NETBOX = new RecordedServer.Site() {
    @Override
    public String key(Request request) {
      return request.pathAndQuery();
    }

    @Override
    public Reply reply(Request request) {
      if (request.authorization() == null) {
        return Reply.json(403, body(FORBIDDEN));
      }
      return switch (request.pathAndQuery()) {
        case "/api/dcim/devices/" -> Reply.json(200, body(PAGE))
            .with("Allow", "GET, POST, OPTIONS")
            .with("Vary", "Accept")
            .with("API-Version", "3.4")
            .with("X-Request-ID", REQUEST_ID);
        case "/api/ipam/ip-addresses/2954/" -> Reply.json(200, body(ADDRESS));
        default -> Reply.json(404, "{\"detail\": \"Not found.\"}");
      };
    }
  };

  @AutoClose private final RecordedServer server = RecordedServer.start(NETBOX);
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void aDocumentedObjectReachesTheClientByteForByteWithItsLinksUntouched() throws Exception {
    HttpResponse<byte[]> response = get("/api/ipam/ip-addresses/2954/", "Token 0123456789abcdef");

    assertEquals(200, response.statusCode());
    assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
    assertArrayEquals(bytes(ADDRESS), response.body());
    assertEquals(888, response.body().length);
    assertEquals(List.of("/api/ipam/ip-addresses/2954/"), server.requests());
    assertEquals(List.of("Token 0123456789abcdef"), server.authorizations());
  }

  @Test
  void theDocumentedPageWhoseBodyIsNoJsonComesThroughUnchangedWithItsHeaders() throws Exception {
    HttpResponse<byte[]> response = get("/api/dcim/devices/", "Token 0123456789abcdef");

    assertEquals(200, response.statusCode());
    assertArrayEquals(bytes(PAGE), response.body());
    assertEquals("""
        {
            "count": 2861,
            "next": "http://netbox/api/dcim/devices/?limit=50&offset=50",
            "previous": null,
            "results": [
                {
                    "id": 231,
                    "name": "Device1",
                    ...
                },
                {
                    "id": 232,
                    "name": "Device2",
                    ...
                },
                ...
            ]
        }
        """, new String(response.body(), StandardCharsets.UTF_8));
    // header names are case-insensitive; each value is the one NetBox's documentation shows
    assertEquals(Optional.of("GET, POST, OPTIONS"), response.headers().firstValue("Allow"));
    assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
    assertEquals(Optional.of("Accept"), response.headers().firstValue("Vary"));
    assertEquals(Optional.of("3.4"), response.headers().firstValue("API-Version"));
    assertEquals(Optional.of(REQUEST_ID), response.headers().firstValue("X-Request-ID"));
  }

  @Test
  void onTheWireTheJdkServerReCasesHeaderNamesAndSendsTheBodyAsRecorded() throws Exception {
    String raw = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> rawGet("/api/dcim/devices/"));

    int end = raw.indexOf("\r\n\r\n");
    List<String> head = Arrays.asList(raw.substring(0, end).split("\r\n"));
    assertEquals("HTTP/1.1 200 OK", head.get(0));
    assertEquals("""
        Allow: GET, POST, OPTIONS
        Api-version: 3.4
        Connection: close
        Content-length: 328
        Content-type: application/json
        Vary: Accept
        X-request-id: e39c84bc-f169-4d5f-bc1c-94487a1b18b5
        """, head.stream().skip(1).filter(line -> !line.startsWith("Date: ")).sorted()
            .map(line -> line + "\n").collect(Collectors.joining()));
    assertEquals(new String(bytes(PAGE), StandardCharsets.UTF_8), raw.substring(end + 4));
  }

  @Test
  void withoutATokenTheDocumented403AnswerIsReceived() throws Exception {
    HttpResponse<byte[]> response = get("/api/dcim/devices/", null);

    assertEquals(403, response.statusCode());
    assertEquals("""
        {
            "detail": "Authentication credentials were not provided."
        }
        """, new String(response.body(), StandardCharsets.UTF_8));
    assertEquals(List.of("null"), server.authorizations());
  }

  @Test
  void aDeleteAnswerWithoutBodyIsA204WithNothingAfterTheHeaders() throws Exception {
    server.answer("", "/api/ipam/prefixes/18691/", new Reply(204, "application/json", Map.of(), ""));

    HttpResponse<byte[]> response = get("/api/ipam/prefixes/18691/", "Token 0123456789abcdef");

    assertEquals(204, response.statusCode());
    assertEquals(0, response.body().length);
  }

  @Test
  void aHugePageOfTheDocumentedObjectIsReceivedWhole() throws Exception {
    String object = body(ADDRESS).strip();
    int copies = 20_000;
    String huge = "{\"count\": " + copies + ", \"next\": null, \"previous\": null, \"results\": ["
        + String.join(", ", Collections.nCopies(copies, object)) + "]}";
    server.answer("", "/api/ipam/ip-addresses/", Reply.json(200, huge));

    HttpResponse<byte[]> response = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> get("/api/ipam/ip-addresses/", "Token 0123456789abcdef"));

    assertEquals(200, response.statusCode());
    assertEquals(17_780_061, response.body().length);
    assertEquals(Optional.of("17780061"), response.headers().firstValue("Content-Length"));
    assertArrayEquals(huge.getBytes(StandardCharsets.UTF_8), response.body());
  }

  private HttpResponse<byte[]> get(String path, String authorization) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("") + path))
        .timeout(Duration.ofSeconds(60));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** What a client reads off the socket, headers and all, for an HTTP/1.0 request with a token. */
  private String rawGet(String path) throws IOException {
    int port = URI.create(server.url("")).getPort();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.0\r\nAuthorization: Token 0123456789abcdef\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String body(String name) {
    return RecordedServer.resource(RecordedServerRealWorldTest.class, name);
  }

  private static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(TestFiles.resource(RecordedServerRealWorldTest.class, name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
