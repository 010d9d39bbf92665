package dev.rampart.adapter.netbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rampart.adaptersupport.http.BaseUrl;
import dev.rampart.adaptersupport.http.Item;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.InvalidFactException;
import dev.rampart.spi.fact.Lifecycle;
import dev.rampart.spi.fact.LifecycleStatus;
import dev.rampart.spi.fact.Network;
import dev.rampart.spi.fact.Vendor;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.value.Cidr;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Maps NetBox objects onto the fact model: a vendor per manufacturer, a network per VLAN (with the
 * prefixes on it) and per prefix on no VLAN, and a device per NetBox device. What NetBox does not
 * say stays unknown; {@code docs/adapters/netbox.md} has the tables.
 */
final class NetBoxFacts {

  /** NetBox's device statuses that say where a device is in its life; others leave it unknown. */
  static final Map<String, LifecycleStatus> STATUSES = Map.of(
      "planned", LifecycleStatus.PLANNED,
      "staged", LifecycleStatus.PLANNED,
      "active", LifecycleStatus.ACTIVE,
      "offline", LifecycleStatus.MAINTENANCE,
      "decommissioning", LifecycleStatus.RETIRED);

  /** Every device status NetBox has had since 2.0; {@code failed} and {@code inventory} say nothing of the lifecycle. */
  static final List<String> DEVICE_STATUSES =
      List.of("offline", "active", "planned", "staged", "failed", "inventory", "decommissioning");

  private final NetBoxSettings settings;
  private final FactSink sink;
  private final List<String> problems = new ArrayList<>();
  // filled while networks are emitted, read while devices are
  private final Map<Long, String> networkOfVlan = new HashMap<>();
  private final List<PrefixNetwork> prefixNetworks = new ArrayList<>();

  NetBoxFacts(NetBoxSettings settings, FactSink sink) {
    this.settings = settings;
    this.sink = sink;
  }

  /** Hands every fact to the sink; returns the invalid values found, one problem each. */
  List<String> emit(NetBoxObjects objects) {
    emitVendors(objects.devices());
    emitNetworks(objects.vlans(), objects.prefixes());
    emitDevices(objects);
    return List.copyOf(problems);
  }

  private void emitVendors(List<Item> devices) {
    Map<String, Item> manufacturers = new LinkedHashMap<>();
    for (Item device : devices) {
      JsonNode manufacturer = device.json().path("device_type").path("manufacturer");
      String slug = Json.text(manufacturer, "slug");
      if (slug != null) {
        manufacturers.putIfAbsent(slug, new Item(manufacturer, device.collectedAt()));
      }
    }
    manufacturers.forEach((slug, manufacturer) -> sink.accept(
        Vendor.builder(slug).name(Json.text(manufacturer.json(), "name")).build(),
        origin(manufacturer, "/api/dcim/manufacturers/")));
  }

  private void emitNetworks(List<Item> vlans, List<Item> prefixes) {
    List<String> vlanIds = vlanIds(vlans);
    for (int i = 0; i < vlans.size(); i++) {
      JsonNode id = vlans.get(i).json().path("id");
      if (id.isIntegralNumber()) {
        networkOfVlan.put(id.asLong(), vlanIds.get(i));
      }
    }
    Map<String, List<JsonNode>> prefixesOnVlan = new HashMap<>();
    List<Item> alone = new ArrayList<>();
    List<Cidr> aloneRanges = new ArrayList<>();
    for (Item prefix : prefixes) {
      JsonNode json = prefix.json();
      String text = Json.text(json, "prefix");
      if ("container".equals(Json.choice(json, "status"))) {
        continue; // an address plan, not a segment devices attach to
      }
      Cidr range = text == null || text.indexOf('/') < 0 ? null : Cidr.parse(text).orElse(null);
      if (range == null) {
        problems.add(location(prefix, "/api/ipam/prefixes/") + ": prefix '" + text + "' is not an address range"
            + " (NetBox should never send this; check the prefix in NetBox)");
        continue;
      }
      String vlan = networkOfVlan.get(Json.id(json, "vlan"));
      if (vlan != null) {
        prefixesOnVlan.computeIfAbsent(vlan, key -> new ArrayList<>()).add(json);
        prefixNetworks.add(new PrefixNetwork(range, vlan));
      } else {
        alone.add(prefix);
        aloneRanges.add(range);
      }
    }
    for (int i = 0; i < vlans.size(); i++) {
      emitVlan(vlans.get(i), vlanIds.get(i), prefixesOnVlan.getOrDefault(vlanIds.get(i), List.of()));
    }
    List<String> prefixIds = prefixIds(alone);
    for (int i = 0; i < alone.size(); i++) {
      prefixNetworks.add(new PrefixNetwork(aloneRanges.get(i), prefixIds.get(i)));
      emitPrefix(alone.get(i), prefixIds.get(i));
    }
  }

  private void emitVlan(Item vlan, String id, List<JsonNode> prefixes) {
    JsonNode json = vlan.json();
    List<String> slugs = new ArrayList<>(roleAndTags(json));
    String cidr = null;
    boolean ipv4 = false;
    // the first IPv4 prefix on the VLAN, else the first IPv6 one
    for (JsonNode prefix : prefixes) {
      slugs.addAll(roleAndTags(prefix));
      boolean isIpv4 = Cidr.parse(Json.text(prefix, "prefix")).map(Cidr::isIpv4).orElse(false);
      if (cidr == null || isIpv4 && !ipv4) {
        cidr = Json.text(prefix, "prefix");
        ipv4 = isIpv4;
      }
    }
    JsonNode vid = json.path("vid");
    String cidrOfVlan = cidr;
    emit(vlan, "/api/ipam/vlans/", FactType.NETWORK, id, () -> Network.builder(id)
        .name(Json.text(json, "name"))
        .zone(settings.zones().first(slugs))
        .vlan(vid.canConvertToInt() ? vid.asInt() : null)
        .cidr(cidrOfVlan)
        .attributes(attributes("site", Json.text(json.path("site"), "slug"), "group", Json.text(json.path("group"), "slug")))
        .build());
  }

  private void emitPrefix(Item prefix, String id) {
    JsonNode json = prefix.json();
    emit(prefix, "/api/ipam/prefixes/", FactType.NETWORK, id, () -> Network.builder(id)
        .name(Json.text(json, "description"))
        .zone(settings.zones().first(roleAndTags(json)))
        .cidr(Json.text(json, "prefix"))
        .attributes(attributes("site", site(json), "vrf", Json.text(json.path("vrf"), "name")))
        .build());
  }

  private void emitDevices(NetBoxObjects objects) {
    Map<Long, List<JsonNode>> interfacesOfDevice = new HashMap<>();
    for (Item item : objects.interfaces()) {
      Long device = Json.id(item.json(), "device");
      if (device != null) {
        interfacesOfDevice.computeIfAbsent(device, key -> new ArrayList<>()).add(item.json());
      }
    }
    Map<Long, List<JsonNode>> addressesOfInterface = new HashMap<>();
    // NetBox before 2.9 names the interface and its device in the address itself
    Map<Long, List<JsonNode>> addressesOfDevice = new HashMap<>();
    for (Item item : objects.addresses()) {
      JsonNode json = item.json();
      if ("dcim.interface".equals(Json.text(json, "assigned_object_type")) && json.path("assigned_object_id").isIntegralNumber()) {
        addressesOfInterface.computeIfAbsent(json.path("assigned_object_id").asLong(), key -> new ArrayList<>()).add(json);
      } else if (Json.id(json, "interface") != null) {
        addressesOfInterface.computeIfAbsent(Json.id(json, "interface"), key -> new ArrayList<>()).add(json);
        Long device = Json.id(json.path("interface"), "device");
        if (device != null) {
          addressesOfDevice.computeIfAbsent(device, key -> new ArrayList<>()).add(json);
        }
      }
    }
    List<String> ids = deviceIds(objects.devices());
    for (int i = 0; i < objects.devices().size(); i++) {
      Item device = objects.devices().get(i);
      JsonNode netBoxId = device.json().path("id");
      long key = netBoxId.isIntegralNumber() ? netBoxId.asLong() : Long.MIN_VALUE;
      List<JsonNode> interfaces = interfacesOfDevice.getOrDefault(key, List.of());
      List<JsonNode> ownAddresses = addressesOfDevice.getOrDefault(key, List.of());
      emitDevice(device, ids.get(i), interfaces, addressesOfInterface, ownAddresses);
    }
  }

  private void emitDevice(Item device, String id, List<JsonNode> interfaces, Map<Long, List<JsonNode>> addressesOfInterface,
      List<JsonNode> ownAddresses) {
    JsonNode json = device.json();
    String name = Json.text(json, "name");
    String place = location(device, "/api/dcim/devices/") + ": device '" + id + "'";

    Set<String> addresses = new LinkedHashSet<>();
    addAddress(addresses, json.path("primary_ip4"));
    addAddress(addresses, json.path("primary_ip6"));
    Set<String> networks = new TreeSet<>();
    for (JsonNode anInterface : interfaces) {
      addNetwork(networks, Json.id(anInterface, "untagged_vlan"));
      for (JsonNode tagged : anInterface.path("tagged_vlans")) {
        addNetwork(networks, tagged.path("id").isIntegralNumber() ? tagged.path("id").asLong() : null);
      }
      for (JsonNode address : addressesOf(anInterface, addressesOfInterface)) {
        addAddress(addresses, address);
      }
    }
    for (JsonNode address : ownAddresses) {
      addAddress(addresses, address);
    }
    for (String address : addresses) {
      String network = networkOf(address);
      if (network != null) {
        networks.add(network);
      }
    }

    LifecycleStatus status = status(json.path("status"), place);
    LocalDate endOfSupport = date(customField(json, settings.endOfSupportField()), settings.endOfSupportField(), place);
    JsonNode deviceType = json.path("device_type");
    JsonNode role = json.has("role") ? json.path("role") : json.path("device_role");
    emit(device, "/api/dcim/devices/", FactType.DEVICE, id, () -> Device.builder(id)
        .name(name)
        .model(Json.text(deviceType, "model"))
        .serialNumber(Json.text(json, "serial"))
        .macAddress(primaryMac(json, interfaces, addressesOfInterface))
        .ipAddresses(addresses.isEmpty() ? null : List.copyOf(addresses))
        .vendorId(Json.text(deviceType.path("manufacturer"), "slug"))
        .networkIds(networks.isEmpty() ? null : List.copyOf(networks))
        .owner(owner(customField(json, settings.ownerField())))
        .lifecycle(status == null && endOfSupport == null ? null : new Lifecycle(status, endOfSupport, null))
        .attributes(attributes("site", Json.text(json.path("site"), "slug"), "role", Json.text(role, "slug")))
        .build());
  }

  /**
   * The lifecycle status of a device status in any of NetBox's shapes: {@code {"value": "active",
   * "label": "Active"}} (2.6 and later), {@code {"value": 1, "label": "Active"}} or {@code {"value":
   * true, "label": "Active"}} (2.0 to 2.5, read by the label), or plain {@code "active"}. A status that
   * is none of NetBox's is a problem; an absent one is unknown.
   */
  private @Nullable LifecycleStatus status(JsonNode status, String place) {
    if (status.isMissingNode() || status.isNull()) {
      return null;
    }
    String slug = status.path("value").isTextual() ? Json.text(status, "value")
        : status.isObject() ? Json.text(status, "label")
        : status.isTextual() ? status.asText().strip() : null;
    slug = slug == null ? null : slug.toLowerCase(Locale.ROOT);
    if (slug == null || !DEVICE_STATUSES.contains(slug)) {
      problems.add(place + ": status " + status + " is not a NetBox device status (give the device one of "
          + String.join(", ", DEVICE_STATUSES) + " in NetBox)");
      return null;
    }
    return STATUSES.get(slug);
  }

  /** Hands the fact on, or reports a value the fact model refuses at the object's API URL. */
  private void emit(Item item, String endpoint, FactType type, String id, Supplier<Fact> build) {
    Fact fact;
    try {
      fact = build.get();
    } catch (InvalidFactException e) {
      problems.add(location(item, endpoint) + ": " + e.about(type, id).withoutFix() + " (" + e.fix()
          + "; correct the value in NetBox)");
      return;
    }
    sink.accept(fact, origin(item, endpoint));
  }

  /**
   * The MAC address of the device's primary interface: the one holding the primary IP address,
   * else the first that is not for management only, else the first with a MAC address at all.
   */
  private static @Nullable String primaryMac(
      JsonNode device, List<JsonNode> interfaces, Map<Long, List<JsonNode>> addressesOfInterface) {
    Set<Long> primary = new HashSet<>();
    for (String field : List.of("primary_ip", "primary_ip4", "primary_ip6")) {
      Long id = Json.id(device, field);
      if (id != null) {
        primary.add(id);
      }
    }
    for (JsonNode anInterface : interfaces) {
      for (JsonNode address : addressesOf(anInterface, addressesOfInterface)) {
        if (address.path("id").isIntegralNumber() && primary.contains(address.path("id").asLong()) && mac(anInterface) != null) {
          return mac(anInterface);
        }
      }
    }
    for (JsonNode anInterface : interfaces) {
      if (!anInterface.path("mgmt_only").asBoolean(false) && mac(anInterface) != null) {
        return mac(anInterface);
      }
    }
    for (JsonNode anInterface : interfaces) {
      if (mac(anInterface) != null) {
        return mac(anInterface);
      }
    }
    return null;
  }

  // NetBox 4.2 moved MAC addresses into their own objects; mac_address stays as a read-only copy.
  private static @Nullable String mac(JsonNode anInterface) {
    String mac = Json.text(anInterface, "mac_address");
    if (mac == null) {
      mac = Json.text(anInterface.path("primary_mac_address"), "mac_address");
    }
    return mac == null ? null : mac.toLowerCase(Locale.ROOT);
  }

  private static List<JsonNode> addressesOf(JsonNode anInterface, Map<Long, List<JsonNode>> addressesOfInterface) {
    JsonNode id = anInterface.path("id");
    return id.isIntegralNumber() ? addressesOfInterface.getOrDefault(id.asLong(), List.of()) : List.of();
  }

  private static void addAddress(Set<String> addresses, JsonNode address) {
    String text = Json.text(address, "address");
    if (text != null) {
      int slash = text.indexOf('/');
      addresses.add(slash < 0 ? text : text.substring(0, slash));
    }
  }

  private void addNetwork(Set<String> networks, @Nullable Long vlan) {
    String network = vlan == null ? null : networkOfVlan.get(vlan);
    if (network != null) {
      networks.add(network);
    }
  }

  /** The network of the most specific prefix that holds the address; {@code null} when none does. */
  private @Nullable String networkOf(String address) {
    Cidr host = address.indexOf('/') < 0 ? Cidr.parse(address).orElse(null) : null;
    PrefixNetwork best = null;
    if (host != null) {
      for (PrefixNetwork candidate : prefixNetworks) {
        if (candidate.range().contains(host) && (best == null || candidate.range().prefix() > best.range().prefix())) {
          best = candidate;
        }
      }
    }
    return best == null ? null : best.networkId();
  }

  /**
   * {@code vlan-<vid>}; where several VLANs share a vid, each is qualified by its group or site
   * slug, and where that is still ambiguous by its NetBox id.
   */
  private static List<String> vlanIds(List<Item> vlans) {
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
  private List<String> deviceIds(List<Item> devices) {
    List<String> netBoxIds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Item device : devices) {
      netBoxIds.add("netbox-" + device.json().path("id").asText());
      names.add(Json.text(device.json(), "name"));
    }
    if (settings.deviceIds() == NetBoxSettings.DeviceIds.NETBOX_ID) {
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
    List<String> scoped = settings.deviceIds() == NetBoxSettings.DeviceIds.SITE_NAME
        ? IntStream.range(0, devices.size()).mapToObj(atSite).toList()
        : unique(plain, atSite);
    return unique(scoped, i -> names.get(i) == null ? netBoxIds.get(i) : names.get(i) + "@" + netBoxIds.get(i));
  }

  /** The prefix itself; where a prefix repeats (in several VRFs), qualified by VRF name or NetBox id. */
  private static List<String> prefixIds(List<Item> prefixes) {
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

  private static List<String> roleAndTags(JsonNode json) {
    List<String> slugs = new ArrayList<>();
    String role = Json.text(json.path("role"), "slug");
    if (role != null) {
      slugs.add(role);
    }
    for (JsonNode tag : json.path("tags")) {
      String slug = Json.text(tag, "slug");
      if (slug != null) {
        slugs.add(slug);
      }
    }
    return slugs;
  }

  // NetBox 4.2 replaced a prefix's site with a scope that may be a site, region, location…
  private static @Nullable String site(JsonNode prefix) {
    String site = Json.text(prefix.path("site"), "slug");
    if (site == null && "dcim.site".equals(Json.text(prefix, "scope_type"))) {
      site = Json.text(prefix.path("scope"), "slug");
    }
    return site;
  }

  private static JsonNode customField(JsonNode device, String field) {
    return device.path("custom_fields").path(field);
  }

  /** A text custom field, or an object custom field (a user, a contact…) by its display name. */
  private static @Nullable String owner(JsonNode value) {
    if (value.isTextual()) {
      return value.asText().isBlank() ? null : value.asText().strip();
    }
    if (value.isObject()) {
      String display = Json.text(value, "display");
      return display != null ? display : Json.text(value, "name");
    }
    return null;
  }

  /** A date custom field ({@code 2027-06-30}), or a date-time one, by its date. */
  private @Nullable LocalDate date(JsonNode value, String field, String place) {
    if (value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isBlank()) {
      return null;
    }
    String text = value.asText().strip();
    try {
      boolean dateTime = text.length() > 10 && (text.charAt(10) == 'T' || text.charAt(10) == ' ');
      return LocalDate.parse(dateTime ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      problems.add(place + ": custom field '" + field + "' is '" + text + "', not a date"
          + " (write it as YYYY-MM-DD, or make it a custom field of type Date)");
      return null;
    }
  }

  private static Map<String, Object> attributes(String key, @Nullable String value, String otherKey, @Nullable String other) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (value != null) {
      attributes.put(key, value);
    }
    if (other != null) {
      attributes.put(otherKey, other);
    }
    return attributes;
  }

  private Origin origin(Item item, String endpoint) {
    return Origin.of(NetBoxProvider.ID, location(item, endpoint)).collectedAt(item.collectedAt());
  }

  /** The object's API URL as NetBox gives it, or as it would be. */
  private String location(Item item, String endpoint) {
    String url = Json.text(item.json(), "url");
    return url != null ? BaseUrl.display(url) : settings.base().resolve(endpoint + item.json().path("id").asText() + "/").toString();
  }

  /** A prefix devices' addresses are matched against, and the network it belongs to. */
  private record PrefixNetwork(Cidr range, String networkId) {}
}
