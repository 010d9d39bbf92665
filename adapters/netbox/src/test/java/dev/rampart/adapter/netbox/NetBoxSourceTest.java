package dev.rampart.adapter.netbox;

import static dev.rampart.adapter.netbox.RecordedNetBox.DEVICES;
import static dev.rampart.adapter.netbox.RecordedNetBox.DEVICES_2;
import static dev.rampart.adapter.netbox.RecordedNetBox.DEVICES_3;
import static dev.rampart.adapter.netbox.RecordedNetBox.INTERFACES;
import static dev.rampart.adapter.netbox.RecordedNetBox.IP_ADDRESSES;
import static dev.rampart.adapter.netbox.RecordedNetBox.VLANS;
import static dev.rampart.adapter.netbox.RecordedNetBox.TOKEN;
import static dev.rampart.adapter.netbox.RecordedNetBox.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.adapter.testkit.RecordedServer;
import dev.rampart.adapter.testkit.RecordingSink;
import dev.rampart.adapter.testkit.RecordedServer.Reply;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.Lifecycle;
import dev.rampart.spi.fact.LifecycleStatus;
import dev.rampart.spi.fact.Network;
import dev.rampart.spi.fact.Vendor;
import dev.rampart.spi.fact.Zone;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetBoxSourceTest {

  private static final Instant CLOCK = Instant.parse("2001-01-01T00:00:00Z");
  private static final Map<String, String> ZONES = Map.of("zoneMap", "cameras:iot,mgmt:management");

  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> environment = new HashMap<>(Map.of("NETBOX_TOKEN", TOKEN));
  @AutoClose
  private final RecordedServer netBox = RecordedNetBox.start();

  @Test
  void theRecordedSiteBecomesVendorsNetworksAndDevices() throws SourceException {
    List<Fact> facts = read(new SourceConfig(netBox.url(""), ZONES)).keySet().stream().toList();

    assertEquals(List.of(
        Vendor.builder("axis").name("Axis Communications").build(),
        Vendor.builder("siemens").name("Siemens").build(),
        Vendor.builder("raspberry-pi").name("Raspberry Pi").build(),
        Vendor.builder("cisco").name("Cisco").build(),
        Network.builder("vlan-20@harbour").name("iot-cameras").zone(Zone.IOT).vlan(20).cidr("10.20.0.0/24")
            .attributes(Map.of("site", "harbour")).build(),
        Network.builder("vlan-30").name("ot-control").zone(Zone.OT).vlan(30).cidr("10.30.0.0/24")
            .attributes(Map.of("site", "harbour")).build(),
        Network.builder("vlan-99").name("guest-wifi").zone(Zone.GUEST).vlan(99).attributes(Map.of("site", "harbour")).build(),
        Network.builder("vlan-20@lab").name("lab-cameras").vlan(20).attributes(Map.of("group", "lab")).build(),
        Network.builder("192.168.50.0/24").name("Edge management").zone(Zone.MANAGEMENT).cidr("192.168.50.0/24")
            .attributes(Map.of("site", "harbour")).build(),
        Device.builder("cam-lobby-01").name("cam-lobby-01").model("AXIS P3265-LVE").serialNumber("ACCC8EF1A2B3")
            .macAddress("ac:cc:8e:f1:a2:b3").ipAddresses(List.of("10.20.0.11", "2001:db8:20::11")).vendorId("axis")
            .networkIds(List.of("vlan-20@harbour")).owner("facilities")
            .lifecycle(new Lifecycle(LifecycleStatus.ACTIVE, LocalDate.of(2029, 12, 31), null))
            .attributes(RecordedNetBox.attributes("harbour", "camera")).build(),
        Device.builder("cam-yard-02").name("cam-yard-02").model("AXIS P3265-LVE").serialNumber("ACCC8EF1C4D5")
            .macAddress("ac:cc:8e:f1:c4:d5").vendorId("axis").networkIds(List.of("vlan-20@harbour"))
            .lifecycle(new Lifecycle(LifecycleStatus.PLANNED, null, null))
            .attributes(RecordedNetBox.attributes("harbour", "camera")).build(),
        Device.builder("plc-line-1").name("plc-line-1").model("SIMATIC S7-1500").serialNumber("S C-X4U12345")
            .macAddress("28:63:36:0a:0b:0c").ipAddresses(List.of("10.30.0.5")).vendorId("siemens")
            .networkIds(List.of("vlan-30")).owner("OT engineering")
            .lifecycle(new Lifecycle(LifecycleStatus.MAINTENANCE, LocalDate.of(2027, 6, 30), null))
            .attributes(RecordedNetBox.attributes("harbour", "plc")).build(),
        Device.builder("netbox-15").model("Raspberry Pi 4 Model B").vendorId("raspberry-pi")
            .attributes(RecordedNetBox.attributes("harbour", "sbc")).build(),
        Device.builder("gw-edge-01").name("gw-edge-01").model("IR1101").serialNumber("FCW2345L0AB")
            .macAddress("00:1b:54:aa:bb:02").ipAddresses(List.of("192.168.50.2")).vendorId("cisco")
            .networkIds(List.of("192.168.50.0/24", "vlan-20@harbour", "vlan-30")).owner("Network Team")
            .lifecycle(new Lifecycle(LifecycleStatus.RETIRED, LocalDate.of(2026, 7, 31), null))
            .attributes(RecordedNetBox.attributes("harbour", "gateway")).build()),
        facts);
  }

  @Test
  void eachFactsOriginIsItsApiUrlAndTheTimeInNetBoxsDateHeader() throws SourceException {
    Instant before = Instant.now().minusSeconds(2);
    List<Origin> origins = read(new SourceConfig(netBox.url(""), ZONES)).values().stream().toList();

    String base = netBox.url("");
    assertEquals(List.of(
        base + "/api/dcim/manufacturers/2/", base + "/api/dcim/manufacturers/5/", base + "/api/dcim/manufacturers/7/",
        base + "/api/dcim/manufacturers/1/", base + "/api/ipam/vlans/1/", base + "/api/ipam/vlans/2/",
        base + "/api/ipam/vlans/3/", base + "/api/ipam/vlans/4/", base + "/api/ipam/prefixes/5/",
        base + "/api/dcim/devices/12/", base + "/api/dcim/devices/13/", base + "/api/dcim/devices/14/",
        base + "/api/dcim/devices/15/", base + "/api/dcim/devices/16/"),
        origins.stream().map(Origin::location).toList());
    for (Origin origin : origins) {
      assertEquals("netbox", origin.sourceId());
      // the server's Date header, which has whole seconds, not the source's clock
      assertTrue(origin.collectedAt().isAfter(before) && !origin.collectedAt().isAfter(Instant.now()), origin.toString());
    }
  }

  @Test
  void pagesAreFollowedThroughNextUntilItIsNull() throws SourceException {
    read(SourceConfig.of(netBox.url("")));

    assertEquals(List.of(DEVICES, DEVICES_2, DEVICES_3,
        "/api/dcim/interfaces/?limit=1000",
        "/api/ipam/ip-addresses/?limit=1000&assigned_object_type=dcim.interface",
        "/api/ipam/vlans/?limit=1000",
        "/api/ipam/prefixes/?limit=1000"), netBox.requests());
    assertEquals(List.of("Token " + TOKEN), netBox.authorizations().stream().distinct().toList());
  }

  @Test
  void theOptionPageSizeSetsTheLimitOfTheFirstPage() {
    assertThrows(SourceException.class, () -> read(new SourceConfig(netBox.url(""), Map.of("pageSize", "250"))));

    assertEquals("/api/dcim/devices/?limit=250&exclude=config_context", netBox.requests().get(0));
  }

  @Test
  void aVersion2TokenIsSentAsBearer() {
    environment.put("NETBOX_TOKEN", "nbt_4f9a2c.Zq8xL0pR7mN2vB5kT1wY");

    assertThrows(SourceException.class, () -> read(SourceConfig.of(netBox.url(""))));

    assertEquals("Bearer nbt_4f9a2c.Zq8xL0pR7mN2vB5kT1wY", netBox.authorizations().get(0));
  }

  @Test
  void theTokenCanComeFromAFile(@TempDir Path directory) throws IOException, SourceException {
    Path file = Files.writeString(directory.resolve("netbox-token"), TOKEN + "\n");
    environment.clear();

    assertEquals(14, read(new SourceConfig(netBox.url(""), Map.of("tokenFile", file.toString()))).size());
  }

  @Test
  void a429IsTriedAgainAfterTheWaitThatRetryAfterAsksFor() throws SourceException {
    netBox.answer("busy", DEVICES, Reply.json(429, "{\"detail\": \"Request was throttled. Expected available in 7 seconds.\"}")
        .with("Retry-After", "7"));

    assertEquals(14, read(SourceConfig.of(netBox.url("busy"))).size());

    assertEquals(List.of(Duration.ofSeconds(7)), waits);
  }

  @Test
  void aRetryAfterOfMoreThanAMinuteIsCappedAtAMinute() throws SourceException {
    netBox.answer("busy", DEVICES, Reply.json(429, "{}").with("Retry-After", "3600"));

    read(SourceConfig.of(netBox.url("busy")));

    assertEquals(List.of(Duration.ofSeconds(60)), waits);
  }

  @Test
  void a500IsTriedAgainAfterABackoffOfHalfASecondToASecond() throws SourceException {
    netBox.answer("flaky", DEVICES_3, Reply.json(500, "<h1>Server Error (500)</h1>"));

    assertEquals(14, read(SourceConfig.of(netBox.url("flaky"))).size());

    assertEquals(1, waits.size());
    assertBetween(Duration.ofMillis(500), Duration.ofSeconds(1), waits.get(0));
  }

  @Test
  void a500OnEveryAttemptGivesUpAfterTheAttemptsOfTheOptionRetries() {
    netBox.answer("down", DEVICES, Reply.json(503, ""), Reply.json(503, ""), Reply.json(503, ""), Reply.json(503, ""));

    SourceException failure = assertThrows(SourceException.class,
        () -> read(new SourceConfig(netBox.url("down"), Map.of("retries", "4"))));

    assertEquals(List.of("cannot read " + netBox.url("down") + DEVICES + ": HTTP 503 Service Unavailable, 4 attempts in all"
        + " (NetBox keeps failing: look at its logs, try again later, or raise the option retries)"), failure.problems());
    assertEquals(3, waits.size());
    assertBetween(Duration.ofMillis(500), Duration.ofSeconds(1), waits.get(0));
    assertBetween(Duration.ofSeconds(1), Duration.ofSeconds(2), waits.get(1));
    assertBetween(Duration.ofSeconds(2), Duration.ofSeconds(4), waits.get(2));
  }

  @Test
  void aPageCutOffNamesTheLineAndColumnWhereItEnds() {
    netBox.answer("cut-off", DEVICES_2, page("devices-2-truncated.json"));

    SourceException failure = assertThrows(SourceException.class, () -> read(SourceConfig.of(netBox.url("cut-off"))));

    assertEquals(List.of("cannot read " + netBox.url("cut-off") + DEVICES_2
        + ": the answer ends in the middle of the JSON at line 38, column 23"
        + " (the answer was cut off or garbled on the way: try again, or lower the option pageSize)"), failure.problems());
  }

  @Test
  void aNextLinkToAnotherServerIsNotFollowed() {
    netBox.answer("proxied", DEVICES, page("devices-next-elsewhere.json"));

    SourceException failure = assertThrows(SourceException.class, () -> read(SourceConfig.of(netBox.url("proxied"))));

    assertEquals(List.of("cannot read " + netBox.url("proxied") + DEVICES + ": the next page is at"
        + " 'http://localhost:8000/api/dcim/devices/', which is not on " + netBox.url("proxied")
        + " (Rampart sends the token only to the configured server; if NetBox runs behind a reverse proxy,"
        + " make the proxy pass the Host and X-Forwarded-Proto headers so that NetBox links to itself)"), failure.problems());
    assertEquals(List.of("/proxied" + DEVICES), netBox.requests());
  }

  @Test
  void aRefusedTokenSaysWhereTheTokenCameFromAndWhatItNeeds() {
    environment.put("NETBOX_TOKEN", "feedfacefeedfacefeedfacefeedfacefeedface");

    SourceException failure = assertThrows(SourceException.class, () -> read(SourceConfig.of(netBox.url(""))));

    assertEquals(List.of("cannot read " + netBox.url("") + DEVICES + ": HTTP 403 Forbidden: \"Invalid token\""
        + " (check that the token in $NETBOX_TOKEN is valid and has read permission on devices, interfaces,"
        + " IP addresses, VLANs and prefixes)"), failure.problems());
  }

  @Test
  void invalidValuesAreAllReportedWithTheObjectsUrl() {
    netBox.answer("typo", DEVICES, page("devices-bad-date.json"));

    SourceException failure = assertThrows(SourceException.class, () -> read(SourceConfig.of(netBox.url("typo"))));

    assertEquals(List.of(netBox.url("typo") + DEVICES + ": results[0] (id 16, name 'gw-edge-01'): custom field"
        + " 'end_of_support' is '31/07/2026', not a date (write it as YYYY-MM-DD, or make it a custom field of type Date)"),
        failure.problems());
  }

  @Test
  void aValueTheFactModelRefusesIsReportedWithTheObjectsUrl() {
    netBox.answer("leading-zero", DEVICES, page("devices-bad-address.json"));

    SourceException failure =
        assertThrows(SourceException.class, () -> read(SourceConfig.of(netBox.url("leading-zero"))));

    assertEquals(List.of(netBox.url("leading-zero") + DEVICES + ": results[0] (id 16, name 'gw-edge-01'): ipAddresses[0]"
        + " '192.168.050.2' is not an IP address (write an IPv4 address such as 192.0.2.10 or an IPv6 address such as"
        + " 2001:db8::10; correct the value in NetBox)"), failure.problems());
  }

  @Test
  void theOwnerAndEndOfSupportFieldsCanBeRenamed() throws SourceException {
    Map<Fact, Origin> facts = read(new SourceConfig(netBox.url(""), Map.of("ownerField", "end_of_support",
        "endOfSupportField", "owner_until")));

    Device camera = (Device) facts.keySet().stream().filter(fact -> fact.id().equals("cam-lobby-01")).findFirst().orElseThrow();
    assertEquals("2029-12-31", camera.owner());
    assertEquals(new Lifecycle(LifecycleStatus.ACTIVE, null, null), camera.lifecycle());
  }

  @Test
  void theTokenAppearsInNoMessageEvenWhenTheServerRepeatsIt() {
    netBox.answer("echo", DEVICES, Reply.json(400, "{\"detail\": \"Malformed header 'Token " + TOKEN + "'\"}"))
        .answer("down", DEVICES, Reply.json(500, TOKEN), Reply.json(500, TOKEN), Reply.json(500, TOKEN))
        .answer("cut-off", DEVICES_2, page("devices-2-truncated.json"))
        .answer("proxied", DEVICES, page("devices-next-elsewhere.json"))
        .answer("unauthorized", DEVICES, Reply.json(401, "{\"detail\": \"Invalid token " + TOKEN + "\"}"));
    List<String> messages = new ArrayList<>();
    for (String location : List.of(netBox.url("echo"), netBox.url("down"), netBox.url("cut-off"), netBox.url("proxied"),
        netBox.url("unauthorized"), "http://127.0.0.1:1", "http://" + TOKEN + "@127.0.0.1:1", "https://127.0.0.1:1/?token=" + TOKEN)) {
      SourceException failure = assertThrows(SourceException.class, () -> read(SourceConfig.of(location)));
      messages.add(failure.getMessage());
      messages.addAll(failure.problems());
      messages.add(String.valueOf(failure.getCause()));
    }

    assertEquals(8 * 3, messages.size());
    for (String message : messages) {
      assertFalse(message.contains(TOKEN), message);
    }
    assertTrue(messages.get(0).endsWith(": HTTP 400 Bad Request: \"Malformed header 'Token [secret]'\""
        + " (check that " + netBox.url("echo") + " is a NetBox server and the source's options are right)"), messages.get(0));
  }

  @Test
  void aNameAtTwoSitesBecomesTwoDevicesQualifiedBySiteAndAUniqueNameStaysAsItIs() throws SourceException {
    netBox.answer("two-sites", DEVICES, page("devices-same-name.json"));

    Map<String, String> names = namesById(read(SourceConfig.of(netBox.url("two-sites"))));

    assertEquals(Map.of("PP:MDF@ncsu-065", "PP:MDF", "PP:MDF@ncsu-128", "PP:MDF", "PP:B117", "PP:B117"), names);
  }

  @Test
  void theOptionDeviceIdsChoosesSiteQualifiedNamesOrNetBoxsNumericIds() throws SourceException {
    netBox.answer("two-sites", DEVICES, page("devices-same-name.json"));

    assertEquals(Map.of("PP:MDF@ncsu-065", "PP:MDF", "PP:MDF@ncsu-128", "PP:MDF", "PP:B117@ncsu-065", "PP:B117"),
        namesById(read(new SourceConfig(netBox.url("two-sites"), Map.of("deviceIds", "site-name")))));
    netBox.answer("two-sites", DEVICES, page("devices-same-name.json"));
    assertEquals(Map.of("netbox-88", "PP:MDF", "netbox-97", "PP:MDF", "netbox-98", "PP:B117"),
        namesById(read(new SourceConfig(netBox.url("two-sites"), Map.of("deviceIds", "netbox-id")))));
  }

  @Test
  void aNameThatRepeatsAtOneSiteIsQualifiedByNetBoxsIdAndAnUnnamedDeviceIsItsId() throws SourceException {
    // NetBox allows it for devices of different tenants
    netBox.answer("one-site", DEVICES, page("devices-same-name-same-site.json"));

    List<String> ids = read(SourceConfig.of(netBox.url("one-site"))).keySet().stream()
        .filter(Device.class::isInstance).map(Fact::id).toList();

    assertEquals(List.of("PP:MDF@netbox-88", "PP:MDF@netbox-97", "PP:MDF@ncsu-128", "netbox-100"), ids);
  }

  @Test
  void everyShapeOfNetBoxsDeviceStatusIsRead() throws SourceException {
    netBox.answer("statuses", DEVICES, page("devices-statuses.json"));

    Map<String, Lifecycle> lifecycles = lifecycles(read(SourceConfig.of(netBox.url("statuses"))));

    Map<String, Lifecycle> expected = new LinkedHashMap<>();
    expected.put("status-2x-decommissioning", new Lifecycle(LifecycleStatus.RETIRED, null, null));
    expected.put("status-2x-offline", new Lifecycle(LifecycleStatus.MAINTENANCE, null, null));
    expected.put("status-26-staged", new Lifecycle(LifecycleStatus.PLANNED, null, null));
    expected.put("status-plain-planned", new Lifecycle(LifecycleStatus.PLANNED, null, null));
    expected.put("status-4x-failed", null);
    expected.put("status-absent", null);
    assertEquals(expected, lifecycles);
  }

  @Test
  void aStatusThatIsNoneOfNetBoxsIsASkippedRecordNamingTheOptionStatusMapAndTheOthersAreRead() throws SourceException {
    netBox.answer("custom", DEVICES, page("devices-custom-status.json"));

    RecordingSink read = RecordingSink.readPartially(provider().create(SourceConfig.of(netBox.url("custom"))));

    String devices = netBox.url("custom") + "/api/dcim/devices/";
    String page = netBox.url("custom") + DEVICES;
    assertEquals(List.of(
        SkippedRecord.of(Origin.of("netbox", devices + "1/").collectedAt(read.skippedRecords().get(0).origin().collectedAt()),
            FactType.DEVICE, "status-custom", List.of(page + """
                : results[0] (id 1, name 'status-custom'): status {"value":"retired","label":"Retired"} is not a NetBox\
                 device status (map it with the source option statusMap, e.g. statusMap=retired:retired, to one of\
                 planned, active, maintenance, retired or unknown; or give the device one of offline, active, planned,\
                 staged, failed, inventory, decommissioning in NetBox)""")),
        SkippedRecord.of(Origin.of("netbox", devices + "2/").collectedAt(read.skippedRecords().get(1).origin().collectedAt()),
            FactType.DEVICE, "status-2x-unknown-label", List.of(page + """
                : results[1] (id 2, name 'status-2x-unknown-label'): status {"value":9,"label":"Mothballed"} is not a\
                 NetBox device status (map it with the source option statusMap, e.g. statusMap=mothballed:retired, to\
                 one of planned, active, maintenance, retired or unknown; or give the device one of offline, active,\
                 planned, staged, failed, inventory, decommissioning in NetBox)"""))),
        read.skippedRecords());
    assertEquals(List.of("generic", "vlan-20@harbour", "vlan-30", "vlan-99", "vlan-20@lab", "192.168.50.0/24", "status-active"),
        read.facts().stream().map(Fact::id).toList());
  }

  @Test
  void theOptionStatusMapGivesACustomStatusAndNetBoxsOwnTheirLifecycle() throws SourceException {
    netBox.answer("custom", DEVICES, page("devices-custom-status.json"));

    Map<String, Lifecycle> lifecycles = lifecycles(read(new SourceConfig(netBox.url("custom"),
        Map.of("statusMap", "retired:retired, Mothballed:maintenance, active:unknown"))));

    Map<String, Lifecycle> expected = new LinkedHashMap<>();
    expected.put("status-custom", new Lifecycle(LifecycleStatus.RETIRED, null, null));
    expected.put("status-2x-unknown-label", new Lifecycle(LifecycleStatus.MAINTENANCE, null, null));
    expected.put("status-active", null);
    assertEquals(expected, lifecycles);
  }

  @Test
  void anIpAddressThatIsNoneIsSkippedAndItsDeviceIsReadWithItsLinksUnknown() throws SourceException {
    netBox.answer("bad-ip", IP_ADDRESSES, page("ip-addresses-bad.json"));

    RecordingSink read = RecordingSink.readPartially(provider().create(SourceConfig.of(netBox.url("bad-ip"))));

    assertEquals(List.of(netBox.url("bad-ip") + IP_ADDRESSES + """
        : results[2] (id 103, address '10.30.0.300/24'): address "10.30.0.300/24" is not an IP address (correct the\
         address in NetBox, e.g. 192.0.2.10/24; device 'plc-line-1' is read with its MAC address, addresses and networks\
         unknown)"""), read.skippedRecords().stream().flatMap(record -> record.problems().stream()).toList());
    Device plc = (Device) read.facts().stream().filter(fact -> fact.id().equals("plc-line-1")).findFirst().orElseThrow();
    assertEquals(Device.builder("plc-line-1").name("plc-line-1").model("SIMATIC S7-1500").serialNumber("S C-X4U12345")
        .vendorId("siemens").owner("OT engineering")
        .lifecycle(new Lifecycle(LifecycleStatus.MAINTENANCE, LocalDate.of(2027, 6, 30), null))
        .attributes(RecordedNetBox.attributes("harbour", "plc")).build(), plc);
  }

  @Test
  void aVlanWithoutAVidIsSkippedAndTheDevicesOnItAreReadWithTheirNetworksUnknown() throws SourceException {
    netBox.answer("bad-vlan", VLANS, Reply.json(200, """
        {"count": 2, "next": null, "previous": null, "results": [
          {"id": 1, "url": "{{base}}/api/ipam/vlans/1/", "vid": "twenty", "name": "iot-cameras"},
          {"id": 2, "url": "{{base}}/api/ipam/vlans/2/", "vid": 30, "name": "ot-control"}]}"""));

    RecordingSink read = RecordingSink.readPartially(provider().create(SourceConfig.of(netBox.url("bad-vlan"))));

    assertEquals(List.of(netBox.url("bad-vlan") + VLANS + """
        : results[0] (id 1, name 'iot-cameras'): vid "twenty" is not a VLAN id (NetBox never sends this: check the\
         object in NetBox, and any proxy or plugin that changes its answers; the devices on it are read with their\
         networks unknown)"""), read.skippedRecords().stream().flatMap(record -> record.problems().stream()).toList());
    assertEquals(null, networkIds(read, "cam-lobby-01"));
    assertEquals(null, networkIds(read, "gw-edge-01"));
    assertEquals(List.of("vlan-30"), networkIds(read, "plc-line-1"));
  }

  @Test
  void anInterfaceWithoutAnIdIsSkippedAndItsDeviceIsReadWithItsLinksUnknown() throws SourceException {
    netBox.answer("no-id", INTERFACES, Reply.json(200, """
        {"count": 2, "next": null, "previous": null, "results": [
          {"name": "eth0", "device": {"id": 12, "name": "cam-lobby-01"}, "mac_address": "AC:CC:8E:F1:A2:B3"},
          {"id": 202, "name": "eth0", "device": {"id": 13}, "mac_address": "AC:CC:8E:F1:C4:D5"}]}"""));

    RecordingSink read = RecordingSink.readPartially(provider().create(SourceConfig.of(netBox.url("no-id"))));

    assertEquals(List.of(netBox.url("no-id") + INTERFACES + """
        : results[0] (name 'eth0'): has no id (NetBox never sends this: check the object in NetBox, and any proxy or\
         plugin that changes its answers; device 'cam-lobby-01' is read with its MAC address, addresses and networks\
         unknown)"""), read.skippedRecords().stream().flatMap(record -> record.problems().stream()).toList());
    Device camera = (Device) read.facts().stream().filter(fact -> fact.id().equals("cam-lobby-01")).findFirst().orElseThrow();
    assertEquals(Arrays.asList(null, null, null), Arrays.asList(camera.macAddress(), camera.ipAddresses(), camera.networkIds()));
    Device yard = (Device) read.facts().stream().filter(fact -> fact.id().equals("cam-yard-02")).findFirst().orElseThrow();
    assertEquals("ac:cc:8e:f1:c4:d5", yard.macAddress());
  }

  @Test
  void aDeviceThatIsNotAnObjectOrHasNoIdIsSkippedAndTheOthersAreRead() throws SourceException {
    netBox.answer("hostile", DEVICES, Reply.json(200, """
        {"count": 3, "next": null, "previous": null, "results": [
          "cam-lobby-01",
          {"name": "cam-yard-02", "status": "active"},
          {"id": 15, "name": {"first": "sbc"}, "status": "active"}]}"""));

    RecordingSink read = RecordingSink.readPartially(provider().create(SourceConfig.of(netBox.url("hostile"))));

    String page = netBox.url("hostile") + DEVICES;
    assertEquals(List.of(
        page + ": results[0]: is \"cam-lobby-01\", not an object (NetBox never sends this: check the object in NetBox,"
            + " and any proxy or plugin that changes its answers)",
        page + ": results[1] (name 'cam-yard-02'): has no id (NetBox never sends this: check the"
            + " object in NetBox, and any proxy or plugin that changes its answers)",
        page + ": results[2] (id 15): name {\"first\":\"sbc\"} is not text (NetBox never sends this: check the object"
            + " in NetBox, and any proxy or plugin that changes its answers)"),
        read.skippedRecords().stream().flatMap(record -> record.problems().stream()).toList());
    assertEquals(Arrays.asList(null, "cam-yard-02", "netbox-15"),
        read.skippedRecords().stream().map(SkippedRecord::factId).toList());
  }

  private static @Nullable List<String> networkIds(RecordingSink read, String device) {
    Device found = (Device) read.facts().stream().filter(fact -> fact.id().equals(device)).findFirst().orElseThrow();
    return found.networkIds();
  }

  private static Map<String, Lifecycle> lifecycles(Map<Fact, Origin> facts) {
    Map<String, Lifecycle> lifecycles = new LinkedHashMap<>();
    for (Fact fact : facts.keySet()) {
      if (fact instanceof Device device) {
        lifecycles.put(device.id(), device.lifecycle());
      }
    }
    return lifecycles;
  }

  private NetBoxProvider provider() {
    return new NetBoxProvider(environment::get, waits::add, Clock.fixed(CLOCK, ZoneOffset.UTC));
  }

  private static Map<String, String> namesById(Map<Fact, Origin> facts) {
    Map<String, String> names = new HashMap<>();
    for (Fact fact : facts.keySet()) {
      if (fact instanceof Device device) {
        names.put(device.id(), device.name());
      }
    }
    return names;
  }

  private Map<Fact, Origin> read(SourceConfig config) throws SourceException {
    Map<Fact, Origin> facts = new LinkedHashMap<>();
    provider().create(config).read(facts::put);
    return facts;
  }

  private static void assertBetween(Duration least, Duration most, Duration actual) {
    assertTrue(actual.compareTo(least) >= 0 && actual.compareTo(most) <= 0,
        "expected a wait from " + least + " to " + most + " but was " + actual);
  }
}
