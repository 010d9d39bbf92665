package dev.rampart.adapter.mud;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.adapter.testkit.RecordingSink;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads {@code lightbulb2000.json}, the example of RFC 8520 section 9; {@code camera-x100.json}, which
 * uses every kind of destination; {@code catalogue/}, a directory of MUD files; and small files in the
 * shapes of the drafts before RFC 8519 that must be read, or refused where they are written.
 */
class MudSourceTest {

  @TempDir Path dir;

  @Test
  void theRfcExampleAllowsItsOneDnsNameToEachNamedDevice() throws Exception {
    Map<String, Device> devices = read(new SourceConfig(Fixtures.location("lightbulb2000.json"),
        Map.of("devices", "bulb-01, bulb-02")));

    assertEquals(Map.of(
        "bulb-01", Device.builder("bulb-01").model("The BMS Example Light Bulb").egressAllowlist(List.of("test.example.com"))
            .attributes(Map.of("mudUrl", "https://lighting.example.com/lightbulb2000", "mudSupported", true)).build(),
        "bulb-02", Device.builder("bulb-02").model("The BMS Example Light Bulb").egressAllowlist(List.of("test.example.com"))
            .attributes(Map.of("mudUrl", "https://lighting.example.com/lightbulb2000", "mudSupported", true)).build()),
        devices);
  }

  @Test
  void theAllowlistHoldsTheDestinationsOfEveryAcceptEntryOfTheFromDevicePolicy() throws Exception {
    Device camera = read(new SourceConfig(Fixtures.location("camera-x100.json"), Map.of("devices", "cam-01"))).get("cam-01");

    // DNS names, networks, and MUD's abstractions, which only the network resolves; the dropped
    // telemetry host and the to-device policy are not outbound permissions.
    assertEquals(List.of("video.example.com", "192.0.2.0/28", "mud:same-manufacturer",
        "mud:controller:urn:ietf:params:mud:dns", "2001:db8:7::/48", "mud:local-networks"), camera.egressAllowlist());
  }

  @Test
  void modelNameIsTheModelAndIsSupportedIsKept() throws Exception {
    Device camera = read(new SourceConfig(Fixtures.location("camera-x100.json"), Map.of("devices", "cam-01"))).get("cam-01");

    assertAll(
        () -> assertEquals("X100", camera.model()),
        () -> assertEquals(Map.of("mudUrl", "https://mud.example.com/cameras/x100", "mudSupported", false),
            camera.attributes()));
  }

  @Test
  void anAcceptEntryWithoutADestinationAllowsAnyDestination() throws Exception {
    Device thermostat = read(new SourceConfig(Fixtures.location("catalogue"),
        Map.of("devices.thermostat-t100", "th-01"))).get("th-01");

    assertEquals(List.of("*"), thermostat.egressAllowlist());
  }

  @Test
  void inADirectoryEachFileHasItsOwnDevicesAndUnnamedFilesAreNotRead() throws Exception {
    Map<String, Device> devices = read(new SourceConfig(Fixtures.location("catalogue"),
        Map.of("devices.camera-x100", "cam-01,cam-02", "devices.thermostat-t100", "th-01")));

    assertAll(
        () -> assertEquals(List.of("cam-01", "cam-02", "th-01"), List.copyOf(devices.keySet())),
        () -> assertEquals("X100", devices.get("cam-02").model()),
        () -> assertEquals("T100 thermostat", devices.get("th-01").model()));
  }

  @Test
  void theOriginIsTheMudContainerAndTheTimeIsLastUpdate() throws Exception {
    List<Origin> origins = new ArrayList<>();
    new MudProvider().create(new SourceConfig(Fixtures.location("lightbulb2000.json"), Map.of("devices", "bulb-01")))
        .read((fact, origin) -> origins.add(origin));

    assertEquals(List.of(new Origin("mud", Fixtures.location("lightbulb2000.json"), 2, 19,
        Instant.parse("2019-01-28T10:20:51Z"))), origins);
  }

  @Test
  void everyProblemOfAFileIsReportedInTheOrderOfTheFile() {
    SourceException failure = assertThrows(SourceException.class,
        () -> read(new SourceConfig(Fixtures.location("many-problems.json"), Map.of("devices", "cam-01"))));

    String file = Fixtures.location("many-problems.json");
    assertEquals(List.of(
        file + ":3:20: ietf-mud:mud.mud-version: mud-version is 2 (this reader knows MUD version 1, RFC 8520)",
        file + ":4:16: ietf-mud:mud.mud-url: 'http://mud.example.com/cameras/x100' is not an https URL"
            + " (RFC 8520 requires an https URL, e.g. https://lighting.example.com/lightbulb2000)",
        file + ":5:20: ietf-mud:mud.last-update: '14 March 2026' is not a date and time"
            + " (write a date and time as RFC 3339, e.g. 2019-01-28T11:20:51+01:00)",
        file + ":19:21: ietf-mud:mud.from-device-policy.access-lists.access-list[1].name: access list 'x100-v6-from'"
            + " is not defined (defined: x100-v4fr, x100-v6fr, x100-v4to)",
        file + ":45:46: access list 'x100-v4fr'.aces.ace[0] ('cloud').matches.ipv4.ietf-acldns:dst-dnsname: '192.0.2'"
            + " is not an address, network or host name (write an IP address, a network such as 192.0.2.0/24, or a host"
            + " name such as updates.example.com)",
        file + ":75:31: access list 'x100-v4fr'.aces.ace[1] ('ntp').actions.forwarding: unknown forwarding action"
            + " 'allow' (expected accept, drop or reject)"),
        failure.problems());
  }

  @Test
  void anIpv6AclMatchUnderRfcNamesIsReadAsItsNetworkNotAsAnyDestination() throws Exception {
    Device sensor = read(new SourceConfig(Fixtures.location("renamed-entries.json"), Map.of("devices", "s-01")))
        .get("s-01");

    assertEquals(List.of("2001:db8:30::/48"), sensor.egressAllowlist());
  }

  @Test
  void aMatchOrAnEntryInAShapeThisReaderDoesNotKnowIsRefusedWhereItIsWritten() {
    SourceException failure = assertThrows(SourceException.class,
        () -> read(new SourceConfig(Fixtures.location("draft-problems.json"), Map.of("devices", "s-01"))));

    String file = Fixtures.location("draft-problems.json");
    assertEquals(List.of(
        file + ":20:68: access list 's20-v6fr'.aces.ace[0] ('cloud').matches.ipv6-acl.destination-ipv6-network:"
            + " '192.168.1.1' is not an IPv6 network (write an IPv6 prefix such as 2001:db8::/32; an IPv4 network"
            + " goes in destination-ipv4-network under ipv4)",
        file + ":25:35: access list 's20-v6fr'.aces.ace[1] ('next-generation').matches.ipv7: unknown match 'ipv7'"
            + " (did you mean 'ipv4'? this reader knows the matches ipv4, ipv6, tcp, udp, icmp, eth and ietf-mud:mud of RFC 8519 and"
            + " RFC 8520, or the drafts' ipv4-acl, ipv6-acl, tcp-acl, udp-acl, icmp-acl and eth-acl)",
        file + ":30:59: access list 's20-v6fr'.aces.ace[2] ('renamed').matches.ipv4.destination-network: unknown"
            + " destination 'destination-network' in an ipv4 match (write the destination as destination-ipv4-network"
            + " or ietf-acldns:dst-dnsname)",
        file + ":35:57: access list 's20-v6fr'.aces.ace[3] ('controller').matches.ietf-mud:mud.controler: unknown"
            + " MUD match 'controler' (did you mean 'controller'? RFC 8520 section 8 names manufacturer,"
            + " same-manufacturer, model, local-networks, controller, my-controller)",
        file + ":41:26: access list 's20-v6fr'.aces.ace[4] ('allowed').actions: no forwarding action (write"
            + " \"actions\": {\"forwarding\": \"accept\"}, or drop or reject; the drafts' \"permit\": [null] and"
            + " \"deny\": [null] are read too)",
        file + ":49:20: access list 's20-v4fr'.entries: unknown member 'entries' (an access list holds name, type"
            + " and its entries in aces, or access-list-entries in the drafts of RFC 8519)"),
        failure.problems());
  }

  @Test
  void anIpv4NetworkIsRefusedAsTheDestinationOfAnIpv6Match() {
    SourceException failure = assertThrows(SourceException.class,
        () -> read(new SourceConfig(Fixtures.location("wrong-family.json"), Map.of("devices", "s-01"))));

    assertEquals(List.of(Fixtures.location("wrong-family.json") + ":12:75: access list 's40-v6fr'.aces.ace[0]"
        + " ('cloud').matches.ipv6.destination-ipv6-network: '192.168.1.0/24' is not an IPv6 network (write an"
        + " IPv6 prefix such as 2001:db8::/32; an IPv4 network goes in destination-ipv4-network under ipv4)"),
        failure.problems());
  }

  @Test
  void onlyAFileInTheDraftsShapeMayLackMudVersion() {
    SourceException failure = assertThrows(SourceException.class,
        () -> read(new SourceConfig(Fixtures.location("no-mud-version.json"), Map.of("devices", "s-01"))));

    assertEquals(List.of(Fixtures.location("no-mud-version.json") + ":2:19: ietf-mud:mud: no mud-version"
        + " (RFC 8520 files have \"mud-version\": 1)"), failure.problems());
  }

  @Test
  void aDeviceNamedForTwoFilesIsRefused() {
    SourceException failure = assertThrows(SourceException.class, () -> read(new SourceConfig(
        Fixtures.location("catalogue"), Map.of("devices.camera-x100", "cam-01", "devices.lightbulb2000", "cam-01"))));

    assertEquals(List.of("mud source '" + Fixtures.location("catalogue") + "': device 'cam-01' is named for both"
        + " camera-x100.json and lightbulb2000.json (a device has one MUD file; name it once)"), failure.problems());
  }

  @Test
  void theDevicesOptionWithoutAFileNameIsForASingleFile() {
    SourceException failure = assertThrows(SourceException.class,
        () -> read(new SourceConfig(Fixtures.location("catalogue"), Map.of("devices", "cam-01"))));

    assertEquals(List.of("mud source '" + Fixtures.location("catalogue") + "': option devices names the devices of"
        + " one MUD file, but this is a directory (give devices.NAME=ID,ID... for each file NAME.json;"
        + " files here: camera-x100, lightbulb2000, thermostat-t100)"), failure.problems());
  }

  @Test
  void inADirectoryAFileThatCannotBeReadSkipsItsDevicesAndTheOtherFilesAreRead() throws Exception {
    String directory = Fixtures.location("catalogue-with-a-bad-file");
    RecordingSink partly = RecordingSink.readPartially(new MudProvider().create(new SourceConfig(directory, Map.of(
        "devices.camera-x100", "cam-01", "devices.doorbell-d1", "bell-01,bell-02", "devices.lightbulb2000", "bulb-01"))));

    assertEquals(List.of("cam-01", "bulb-01"), partly.facts().stream().map(Fact::id).toList());
    assertEquals(List.of("device 'bell-01'", "device 'bell-02'"),
        partly.skippedRecords().stream().map(SkippedRecord::describeFact).toList());
    String doorbell = Path.of(directory, "doorbell-d1.json").toString();
    assertEquals(new Origin("mud", doorbell, 2, 19), partly.skippedRecords().get(0).origin(),
        "a skipped device is placed at its file's ietf-mud:mud container");
    assertEquals(List.of(
        doorbell + ":14:75: access list 'd1-fr'.aces.ace[0] ('cloud').matches.ipv6.destination-ipv6-network:"
            + " '192.168.1.1' is not an IPv6 network (write an IPv6 prefix such as 2001:db8::/32; an IPv4 network"
            + " goes in destination-ipv4-network under ipv4)",
        doorbell + ": device 'bell-02': its MUD file could not be read (fix the problems listed for device 'bell-01')"),
        partly.skippedRecords().stream().flatMap(record -> record.problems().stream()).toList());
  }

  @Test
  void inADirectoryAFileThatIsNotMudSkipsItsDevicesWithTheShapeProblem() throws Exception {
    Path directory = Files.createDirectories(dir.resolve("catalogue"));
    Files.copy(Fixtures.path("lightbulb2000.json"), directory.resolve("lightbulb2000.json"));
    Files.writeString(directory.resolve("camera.json"), "{\"name\": \"camera\", \"acls\": []}\n");

    RecordingSink partly = RecordingSink.readPartially(new MudProvider().create(new SourceConfig(directory.toString(),
        Map.of("devices.camera", "cam-01", "devices.lightbulb2000", "bulb-01"))));

    assertEquals(List.of("bulb-01"), partly.facts().stream().map(Fact::id).toList());
    assertEquals(new Origin("mud", directory.resolve("camera.json").toString(), 0, 0),
        partly.skippedRecords().get(0).origin());
    assertEquals(List.of(directory.resolve("camera.json") + ":1:1: no 'ietf-mud:mud' container (a MUD file (RFC 8520)"
        + " is a JSON object with the members ietf-mud:mud and ietf-access-control-list:acls)"),
        partly.skippedRecords().get(0).problems());
  }

  @Test
  void matchesThatAreNotAnObjectAreAProblemNotAnEntryThatMatchesEverything() throws Exception {
    Path file = Files.writeString(dir.resolve("odd.json"), """
        {"ietf-mud:mud": {"mud-version": 1, "mud-url": "https://example.com/odd", "model-name": 7,
          "from-device-policy": {"access-lists": {"access-list": [{"name": "fr"}]}}},
         "ietf-access-control-list:acls": {"acl": [{"name": "fr", "aces": {"ace": [
          {"name": "any", "matches": "ipv4", "actions": {"forwarding": "accept"}}]}}]}}
        """);

    SourceException failure = assertThrows(SourceException.class,
        () -> read(new SourceConfig(file.toString(), Map.of("devices", "x-01"))));

    assertEquals(List.of(
        file + ":1:89: ietf-mud:mud.model-name: expected text but found the number 7",
        file + ":4:30: access list 'fr'.aces.ace[0] ('any').matches: expected an object but found the text 'ipv4'"
            + " (write the entry's matches as an object such as {\"ipv4\": {\"destination-ipv4-network\":"
            + " \"192.0.2.0/24\"}}, or leave them out to match every packet)"), failure.problems());
  }

  private static Map<String, Device> read(SourceConfig config) throws SourceException {
    Map<String, Device> devices = new LinkedHashMap<>();
    new MudProvider().create(config).read((fact, origin) -> devices.put(fact.id(), (Device) fact));
    return devices;
  }
}
