package dev.rampart.adaptersupport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rampart.adapter.testkit.RecordedServer;
import dev.rampart.adapter.testkit.RecordedServer.Reply;
import dev.rampart.adapter.testkit.RecordedServer.Request;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class JsonClientTest {

  private static final String TOKEN = "s3cr3t-t0ken";
  private static final String THINGS = "/api/things/?limit=2";
  private static final Refusal REFUSAL = status -> "fix for " + status;
  /** Where the NetBox that answered pynetbox's fixtures believed it was. */
  private static final String NETBOX_DEV = "http://localhost:8000";

  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  @AutoClose
  private final RecordedServer server = RecordedServer.start(new RecordedServer.Site() {
    @Override
    public String key(Request request) {
      return request.pathAndQuery();
    }

    @Override
    public Reply reply(Request request) {
      return Reply.json(200, "{\"results\": [], \"next\": null}");
    }
  });

  @Test
  void anObjectIsReadWithTheCredentialAndTheServersDate() throws SourceException {
    Instant before = Instant.now().minusSeconds(2);

    JsonResponse answer = client("").get(uri("", THINGS), REFUSAL);

    assertEquals("{\"results\":[],\"next\":null}", answer.json().toString());
    assertTrue(answer.date().isAfter(before), answer.date().toString());
    assertEquals(List.of("Token " + TOKEN), server.authorizations());
    assertEquals(List.of(THINGS), server.requests());
  }

  @Test
  void a429IsTriedAgainAfterTheWaitItAsksForAndA5xxAfterABackoff() throws SourceException {
    server.answer("busy", THINGS, Reply.json(429, "{}").with("Retry-After", "7"), Reply.json(502, ""));

    client("busy").get(uri("busy", THINGS), REFUSAL);

    assertEquals(2, waits.size());
    assertEquals(Duration.ofSeconds(7), waits.get(0));
    // the second failure: one second doubled, less up to a half
    assertTrue(waits.get(1).compareTo(Duration.ofSeconds(1)) >= 0 && waits.get(1).compareTo(Duration.ofSeconds(2)) <= 0,
        waits.toString());
  }

  @Test
  void aServerThatKeepsFailingGetsTheAdaptersFixAfterTheLastAttempt() {
    server.answer("down", THINGS, Reply.json(503, ""), Reply.json(503, ""), Reply.json(503, ""));

    assertEquals("cannot read " + server.url("down") + THINGS + ": HTTP 503 Service Unavailable, 3 attempts in all"
        + " (Things keeps failing: raise the option retries)", failure(() -> client("down").get(uri("down", THINGS), REFUSAL)));
    assertEquals(2, waits.size());
  }

  @Test
  void aRefusalQuotesTheServersExplanationWithoutTheSecretAndGivesTheAdaptersFix() {
    server.answer("refused", THINGS, Reply.json(401, "{\"error\": {\"message\": \"Invalid token " + TOKEN + "\"}}"));

    assertEquals("cannot read " + server.url("refused") + THINGS + ": HTTP 401 Unauthorized: \"Invalid token [secret]\""
        + " (fix for 401)", failure(() -> client("refused").get(uri("refused", THINGS), REFUSAL)));
    assertTrue(waits.isEmpty());
  }

  @Test
  void aRedirectIsNotFollowedAndItsTargetShownWithoutSecrets() {
    server.answer("moved", THINGS, Reply.json(302, "").with("Location", "https://me:pw@sso.example.com/login?token=x"));

    assertEquals("cannot read " + server.url("moved") + THINGS + ": HTTP 302 Found to 'https://sso.example.com/login'"
        + " (fix for 302)", failure(() -> client("moved").get(uri("moved", THINGS), REFUSAL)));
    assertEquals(List.of("/moved" + THINGS), server.requests());
  }

  @Test
  void a404IsEmptyWhenFoundButAFailureWhenGot() throws SourceException {
    server.answer("gone", THINGS, Reply.json(404, "{\"detail\": \"Not found.\"}"), Reply.json(404, "{\"detail\": \"Not found.\"}"));

    assertEquals(Optional.empty(), client("gone").find(uri("gone", THINGS), REFUSAL));
    assertEquals("cannot read " + server.url("gone") + THINGS + ": HTTP 404 Not Found: \"Not found.\" (fix for 404)",
        failure(() -> client("gone").get(uri("gone", THINGS), REFUSAL)));
  }

  @Test
  void anAnswerThatIsNoJsonObjectAsksWhetherTheUrlIsTheApi() {
    server.answer("sso", THINGS, new Reply(200, "text/html", Map.of(), "<html>Sign in</html>"))
        .answer("list", THINGS, Reply.json(200, "[1, 2]"))
        .answer("empty", THINGS, Reply.json(200, ""))
        .answer("cut-off", THINGS, Reply.json(200, "{\"results\": [1,"));

    String things = "is " + server.url("sso") + " the Things URL?";
    assertEquals("cannot read " + server.url("sso") + THINGS + ": the answer is 'text/html', not JSON (" + things
        + " A login page may answer instead)", failure(() -> client("sso").get(uri("sso", THINGS), REFUSAL)));
    assertEquals("cannot read " + server.url("list") + THINGS + ": the answer is not a JSON object (is "
        + server.url("list") + " the Things URL?)", failure(() -> client("list").get(uri("list", THINGS), REFUSAL)));
    assertEquals("cannot read " + server.url("empty") + THINGS + ": the answer is empty (try again; if it stays empty,"
        + " check the Things logs)", failure(() -> client("empty").get(uri("empty", THINGS), REFUSAL)));
    assertEquals("cannot read " + server.url("cut-off") + THINGS + ": the answer ends in the middle of the JSON at"
        + " line 1, column 16 (the answer was cut off or garbled on the way: try again, or lower the option pageSize)",
        failure(() -> client("cut-off").get(uri("cut-off", THINGS), REFUSAL)));
  }

  @Test
  void anUnreachableServerIsTriedAgainAndNamed() {
    JsonClient client = builder(base("http://127.0.0.1:1")).build();

    assertEquals("cannot read http://127.0.0.1:1/api/things/?limit=2: cannot connect to 127.0.0.1:1, 3 attempts in all"
        + " (check the URL, and that the server is running and reachable from here)",
        failure(() -> client.get(URI.create("http://127.0.0.1:1" + THINGS), REFUSAL)));
    assertEquals(2, waits.size());
  }

  @Test
  void aLinkIsFollowedOnlyOnTheSameServer() throws SourceException {
    JsonClient client = client("");
    URI page = uri("", THINGS);

    assertEquals(uri("", "/api/things/?limit=2&offset=2"), client.follow(page, URI.create("/api/things/?limit=2&offset=2")));
    assertEquals("cannot read " + server.url("") + THINGS + ": the next page is at 'http://localhost:8000/api/things/',"
        + " which is not on " + server.url("") + " (make Things link to itself)",
        failure(() -> client.follow(page, URI.create("http://user:" + TOKEN + "@localhost:8000/api/things/?token=1"))));
  }

  @Test
  void aListIsReadPageAfterPageUntilAPageNamesNoNext() throws SourceException {
    String second = "/api/things/?limit=2&offset=2";
    server.answer("paged", THINGS, Reply.json(200, "{\"results\": [{\"id\": 1}, {\"id\": 2}], \"next\": \"{{base}}" + second + "\"}"));
    server.answer("paged", second, Reply.json(200, "{\"results\": [{\"id\": 3}], \"next\": null}"));
    JsonClient client = client("paged");

    List<Item> items = client.pages(uri("paged", THINGS), REFUSAL, "results", JsonClientTest::next, "check the paging");

    assertEquals(List.of("{\"id\":1}", "{\"id\":2}", "{\"id\":3}"), items.stream().map(item -> item.json().toString()).toList());
    assertEquals(List.of("/paged" + THINGS, "/paged" + second), server.requests());
  }

  @Test
  void aPageWithoutTheListOrOneThatLinksBackIsAFailureOfTheWholeList() {
    server.answer("nolist", THINGS, Reply.json(200, "{\"detail\": \"Invalid page.\"}"));
    server.answer("loop", THINGS, Reply.json(200, "{\"results\": [], \"next\": \"{{base}}" + THINGS + "\"}"));

    assertEquals("cannot read " + uri("nolist", THINGS) + ": the answer has no 'results' list (is "
        + base(server.url("nolist")) + " the Things URL?)",
        failure(() -> client("nolist").pages(uri("nolist", THINGS), REFUSAL, "results", JsonClientTest::next, "check")));
    assertEquals("cannot read " + uri("loop", THINGS) + ": the pages loop: this page was read before (check the paging)",
        failure(() -> client("loop").pages(uri("loop", THINGS), REFUSAL, "results", JsonClientTest::next,
            "check the paging")));
  }

  @Test
  void aRealNetBoxListIsFollowedPageByPageThroughItsNextLinks() throws SourceException {
    // pynetbox's two interface pages, their links moved from http://localhost:8000 to this server
    String first = "/api/dcim/interfaces/?limit=50";
    String second = "/api/dcim/interfaces/?limit=50&offset=50";
    server.answer("netbox", first, Reply.json(200, realWorld("pynetbox-interfaces-1.json").replace(NETBOX_DEV, "{{base}}")))
        .answer("netbox", second, Reply.json(200, realWorld("pynetbox-interfaces-2.json").replace(NETBOX_DEV, "{{base}}")));
    JsonClient client = client("netbox");

    List<Item> items = client.pages(uri("netbox", first), REFUSAL, "results", following(client), "check the paging");

    assertEquals(List.of("189 et-0/0/0", "190 et-0/0/1", "191 et-0/0/2", "162 et-0/0/18", "163 et-0/0/19"),
        items.stream().map(item -> item.json().get("id").asInt() + " " + item.json().get("name").asText()).toList());
    assertEquals(List.of("/netbox" + first, "/netbox" + second), server.requests());
  }

  @Test
  void aRealNetBoxPageLinkingToTheHostNetBoxBelievesItIsOnIsNotFollowed() {
    String first = "/api/dcim/interfaces/?limit=50";
    server.answer("netbox", first, Reply.json(200, realWorld("pynetbox-interfaces-1.json")));
    JsonClient client = client("netbox");

    assertEquals("cannot read " + uri("netbox", first) + ": the next page is at 'http://localhost:8000/api/dcim/interfaces/',"
        + " which is not on " + server.url("netbox") + " (make Things link to itself)",
        failure(() -> client.pages(uri("netbox", first), REFUSAL, "results", following(client), "check the paging")));
    assertEquals(List.of("/netbox" + first), server.requests());
  }

  @Test
  void realErrorBodiesAreQuotedWhenTheyAreJsonAndLeftOutWhenTheyAreNot() {
    String acl = realWorld("azure-docs-servicenow-acl-error.json");
    server.answer("netbox", THINGS, Reply.json(403, realWorld("netbox-docs-403.json")))
        .answer("servicenow", THINGS, Reply.json(403, acl))
        .answer("closed", THINGS, Reply.json(403, acl.strip() + "}"));

    assertEquals("cannot read " + uri("netbox", THINGS) + ": HTTP 403 Forbidden: \"Authentication credentials were not"
        + " provided.\" (fix for 403)", failure(() -> client("netbox").get(uri("netbox", THINGS), REFUSAL)));
    // as the documentation quotes it, the body lacks its last '}': nothing of it is quoted
    assertEquals("cannot read " + uri("servicenow", THINGS) + ": HTTP 403 Forbidden (fix for 403)",
        failure(() -> client("servicenow").get(uri("servicenow", THINGS), REFUSAL)));
    assertEquals("cannot read " + uri("closed", THINGS) + ": HTTP 403 Forbidden: \"Operation Failed\" (fix for 403)",
        failure(() -> client("closed").get(uri("closed", THINGS), REFUSAL)));
  }

  @Test
  void theCredentialIsScrubbedFromEveryFailure() {
    assertEquals("cannot read " + server.url("") + THINGS + ": got [secret] (send no [secret])",
        client("").failure(uri("", THINGS), "got " + TOKEN, "send no " + TOKEN).getMessage());
  }

  @Test
  void aClientWithoutWhatItsMessagesSayIsABug() {
    IllegalStateException failure = assertThrows(IllegalStateException.class,
        () -> JsonClient.builder(base(server.url("")), policy()).notTheApi("is it?").build());

    assertEquals("a JsonClient needs credential, notJson, logs, rateLimited, failing, offServer (set them on the builder)",
        failure.getMessage());
  }

  private JsonClient client(String scenario) {
    return builder(base(server.url(scenario))).build();
  }

  private JsonClient.Builder builder(BaseUrl base) {
    return JsonClient.builder(base, policy())
        .credential("Token " + TOKEN, new Secret(TOKEN, "$THINGS_TOKEN")::redact)
        .sleeper(waits::add)
        .clock(Clock.fixed(Instant.parse("2001-01-01T00:00:00Z"), ZoneOffset.UTC))
        .notTheApi("is " + base + " the Things URL?")
        .notJson("A login page may answer instead")
        .logs("the Things logs")
        .rateLimited("Things keeps limiting the request rate: raise the option retries")
        .failing("Things keeps failing: raise the option retries")
        .offServer("make Things link to itself")
        .detailAt("/detail", "/error/message");
  }

  private URI uri(String scenario, String pathAndQuery) {
    return URI.create(server.url(scenario) + pathAndQuery);
  }

  private static BaseUrl base(String location) {
    Options options = new Options(SourceConfig.of(location), "things source", List.of());
    BaseUrl base = BaseUrl.parse(location, options, "https://things.example.com");
    assertEquals(List.of(), options.problems());
    return base;
  }

  private static HttpPolicy policy() {
    return new HttpPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  private static String failure(Reading reading) {
    SourceException failure = assertThrows(SourceException.class, reading::read);
    assertEquals(1, failure.problems().size());
    return failure.problems().get(0);
  }

  /** NetBox's {@code next} link, followed only on this client's server. */
  private static JsonClient.NextPage following(JsonClient client) {
    return (page, answer) -> {
      JsonNode next = answer.json().get("next");
      return next == null || next.isNull() ? null : client.follow(page, URI.create(next.asText()));
    };
  }

  private static String realWorld(String name) {
    return RecordedServer.resource(JsonClientTest.class, "real-world/" + name);
  }

  private static @Nullable URI next(URI page, JsonResponse answer) throws SourceException {
    JsonNode next = answer.json().get("next");
    return next == null || next.isNull() ? null : page.resolve(next.asText());
  }

  @FunctionalInterface
  private interface Reading {
    void read() throws SourceException;
  }
}
