package dev.rampart.adapter.netbox;

import dev.rampart.adapter.testkit.RecordedServer;
import dev.rampart.adapter.testkit.RecordedServer.Reply;
import dev.rampart.adapter.testkit.RecordedServer.Request;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A NetBox on 127.0.0.1 that answers with pages recorded in the test resources; requests are named
 * by path and query, e.g. {@link #DEVICES}. NetBox writes its own URL into links, which the pages
 * do as {@code {{base}}}.
 */
final class RecordedNetBox implements RecordedServer.Site {

  static final String TOKEN = "0123456789abcdef0123456789abcdef01234567";

  static final String DEVICES = "/api/dcim/devices/?limit=1000&exclude=config_context";
  static final String DEVICES_2 = "/api/dcim/devices/?exclude=config_context&limit=2&offset=2";
  static final String DEVICES_3 = "/api/dcim/devices/?exclude=config_context&limit=2&offset=4";

  static final String INTERFACES = "/api/dcim/interfaces/?limit=1000";
  static final String IP_ADDRESSES = "/api/ipam/ip-addresses/?limit=1000&assigned_object_type=dcim.interface";
  static final String VLANS = "/api/ipam/vlans/?limit=1000";
  static final String PREFIXES = "/api/ipam/prefixes/?limit=1000";

  private static final Map<String, String> RECORDED = Map.of(
      DEVICES, "devices-1.json",
      DEVICES_2, "devices-2.json",
      DEVICES_3, "devices-3.json",
      INTERFACES, "interfaces.json",
      IP_ADDRESSES, "ip-addresses.json",
      VLANS, "vlans.json",
      PREFIXES, "prefixes.json");

  private RecordedNetBox() {}

  static RecordedServer start() {
    return RecordedServer.start(new RecordedNetBox());
  }

  /** A recorded page from the test resources, with the headers NetBox sends. */
  static Reply page(String resource) {
    return new Reply(200, "application/json", Map.of("Vary", "Accept, Cookie, Origin", "API-Version", "4.2"),
        RecordedServer.resource(RecordedNetBox.class, resource));
  }

  /** The attributes NetBox devices carry: their site and role. */
  static Map<String, Object> attributes(String site, String role) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("site", site);
    attributes.put("role", role);
    return attributes;
  }

  @Override
  public String key(Request request) {
    return request.pathAndQuery();
  }

  @Override
  public Reply reply(Request request) {
    if (!("Token " + TOKEN).equals(request.authorization())) {
      return Reply.json(403, "{\"detail\": \"Invalid token\"}");
    }
    String resource = RECORDED.get(request.pathAndQuery());
    return resource == null ? Reply.json(404, "{\"detail\": \"Not found.\"}") : page(resource);
  }
}
