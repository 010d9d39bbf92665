package dev.rampart.adapter.netbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rampart.adaptersupport.http.Item;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The ids of NetBox's devices, VLANs and prefixes as facts: readable where they are unique, qualified
 * where NetBox lets them repeat (a device name per site and tenant, a VLAN id per group, a prefix per VRF).
 */
final class NetBoxIds {

  private NetBoxIds() {}

  /**
   * {@code vlan-<vid>}; where several VLANs share a vid, each is qualified by its group or site
   * slug, and where that is still ambiguous by its NetBox id.
   */
  static List<String> vlans(List<Item> vlans) {
    List<String> plain = new ArrayList<>();
    for (Item vlan : vlans) {
      plain.add("vlan-" + vlan.json().path("vid").asText());
    }
    List<String> scoped = unique(plain, i -> {
      JsonNode json = vlans.get(i).json();
      String scope = Json.text(json.path("group"), "slug");
      if (scope == null) {
        scope = Json.text(json.path("site"), "slug");
      }
      return plain.get(i) + "@" + (scope == null ? "netbox-" + json.path("id").asText() : scope);
    });
    return unique(scoped, i -> plain.get(i) + "@netbox-" + vlans.get(i).json().path("id").asText());
  }

  /**
   * The device ids {@link NetBoxSettings.DeviceIds} chooses: NetBox keeps a device name unique only per
   * site and tenant, so a name alone may repeat; an unnamed device is {@code netbox-<id>}.
   */
  static List<String> devices(List<Item> devices, NetBoxSettings.DeviceIds choice) {
    List<String> netBoxIds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Item device : devices) {
      netBoxIds.add("netbox-" + device.json().path("id").asText());
      names.add(Json.text(device.json(), "name"));
    }
    if (choice == NetBoxSettings.DeviceIds.NETBOX_ID) {
      return netBoxIds;
    }
    List<String> plain = new ArrayList<>();
    for (int i = 0; i < devices.size(); i++) {
      plain.add(names.get(i) == null ? netBoxIds.get(i) : names.get(i));
    }
    IntFunction<String> atSite = i -> {
      String site = Json.text(devices.get(i).json().path("site"), "slug");
      return names.get(i) == null ? netBoxIds.get(i) : names.get(i) + "@" + (site == null ? netBoxIds.get(i) : site);
    };
    List<String> scoped = choice == NetBoxSettings.DeviceIds.SITE_NAME
        ? IntStream.range(0, devices.size()).mapToObj(atSite).toList()
        : unique(plain, atSite);
    return unique(scoped, i -> names.get(i) == null ? netBoxIds.get(i) : names.get(i) + "@" + netBoxIds.get(i));
  }

  /** The prefix itself; where a prefix repeats (in several VRFs), qualified by VRF name or NetBox id. */
  static List<String> prefixes(List<Item> prefixes) {
    List<String> plain = new ArrayList<>();
    for (Item prefix : prefixes) {
      plain.add(String.valueOf(Json.text(prefix.json(), "prefix")));
    }
    List<String> scoped = unique(plain, i -> {
      String vrf = Json.text(prefixes.get(i).json().path("vrf"), "name");
      return plain.get(i) + "@" + (vrf == null ? "netbox-" + prefixes.get(i).json().path("id").asText() : vrf);
    });
    return unique(scoped, i -> plain.get(i) + "@netbox-" + prefixes.get(i).json().path("id").asText());
  }

  /** The ids, with each one that occurs more than once replaced by {@code instead}. */
  private static List<String> unique(List<String> ids, IntFunction<String> instead) {
    Map<String, Integer> counts = new HashMap<>();
    ids.forEach(id -> counts.merge(id, 1, Integer::sum));
    List<String> result = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      result.add(counts.get(ids.get(i)) > 1 ? instead.apply(i) : ids.get(i));
    }
    return result;
  }
}
