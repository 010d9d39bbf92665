package dev.rampart.adapter.netbox;

import static dev.rampart.adapter.netbox.NetBoxSource.DEVICES;
import static dev.rampart.adapter.netbox.NetBoxSource.INTERFACES;
import static dev.rampart.adapter.netbox.NetBoxSource.IP_ADDRESSES;
import static dev.rampart.adapter.netbox.NetBoxSource.PREFIXES;
import static dev.rampart.adapter.netbox.NetBoxSource.VLANS;

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
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.value.Cidr;
import dev.rampart.spi.value.IpAddresses;
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
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Maps NetBox objects onto the fact model: a vendor per manufacturer, a network per VLAN (with the
 * prefixes on it) and per prefix on no VLAN, and a device per NetBox device. What NetBox does not
 * say stays unknown; {@code docs/adapters/netbox.md} has the tables.
 *
 * <p>An object it cannot read (a status nobody mapped, an address that is none, a missing id) is
 * handed to the sink as a skipped record with its page, its index and its id, and the others are
 * read; a device whose interface or address was skipped, or whose VLAN was, is read with the fields
 * that object would have fed (MAC address, addresses, networks) unknown.
 */
final class NetBoxFacts {

  /** NetBox's device statuses that say where a device is in its life. */
  static final Map<String, LifecycleStatus> STATUSES = Map.of(
      "planned", LifecycleStatus.PLANNED,
      "staged", LifecycleStatus.PLANNED,
      "active", LifecycleStatus.ACTIVE,
      "offline", LifecycleStatus.MAINTENANCE,
      "decommissioning", LifecycleStatus.RETIRED);

  /** NetBox's device statuses since 2.0 that say nothing of the lifecycle. */
  static final List<String> SILENT_STATUSES = List.of("failed", "inventory");

  /** Every device status NetBox has had since 2.0. */
  static final List<String> DEVICE_STATUSES =
      List.of("offline", "active", "planned", "staged", "failed", "inventory", "decommissioning");

  private static final String NETBOX_SENDS_NO_SUCH =
      "NetBox never sends this: check the object in NetBox, and any proxy or plugin that changes its answers";

  private final NetBoxSettings settings;
  private final FactSink sink;
  // filled while networks are emitted, read while devices are
  private final Map<Long, String> networkOfVlan = new HashMap<>();
  private final Set<Long> skippedVlans = new HashSet<>();
  private final List<PrefixNetwork> prefixNetworks = new ArrayList<>();
  // the ranges of prefixes skipped, or on a VLAN skipped: an address in one has networks unknown
  private final List<Cidr> unknownRanges = new ArrayList<>();
  // a prefix whose range could not be read: every address's network is unknown
  private boolean rangeUnknown;
  // the devices whose interfaces, addresses or VLANs were skipped: their MAC, addresses and networks are unknown
  private final Set<Long> incomplete = new HashSet<>();
  // each device's id by its NetBox id, and the device of each interface read
  private final Map<Long, String> idOfDevice = new HashMap<>();
  private final Map<Long, Long> deviceOfInterface = new HashMap<>();

  NetBoxFacts(NetBoxSettings settings, FactSink sink) {
    this.settings = settings;
    this.sink = sink;
  }

  /** Hands every fact and every skipped record to the sink. */
  void emit(NetBoxObjects objects) throws SourceException {
    List<Item> devices = readable(objects.devices(), DEVICES, FactType.DEVICE, json -> null);
    List<String> ids = NetBoxIds.devices(devices, settings.deviceIds());
    for (int i = 0; i < devices.size(); i++) {
      idOfDevice.put(devices.get(i).json().path("id").asLong(), ids.get(i));
    }
    emitVendors(devices);
    emitNetworks(readable(objects.vlans(), VLANS, FactType.NETWORK, json -> null),
        readable(objects.prefixes(), PREFIXES, FactType.NETWORK, json -> null));
    List<Item> interfaces = readable(objects.interfaces(), INTERFACES, null, json -> Json.id(json, "device"));
    for (Item item : interfaces) {
      Long device = Json.id(item.json(), "device");
      if (device != null) {
        deviceOfInterface.put(item.json().path("id").asLong(), device);
      }
    }
    emitDevices(devices, ids, interfaces, readable(objects.addresses(), IP_ADDRESSES, null, this::deviceOfAddress));
  }

  /**
   * The objects that are objects with a numeric id; every other element is skipped, and the device it
   * belongs to (by {@code owner}, when that can be told) is read with its links unknown.
   */
  private List<Item> readable(List<Item> items, String endpoint, @Nullable FactType type,
      Function<JsonNode, @Nullable Long> owner) throws SourceException {
    List<Item> readable = new ArrayList<>();
    for (Item item : items) {
      JsonNode json = item.json();
      if (!json.isObject()) {
        skip(item, endpoint, null, null, "is " + json + ", not an object",
            NETBOX_SENDS_NO_SUCH + (type == null ? linksUnknown(null) : ""));
      } else if (!json.path("id").isIntegralNumber()) {
        String name = type == FactType.DEVICE ? Json.text(json, "name") : null;
        JsonNode id = json.path("id");
        skip(item, endpoint, name == null ? null : type, name,
            id.isMissingNode() || id.isNull() ? "has no id" : "id " + id + " is not a number",
            NETBOX_SENDS_NO_SUCH + (type == null ? linksUnknown(owner.apply(json)) : ""));
      } else {
        readable.add(item);
      }
    }
    return readable;
  }

  /**
   * What a skipped interface or address leaves unknown: its device's MAC address, addresses and
   * networks, which it would have fed; {@code device} is {@code null} when the object does not say whose it is.
   */
  private String linksUnknown(@Nullable Long device) {
    String id = device == null ? null : idOfDevice.get(device);
    if (device != null) {
      incomplete.add(device);
    }
    return id == null ? "; the device it belongs to cannot be told, so its MAC address, addresses and networks may be"
        + " incomplete" : "; device '" + id + "' is read with its MAC address, addresses and networks unknown";
  }

  /** The NetBox id of the device an address is assigned to, in the forms before and since NetBox 2.9. */
  private @Nullable Long deviceOfAddress(JsonNode address) {
    if (address.has("assigned_object_type")) {
      JsonNode anInterface = address.path("assigned_object_id");
      return anInterface.isIntegralNumber() ? deviceOfInterface.get(anInterface.asLong()) : null;
    }
    return Json.id(address.path("interface"), "device");
  }

  private void emitVendors(List<Item> devices) {
    Map<String, Item> manufacturers = new LinkedHashMap<>();
    for (Item device : devices) {
      JsonNode manufacturer = device.json().path("device_type").path("manufacturer");
      String slug = Json.text(manufacturer, "slug");
      if (slug != null) {
        manufacturers.putIfAbsent(slug,
            new Item(manufacturer, device.collectedAt(), device.answer(), device.member() + ".device_type.manufacturer"));
      }
    }
    manufacturers.forEach((slug, manufacturer) -> sink.accept(
        Vendor.builder(slug).name(Json.text(manufacturer.json(), "name")).build(),
        origin(manufacturer, "/api/dcim/manufacturers/")));
  }

  private void emitNetworks(List<Item> allVlans, List<Item> prefixes) throws SourceException {
    List<Item> vlans = new ArrayList<>();
    for (Item vlan : allVlans) {
      JsonNode vid = vlan.json().path("vid");
      if (vid.isIntegralNumber()) {
        vlans.add(vlan);
      } else {
        skippedVlans.add(vlan.json().path("id").asLong());
        skip(vlan, VLANS, null, null, "vid " + vid + " is not a VLAN id",
            NETBOX_SENDS_NO_SUCH + "; the devices on it are read with their networks unknown");
      }
    }
    List<String> vlanIds = NetBoxIds.vlans(vlans);
    for (int i = 0; i < vlans.size(); i++) {
      networkOfVlan.put(vlans.get(i).json().path("id").asLong(), vlanIds.get(i));
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
        rangeUnknown = true;
        skip(prefix, PREFIXES, null, null, "prefix " + json.path("prefix") + " is not an address range",
            NETBOX_SENDS_NO_SUCH + "; the devices with addresses are read with their networks unknown");
        continue;
      }
      Long vlanId = Json.id(json, "vlan");
      String vlan = networkOfVlan.get(vlanId);
      if (vlan != null) {
        prefixesOnVlan.computeIfAbsent(vlan, key -> new ArrayList<>()).add(json);
        prefixNetworks.add(new PrefixNetwork(range, vlan));
      } else if (vlanId != null && skippedVlans.contains(vlanId)) {
        unknownRanges.add(range); // its VLAN's network is unknown, and so is the network of the addresses in it
      } else {
        alone.add(prefix);
        aloneRanges.add(range);
      }
    }
    for (int i = 0; i < vlans.size(); i++) {
      emitVlan(vlans.get(i), vlanIds.get(i), prefixesOnVlan.getOrDefault(vlanIds.get(i), List.of()));
    }
    List<String> prefixIds = NetBoxIds.prefixes(alone);
    for (int i = 0; i < alone.size(); i++) {
      prefixNetworks.add(new PrefixNetwork(aloneRanges.get(i), prefixIds.get(i)));
      emitPrefix(alone.get(i), prefixIds.get(i));
    }
  }

  private void emitVlan(Item vlan, String id, List<JsonNode> prefixes) throws SourceException {
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
    String cidrOfVlan = cidr;
    emit(vlan, VLANS, FactType.NETWORK, id, () -> Network.builder(id)
        .name(Json.text(json, "name"))
        .zone(settings.zones().first(slugs))
        .vlan(json.path("vid").asInt())
        .cidr(cidrOfVlan)
        .attributes(attributes("site", Json.text(json.path("site"), "slug"), "group", Json.text(json.path("group"), "slug")))
        .build());
  }

  private void emitPrefix(Item prefix, String id) throws SourceException {
    JsonNode json = prefix.json();
    emit(prefix, PREFIXES, FactType.NETWORK, id, () -> Network.builder(id)
        .name(Json.text(json, "description"))
        .zone(settings.zones().first(roleAndTags(json)))
        .cidr(Json.text(json, "prefix"))
        .attributes(attributes("site", site(json), "vrf", Json.text(json.path("vrf"), "name")))
        .build());
  }

  private void emitDevices(List<Item> devices, List<String> ids, List<Item> interfaces, List<Item> addresses)
      throws SourceException {
    Map<Long, List<JsonNode>> interfacesOfDevice = new HashMap<>();
    for (Item item : interfaces) {
      Long device = Json.id(item.json(), "device");
      if (device == null) {
        skip(item, INTERFACES, null, null, "device " + item.json().path("device") + " names no device",
            NETBOX_SENDS_NO_SUCH + linksUnknown(null));
        continue;
      }
      interfacesOfDevice.computeIfAbsent(device, key -> new ArrayList<>()).add(item.json());
    }
    Map<Long, List<JsonNode>> addressesOfInterface = new HashMap<>();
    // NetBox before 2.9 names the interface and its device in the address itself
    Map<Long, List<JsonNode>> addressesOfDevice = new HashMap<>();
    for (Item item : addresses) {
      JsonNode json = item.json();
      boolean since29 = json.has("assigned_object_type");
      if (since29 && !"dcim.interface".equals(Json.text(json, "assigned_object_type"))
          || !since29 && Json.id(json, "interface") == null) {
        continue; // a virtual machine's, or assigned to nothing
      }
      JsonNode assigned = json.path("assigned_object_id");
      Long anInterface = since29 ? (assigned.isIntegralNumber() ? assigned.asLong() : null) : Json.id(json, "interface");
      String address = Json.text(json, "address");
      String host = address == null ? null : address.substring(0, address.indexOf('/') < 0 ? address.length() : address.indexOf('/'));
      if (anInterface == null) {
        skip(item, IP_ADDRESSES, null, null, "assigned_object_id " + assigned + " names no interface",
            NETBOX_SENDS_NO_SUCH + linksUnknown(null));
        continue;
      }
      if (!IpAddresses.isAddress(host)) {
        skip(item, IP_ADDRESSES, null, null, "address " + json.path("address") + " is not an IP address",
            "correct the address in NetBox, e.g. 192.0.2.10/24" + linksUnknown(deviceOfAddress(json)));
        continue;
      }
      addressesOfInterface.computeIfAbsent(anInterface, key -> new ArrayList<>()).add(json);
      Long device = deviceOfAddress(json);
      if (device != null && !since29) {
        addressesOfDevice.computeIfAbsent(device, key -> new ArrayList<>()).add(json);
      }
    }
    for (int i = 0; i < devices.size(); i++) {
      Item device = devices.get(i);
      long key = device.json().path("id").asLong();
      emitDevice(device, ids.get(i), interfacesOfDevice.getOrDefault(key, List.of()), addressesOfInterface,
          addressesOfDevice.getOrDefault(key, List.of()), incomplete.contains(key));
    }
  }

  private void emitDevice(Item device, String id, List<JsonNode> interfaces, Map<Long, List<JsonNode>> addressesOfInterface,
      List<JsonNode> ownAddresses, boolean incompleteLinks) throws SourceException {
    JsonNode json = device.json();
    JsonNode nameNode = json.path("name");
    if (!(nameNode.isMissingNode() || nameNode.isNull() || nameNode.isTextual())) {
      skip(device, DEVICES, FactType.DEVICE, id, "name " + nameNode + " is not text", NETBOX_SENDS_NO_SUCH);
      return;
    }
    String name = Json.text(json, "name");

    Set<String> addresses = new LinkedHashSet<>();
    addAddress(addresses, json.path("primary_ip4"));
    addAddress(addresses, json.path("primary_ip6"));
    Set<String> networks = new TreeSet<>();
    boolean vlanSkipped = false;
    for (JsonNode anInterface : interfaces) {
      vlanSkipped |= addNetwork(networks, Json.id(anInterface, "untagged_vlan"));
      for (JsonNode tagged : anInterface.path("tagged_vlans")) {
        vlanSkipped |= addNetwork(networks, tagged.path("id").isIntegralNumber() ? tagged.path("id").asLong() : null);
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
    boolean networksUnknown = incompleteLinks || vlanSkipped
        || addresses.stream().anyMatch(address -> rangeUnknown || inUnknownRange(address));

    List<String> problems = new ArrayList<>();
    LifecycleStatus status = status(json.path("status"), problems);
    LocalDate endOfSupport = date(customField(json, settings.endOfSupportField()), settings.endOfSupportField(), problems);
    if (!problems.isEmpty()) {
      skip(device, DEVICES, FactType.DEVICE, id, problems);
      return;
    }
    JsonNode deviceType = json.path("device_type");
    JsonNode role = json.has("role") ? json.path("role") : json.path("device_role");
    emit(device, DEVICES, FactType.DEVICE, id, () -> Device.builder(id)
        .name(name)
        .model(Json.text(deviceType, "model"))
        .serialNumber(Json.text(json, "serial"))
        .macAddress(incompleteLinks ? null : primaryMac(json, interfaces, addressesOfInterface))
        .ipAddresses(incompleteLinks || addresses.isEmpty() ? null : List.copyOf(addresses))
        .vendorId(Json.text(deviceType.path("manufacturer"), "slug"))
        .networkIds(networksUnknown || networks.isEmpty() ? null : List.copyOf(networks))
        .owner(owner(customField(json, settings.ownerField())))
        .lifecycle(status == null && endOfSupport == null ? null : new Lifecycle(status, endOfSupport, null))
        .attributes(attributes("site", Json.text(json.path("site"), "slug"), "role", Json.text(role, "slug")))
        .build());
  }

  /**
   * The lifecycle status of a device status in any of NetBox's shapes: {@code {"value": "active",
   * "label": "Active"}} (2.6 and later), {@code {"value": 1, "label": "Active"}} or {@code {"value":
   * true, "label": "Active"}} (2.0 to 2.5, read by the label), or plain {@code "active"}. A status that
   * is none of NetBox's and not in the option statusMap is a problem; an absent one is unknown.
   */
  private @Nullable LifecycleStatus status(JsonNode status, List<String> problems) {
    if (status.isMissingNode() || status.isNull()) {
      return null;
    }
    String slug = status.path("value").isTextual() ? Json.text(status, "value")
        : status.isObject() ? Json.text(status, "label")
        : status.isTextual() ? status.asText().strip() : null;
    if (slug == null || !settings.statuses().knows(slug)) {
      String example = slug == null || slug.contains(",") || slug.contains(":") ? "VALUE" : slug.toLowerCase(Locale.ROOT);
      problems.add("status " + status + " is not a NetBox device status (map it with the source option "
          + NetBoxProvider.STATUS_MAP + ", e.g. " + NetBoxProvider.STATUS_MAP + "=" + example + ":retired, to one of planned,"
          + " active, maintenance, retired or unknown; or give the device one of " + String.join(", ", DEVICE_STATUSES)
          + " in NetBox)");
      return null;
    }
    return settings.statuses().status(slug);
  }

  /** Hands the fact on, or skips the object whose value the fact model refuses. */
  private void emit(Item item, String endpoint, FactType type, String id, Supplier<Fact> build) throws SourceException {
    Fact fact;
    try {
      fact = build.get();
    } catch (InvalidFactException e) {
      skip(item, endpoint, type, id, e.pathText() + " " + e.what(), e.fix() + "; correct the value in NetBox");
      return;
    }
    sink.accept(fact, origin(item, endpoint));
  }

  private void skip(Item item, String endpoint, @Nullable FactType type, @Nullable String id, String what, String fix)
      throws SourceException {
    skip(item, endpoint, type, id, List.of(what + " (" + fix + ")"));
  }

  /** Hands the sink a record it could not read, each problem prefixed by its page, index and identity. */
  private void skip(Item item, String endpoint, @Nullable FactType type, @Nullable String id, List<String> whats)
      throws SourceException {
    String place = place(item);
    List<String> problems = whats.stream().map(what -> place + ": " + what).toList();
    Origin origin = origin(item, endpoint);
    sink.skipped(type == null || id == null ? SkippedRecord.unidentified(origin, problems)
        : SkippedRecord.of(origin, type, id, problems));
  }

  /** {@code PAGE: results[3] (id 42, name 'PP:MDF')}, naming what NetBox gave of the object's identity. */
  private static String place(Item item) {
    JsonNode json = item.json();
    List<String> identity = new ArrayList<>();
    if (json.path("id").isIntegralNumber()) {
      identity.add("id " + json.path("id").asLong());
    }
    for (String field : List.of("name", "prefix", "address")) {
      if (json.path(field).isTextual()) {
        identity.add(field + " '" + json.path(field).asText() + "'");
        break;
      }
    }
    return item.place() + (identity.isEmpty() ? "" : " (" + String.join(", ", identity) + ")");
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

  /** Adds the network of a VLAN; true when the VLAN was skipped, so that the device's networks are unknown. */
  private boolean addNetwork(Set<String> networks, @Nullable Long vlan) {
    String network = vlan == null ? null : networkOfVlan.get(vlan);
    if (network != null) {
      networks.add(network);
    }
    return vlan != null && skippedVlans.contains(vlan);
  }

  private boolean inUnknownRange(String address) {
    Cidr host = Cidr.parse(address).orElse(null);
    return host != null && unknownRanges.stream().anyMatch(range -> range.contains(host));
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
  private static @Nullable LocalDate date(JsonNode value, String field, List<String> problems) {
    if (value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isBlank()) {
      return null;
    }
    String text = value.asText().strip();
    try {
      boolean dateTime = text.length() > 10 && (text.charAt(10) == 'T' || text.charAt(10) == ' ');
      return LocalDate.parse(dateTime ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      problems.add("custom field '" + field + "' is '" + text + "', not a date"
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
