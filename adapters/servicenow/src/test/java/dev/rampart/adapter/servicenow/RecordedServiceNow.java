package dev.rampart.adapter.servicenow;

import dev.rampart.adapter.testkit.RecordedServer;
import dev.rampart.adapter.testkit.RecordedServer.Reply;
import dev.rampart.adapter.testkit.RecordedServer.Request;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ServiceNow instance on 127.0.0.1 that answers Table API requests with records recorded in the
 * test resources: list pages as {@code TABLE-OFFSET.json} with {@code Link} headers built the way
 * the instance builds them, single records as {@code TABLE-SYS_ID.json}. Requests are named
 * {@code TABLE#OFFSET} for a list page and {@code TABLE/SYS_ID} for a record; {@code {{base}}} in a
 * record stands for the instance URL.
 */
final class RecordedServiceNow implements RecordedServer.Site {

  static final String USER = "rampart.reader";
  static final String PASSWORD = "S3cr3t-Pa55word!";
  static final String TOKEN = "kT9bX2qL7vR4mN8pZ1wY5cJ3hF6dG0sA";
  static final int RECORDS = 5;

  private static final Pattern LIST = Pattern.compile("/api/now/table/([a-z0-9_]+)");
  private static final Pattern RECORD = Pattern.compile("/api/now/table/([a-z0-9_]+)/([0-9a-f]{32})");
  private static final Pattern OFFSET = Pattern.compile("(^|&)sysparm_offset=(\\d+)");
  private static final Pattern LIMIT = Pattern.compile("(^|&)sysparm_limit=(\\d+)");

  private RecordedServiceNow() {}

  static RecordedServer start() {
    return RecordedServer.start(new RecordedServiceNow());
  }

  /** A recorded answer from the test resources, with the headers the instance sends. */
  static Reply recorded(String resource) {
    return new Reply(200, "application/json;charset=UTF-8", Map.of("X-Is-Logged-In", "true"),
        RecordedServer.resource(RecordedServiceNow.class, resource));
  }

  @Override
  public String key(Request request) {
    Matcher record = RECORD.matcher(request.path());
    Matcher list = LIST.matcher(request.path());
    return record.matches() ? record.group(1) + "/" + record.group(2)
        : list.matches() ? list.group(1) + "#" + number(OFFSET, request.query(), 0)
        : request.path();
  }

  @Override
  public Reply reply(Request request) {
    String resource = key(request).replace('#', '-').replace('/', '-') + ".json";
    if (!authorized(request.authorization())) {
      return error(401, "{\"error\":{\"message\":\"User Not Authenticated\","
          + "\"detail\":\"Required to provide Auth information\"},\"status\":\"failure\"}");
    }
    if (RecordedServiceNow.class.getResource(resource) == null) {
      return error(404, "{\"error\":{\"message\":\"No Record found\","
          + "\"detail\":\"Record doesn't exist or ACL restricts the record retrieval\"},\"status\":\"failure\"}");
    }
    if (!LIST.matcher(request.path()).matches()) {
      return recorded(resource);
    }
    String query = request.query();
    return recorded(resource).with("X-Total-Count", String.valueOf(RECORDS)).with("Link",
        links(request.base() + request.path(), query, number(OFFSET, query, 0), number(LIMIT, query, 10_000)));
  }

  private static Reply error(int status, String body) {
    return new Reply(status, "application/json;charset=UTF-8", Map.of(), body);
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
}
