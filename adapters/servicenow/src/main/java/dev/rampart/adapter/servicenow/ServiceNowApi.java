package dev.rampart.adapter.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rampart.adaptersupport.http.Item;
import dev.rampart.adaptersupport.http.JsonClient;
import dev.rampart.adaptersupport.http.JsonResponse;
import dev.rampart.adaptersupport.http.Refusal;
import dev.rampart.spi.source.SourceException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * ServiceNow's Table API: GET with the credentials, retries on 429, 5xx and broken connections,
 * pages followed through {@code Link: <…>; rel="next"} while they stay on the configured instance.
 */
final class ServiceNowApi {

  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;[^,<]*?rel=\"?([^\",;\\s]+)\"?");

  private final ServiceNowSettings settings;
  private final String notServiceNow;
  private final JsonClient client;

  ServiceNowApi(ServiceNowSettings settings, JsonClient.Builder client) {
    this.settings = settings;
    this.notServiceNow = "is " + settings.base() + " the ServiceNow instance URL?";
    this.client = client
        .notTheApi(notServiceNow)
        .notJson("A login page, an SSO proxy or a hibernating developer instance may answer instead of the API")
        .logs("the instance's logs")
        .rateLimited("the instance keeps limiting the request rate: try again later, raise the option retries, or ask"
            + " for a higher rate limit for this user")
        .failing("the instance keeps failing: try again later, raise the option retries, or look at its system logs")
        .offServer("Rampart sends the credentials only to the configured instance; if a proxy stands in front of it,"
            + " give the URL the instance knows itself by (its glide.servlet.uri)")
        .detailAt("/error/message")
        .build();
  }

  /** Every record of a table that the configured query selects, page after page. */
  List<Item> list(String table) throws SourceException {
    String query = settings.query() == null ? "" : settings.query();
    if (!query.contains("ORDERBY")) {
      // offsets are stable only over a fixed order
      query = query.isEmpty() ? "ORDERBYsys_id" : query + "^ORDERBYsys_id";
    }
    URI page = settings.base().resolve("/api/now/table/" + table
        + "?sysparm_query=" + encode(query)
        + "&sysparm_fields=" + encode(String.join(",", settings.fields()))
        + "&sysparm_limit=" + settings.pageSize()
        + "&sysparm_offset=0"
        + "&sysparm_display_value=false"
        + "&sysparm_exclude_reference_link=false");
    return client.pages(page, refusal(table), "result", (at, answer) -> next(at, answer.headers()),
        "check the option query");
  }

  /** One record by its sys_id; empty when the instance has no such record (or may not show it). */
  Optional<Item> record(String table, String sysId, List<String> fields) throws SourceException {
    URI uri = settings.base().resolve("/api/now/table/" + table + "/" + sysId
        + "?sysparm_fields=" + encode(String.join(",", fields))
        + "&sysparm_display_value=false&sysparm_exclude_reference_link=true");
    Optional<JsonResponse> answer = client.find(uri, refusal(table));
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    JsonNode result = answer.get().json().get("result");
    if (result == null || !result.isObject()) {
      throw client.failure(uri, "the answer has no 'result' record", notServiceNow);
    }
    return Optional.of(answer.get().item(result, "result"));
  }

  private @Nullable URI next(URI page, HttpHeaders headers) throws SourceException {
    String next = null;
    for (String value : headers.allValues("Link")) {
      Matcher link = LINK.matcher(value);
      while (link.find()) {
        if (link.group(2).equalsIgnoreCase("next")) {
          next = link.group(1).strip();
        }
      }
    }
    if (next == null) {
      return null;
    }
    try {
      return client.follow(page, new URI(escapeIllegal(next)));
    } catch (URISyntaxException e) {
      throw client.failure(page, "the next page link is not a URL: " + e.getReason(),
          "report this to the instance's administrators");
    }
  }

  private Refusal refusal(String table) {
    return status -> {
      if (status == 401) {
        return settings.credentials().fix();
      }
      if (status == 403) {
        return "the account needs read access to the table " + table + ": a role such as cmdb_read or itil, and ACLs"
            + " that allow it";
      }
      if (status == 404) {
        return notServiceNow + " The Table API answers at " + settings.base() + "/api/now/table/";
      }
      if (status >= 300 && status < 400) {
        return "give the instance URL that the API answers at; Rampart does not follow redirects with the credentials";
      }
      return "check the options " + ServiceNowProvider.TABLES + " and " + ServiceNowProvider.QUERY;
    };
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  // A Link header may carry characters that are not legal in a URI, such as an encoded query's '^';
  // escaping them is kinder than failing.
  private static String escapeIllegal(String link) {
    StringBuilder escaped = new StringBuilder();
    for (byte b : link.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0)) {
        escaped.append(c);
      } else {
        escaped.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return escaped.toString();
  }
}
