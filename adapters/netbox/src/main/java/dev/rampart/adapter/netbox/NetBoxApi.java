package dev.rampart.adapter.netbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rampart.adaptersupport.http.Item;
import dev.rampart.adaptersupport.http.JsonClient;
import dev.rampart.spi.source.SourceException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * NetBox's REST API as a list of objects per endpoint: GET with the token, retries on 429, 5xx and
 * broken connections, pages followed through {@code next} while they stay on the configured server.
 */
final class NetBoxApi {

  private final NetBoxSettings settings;
  private final String notNetBox;
  private final JsonClient client;

  NetBoxApi(NetBoxSettings settings, JsonClient.Builder client) {
    this.settings = settings;
    this.notNetBox = "is " + settings.base() + " the NetBox base URL?";
    this.client = client
        .notTheApi(notNetBox)
        .notJson("A login page or proxy may stand in front of the API")
        .logs("NetBox's logs")
        .rateLimited("NetBox keeps limiting the request rate: try again later, or raise the option retries")
        .failing("NetBox keeps failing: look at its logs, try again later, or raise the option retries")
        .offServer("Rampart sends the token only to the configured server; if NetBox runs behind a reverse proxy,"
            + " make the proxy pass the Host and X-Forwarded-Proto headers so that NetBox links to itself")
        .detailAt("/detail", "/error")
        .build();
  }

  /**
   * Every object of a list endpoint, page after page.
   *
   * @param pathAndQuery the endpoint below the base URL, e.g. {@code /api/dcim/devices/?limit=1000}
   */
  List<Item> list(String pathAndQuery) throws SourceException {
    return client.pages(settings.base().resolve(pathAndQuery), this::fix, "results",
        (page, answer) -> next(page, answer.json().get("next")), "check NetBox's pagination settings");
  }

  private @Nullable URI next(URI page, @Nullable JsonNode next) throws SourceException {
    if (next == null || next.isNull()) {
      return null;
    }
    if (!next.isTextual()) {
      throw client.failure(page, "the answer's 'next' is not a link", notNetBox);
    }
    try {
      return client.follow(page, new URI(next.asText()));
    } catch (URISyntaxException e) {
      throw client.failure(page, "the answer's 'next' link is not a URL: " + e.getReason(),
          "check NetBox's BASE_PATH setting");
    }
  }

  private String fix(int status) {
    if (status == 401 || status == 403) {
      return "check that the token in " + settings.token().place() + " is valid and has read permission on devices,"
          + " interfaces, IP addresses, VLANs and prefixes";
    }
    if (status == 404) {
      return notNetBox + " Its API should answer at " + settings.base() + "/api/";
    }
    if (status >= 300 && status < 400) {
      return "give the URL that NetBox answers at as the location; Rampart does not follow redirects with the token";
    }
    return "check that " + settings.base() + " is a NetBox server and the source's options are right";
  }
}
