package dev.rampart.adapter.netbox;

import static dev.rampart.adapter.netbox.RecordedNetBox.DEVICES;
import static dev.rampart.adapter.netbox.RecordedNetBox.TOKEN;
import static dev.rampart.adapter.netbox.RecordedNetBox.page;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.adapter.testkit.RecordedServer;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.Lifecycle;
import dev.rampart.spi.fact.LifecycleStatus;
import dev.rampart.spi.fact.Network;
import dev.rampart.spi.fact.Vendor;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages written by others: pynetbox's test fixtures of {@code /api/dcim/devices/}, {@code /api/ipam/vlans/} and
 * {@code /api/ipam/prefixes/} (NetBox 2.x), and the examples of NetBox's own REST API documentation (2.10+), served
 * by the recorded NetBox. Where each comes from and what was changed: {@code real-world/PROVENANCE.md} in the test
 * resources.
 */
class NetBoxRealWorldTest {

  private static final String SCENARIO = "pynetbox";
  private static final String DOCS = "netbox-docs";
  private static final Lifecycle ACTIVE = new Lifecycle(LifecycleStatus.ACTIVE, null, null);

  @AutoClose
  private final RecordedServer netBox = RecordedNetBox.start();

  @BeforeEach
  void recordTheAnswers() {
    netBox.answer(SCENARIO, DEVICES, page("real-world/pynetbox-devices.json"));
    netBox.answer(SCENARIO, "/api/dcim/interfaces/?limit=1000", page("real-world/empty-page.json"));
    // NetBox before 2.9 ignores the filter assigned_object_type and answers in its own form
    netBox.answer(SCENARIO, "/api/ipam/ip-addresses/?limit=1000&assigned_object_type=dcim.interface",
        page("real-world/pynetbox-ip-addresses.json"));
    netBox.answer(SCENARIO, "/api/ipam/vlans/?limit=1000", page("real-world/pynetbox-vlans.json"));
    netBox.answer(SCENARIO, "/api/ipam/prefixes/?limit=1000", page("real-world/pynetbox-prefixes.json"));

    netBox.answer(DOCS, DEVICES, page("real-world/empty-page.json"));
    netBox.answer(DOCS, "/api/dcim/interfaces/?limit=1000", page("real-world/empty-page.json"));
    netBox.answer(DOCS, "/api/ipam/ip-addresses/?limit=1000&assigned_object_type=dcim.interface",
        page("real-world/netbox-docs-ip-addresses.json"));
    netBox.answer(DOCS, "/api/ipam/vlans/?limit=1000", page("real-world/netbox-docs-vlans.json"));
    netBox.answer(DOCS, "/api/ipam/prefixes/?limit=1000", page("real-world/netbox-docs-prefixes.json"));
  }

  @Test
  void pynetboxsFixturesBecomeAVendorNetworksAndDevices() throws SourceException {
    List<Fact> facts = read().keySet().stream().toList();

    // status {value: true, label: Active} is NetBox 2.x's, read by its label. Addresses in NetBox's pre-2.9 form
    // name their interface and its device; 10.0.254.2 is test1-core2's, a device not read here, so it yields nothing.
    // The role slug lab-network is no zone and not in a zoneMap: the zone stays unknown.
    assertEquals(List.of(
        Vendor.builder("juniper").name("Juniper").build(),
        Network.builder("vlan-999").name("TEST").vlan(999).attributes(Map.of("site", "test1")).build(),
        Network.builder("vlan-2069").name("v2069").vlan(2069).attributes(Map.of("site", "test1")).build(),
        Network.builder("vlan-1210").name("v1210").vlan(1210).attributes(Map.of("site", "test1")).build(),
        Network.builder("10.0.255.0/24").cidr("10.0.255.0/24").attributes(Map.of("site", "test1")).build(),
        Network.builder("10.1.1.0/24").cidr("10.1.1.0/24").attributes(Map.of("site", "test1")).build(),
        Device.builder("test1-core1").name("test1-core1").model("EX9214").vendorId("juniper")
            .ipAddresses(List.of("10.0.254.1", "10.15.22.2")).lifecycle(ACTIVE)
            .attributes(RecordedNetBox.attributes("test1", "core-switch")).build(),
        Device.builder("test1-edge1").name("test1-edge1").model("MX960").serialNumber("5555555555").vendorId("juniper")
            .ipAddresses(List.of("10.0.255.1", "10.15.20.1", "169.254.254.1")).networkIds(List.of("10.0.255.0/24"))
            .lifecycle(ACTIVE).attributes(RecordedNetBox.attributes("test1", "router")).build(),
        Device.builder("test1-leaf1").name("test1-leaf1").model("QFX5100-48S").vendorId("juniper").lifecycle(ACTIVE)
            .attributes(RecordedNetBox.attributes("test1", "leaf-switch")).build()),
        facts);
  }

  @Test
  void objectsWithoutAUrlAreLocatedByTheirIdAndLinksAreKeptAsNetBoxWroteThem() throws SourceException {
    List<String> locations = read().values().stream().map(Origin::location).toList();

    String base = netBox.url(SCENARIO);
    assertEquals(List.of("http://localhost:8000/api/dcim/manufacturers/1/",
        base + "/api/ipam/vlans/1/", base + "/api/ipam/vlans/2/", base + "/api/ipam/vlans/3/",
        base + "/api/ipam/prefixes/2/", base + "/api/ipam/prefixes/1/",
        base + "/api/dcim/devices/2/", base + "/api/dcim/devices/1/", base + "/api/dcim/devices/4/"), locations);
  }

  @Test
  void netBoxsOwnApiExamplesBecomeNetworksAndTheContainerIsSkipped() throws SourceException {
    Map<Fact, Origin> facts = read(DOCS);

    // prefix 13980 is a container, an address plan, so 192.0.2.0/24 is prefix 18691's alone and needs no @vrf;
    // address 2954 is on an interface that was not read (no device holds it here), so it yields nothing
    assertEquals(List.of(
        Network.builder("vlan-101").name("Users-Floor1").vlan(101)
            .attributes(Map.of("site", "corporate-hq", "group", "production")).build(),
        Network.builder("192.0.2.0/24").cidr("192.0.2.0/24").attributes(Map.of("site", "us-east-4")).build()),
        facts.keySet().stream().toList());
    assertEquals(List.of(netBox.url(DOCS) + "/api/ipam/vlans/1048/", "http://netbox/api/ipam/prefixes/18691/"),
        facts.values().stream().map(Origin::location).toList());
  }

  private Map<Fact, Origin> read() throws SourceException {
    return read(SCENARIO);
  }

  private Map<Fact, Origin> read(String scenario) throws SourceException {
    Map<Fact, Origin> facts = new LinkedHashMap<>();
    new NetBoxProvider(Map.of("NETBOX_TOKEN", TOKEN)::get, wait -> { },
        Clock.fixed(Instant.parse("2001-01-01T00:00:00Z"), ZoneOffset.UTC))
        .create(SourceConfig.of(netBox.url(scenario))).read(facts::put);
    return facts;
  }
}
