package dev.rampart.sources.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.fact.Firmware;
import dev.rampart.spi.fact.Network;
import dev.rampart.spi.fact.Zone;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactMergerTest {

  static final Origin INVENTORY = new Origin("inventory", "site.yaml", 4, 5);
  static final Origin NMAP = Origin.of("nmap", "scan.xml");
  static final Origin NETBOX = Origin.of("netbox", "https://netbox.local/api/dcim/devices/");

  final FactMerger merger = new FactMerger(MergePolicy.defaults());

  @Test
  void recordsOfOneDeviceFromSeveralSourcesBecomeOneFactWithEveryFieldsOrigin() {
    Device fromInventory = Device.builder("cam-1").macAddress("AA:BB:CC:00:11:22").owner("facilities")
        .credentials(new Credentials(false, null, null, null, null, null)).build();
    Device fromScan = Device.builder("10.0.0.5").macAddress("aa-bb-cc-00-11-22").ipAddresses(List.of("10.0.0.5"))
        .firmware(new Firmware("2.1", null, null, null)).build();

    List<MergedFact> merged = merger.merge(List.of(new SourcedFact(fromInventory, INVENTORY, SourceRole.SYSTEM_OF_RECORD), new SourcedFact(fromScan, NMAP, SourceRole.DISCOVERY)));

    assertEquals(1, merged.size());
    MergedFact camera = merged.get(0);
    Device device = (Device) camera.fact();
    assertEquals("cam-1", device.id());
    assertEquals("facilities", device.owner());
    assertEquals("2.1", device.firmware().version());
    assertEquals(List.of("10.0.0.5"), device.ipAddresses());
    assertEquals(INVENTORY, camera.originOf(FieldPath.parse("owner")));
    assertEquals(NMAP, camera.originOf(FieldPath.parse("firmware.version")));
    assertEquals(INVENTORY, camera.originOf(FieldPath.parse("credentials.defaultPassword")));
    assertEquals(NMAP, camera.originOf(FieldPath.parse("ipAddresses[0]")));
    assertEquals(List.of(INVENTORY, NMAP), camera.sources());
  }

  @Test
  void aFieldNoSourceReportedStaysAbsent() {
    Device a = Device.builder("d").owner("ops").build();
    Device b = Device.builder("d").build();
    Device device = (Device) merger.merge(List.of(new SourcedFact(a, INVENTORY, SourceRole.SYSTEM_OF_RECORD), new SourcedFact(b, NMAP, SourceRole.DISCOVERY))).get(0).fact();
    assertNull(device.credentials());
    assertNull(device.services());
  }

  @Test
  void disagreementsFollowSourcePrecedenceAndStayVisible() {
    FactMerger netboxFirst = new FactMerger(MergePolicy.defaults().withSourcePrecedence(List.of("netbox", "inventory")));
    Device inventory = Device.builder("plc-1").owner("line team").firmware(new Firmware("1.0", null, null, null)).build();
    Device netbox = Device.builder("plc-1").owner("OT engineering").build();

    MergedFact merged = netboxFirst.merge(List.of(new SourcedFact(inventory, INVENTORY, SourceRole.SYSTEM_OF_RECORD), new SourcedFact(netbox, NETBOX, SourceRole.SYSTEM_OF_RECORD))).get(0);

    assertEquals("OT engineering", ((Device) merged.fact()).owner());
    assertEquals("1.0", ((Device) merged.fact()).firmware().version());
    assertEquals(List.of(
            "owner: kept OT engineering from netbox:https://netbox.local/api/dcim/devices/; overruled line team from inventory:site.yaml:4:5"),
        merged.conflicts().stream().map(Conflict::toString).toList());
  }

  @Test
  void aMoreDecisiveKeyThatDiffersKeepsDevicesApartEvenIfALesserOneMatches() {
    Device a = Device.builder("a").serialNumber("SN-1").ipAddresses(List.of("10.0.0.9")).build();
    Device b = Device.builder("b").serialNumber("SN-2").ipAddresses(List.of("10.0.0.9")).build();
    Device c = Device.builder("c").ipAddresses(List.of("10.0.0.9")).build();

    List<MergedFact> merged = merger.merge(List.of(
        new SourcedFact(a, INVENTORY, SourceRole.SYSTEM_OF_RECORD), new SourcedFact(b, INVENTORY, SourceRole.SYSTEM_OF_RECORD), new SourcedFact(c, NMAP, SourceRole.DISCOVERY)));

    // a and b differ by serial; c reports no serial, so the shared IP decides and it joins the first
    assertEquals(List.of("a", "b"), merged.stream().map(m -> m.fact().id()).toList());
    assertEquals(2, merged.get(0).sources().size());
  }

  @Test
  void networksMergeByIdAndAttributesKeyByKey() {
    Network a = Network.builder("iot").zone(Zone.IOT).attributes(Map.of("site", "north")).build();
    Network b = Network.builder("iot").vlan(20).attributes(Map.of("site", "south", "rack", "R4")).build();

    MergedFact merged = merger.merge(List.of(new SourcedFact(a, INVENTORY, SourceRole.SYSTEM_OF_RECORD), new SourcedFact(b, NETBOX, SourceRole.SYSTEM_OF_RECORD))).get(0);
    Network network = (Network) merged.fact();

    assertEquals(Zone.IOT, network.zone());
    assertEquals(20, network.vlan());
    assertEquals(Map.of("site", "north", "rack", "R4"), network.attributes());
    assertEquals(NETBOX, merged.originOf(FieldPath.parse("attributes.rack")));
    assertEquals("attributes.site", merged.conflicts().get(0).field());
  }

  @Test
  void anAttributeKeyIsOneStepWhateverCharactersItHolds() {
    Network a = Network.builder("iot").attributes(Map.of("site", "north")).build();
    Network b = Network.builder("iot").attributes(Map.of("rack[2].slot", "R4")).build();

    MergedFact merged = merger.merge(List.of(new SourcedFact(a, INVENTORY, SourceRole.SYSTEM_OF_RECORD), new SourcedFact(b, NETBOX, SourceRole.SYSTEM_OF_RECORD))).get(0);

    assertEquals(NETBOX, merged.originOf(FieldPath.of("attributes").field("rack[2].slot")));
    assertEquals(INVENTORY, merged.originOf(FieldPath.of("attributes").field("site")));
    assertEquals(Map.of(FieldPath.of("id"), INVENTORY, FieldPath.of("attributes").field("site"), INVENTORY,
        FieldPath.of("attributes").field("rack[2].slot"), NETBOX), merged.fieldOrigins());
  }
}
