package dev.rampart.sources.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Deployment;
import dev.rampart.spi.fact.DeviceRegistry;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.fact.Firmware;
import dev.rampart.spi.fact.Network;
import dev.rampart.spi.fact.RoleAlias;
import dev.rampart.spi.fact.Service;
import dev.rampart.spi.fact.Transport;
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
    assertEquals(FieldPath.parse("attributes.site"), merged.conflicts().get(0).field());
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

  @Test
  void aTcpScanAndAUdpScanOfOneHostGiveItTheServicesOfBoth() {
    Origin tcp = Origin.of("nmap", "_full_tcp_nmap.xml");
    Origin udp = Origin.of("nmap", "_top_100_udp_nmap.xml");
    Device fromTcp = Device.builder("10.0.0.7").ipAddresses(List.of("10.0.0.7"))
        .services(List.of(service(21, Transport.TCP, "ftp"), service(53, Transport.TCP, "domain"))).build();
    Device fromUdp = Device.builder("10.0.0.7").ipAddresses(List.of("10.0.0.7"))
        .services(List.of(service(53, Transport.UDP, "domain"), service(161, Transport.UDP, "snmp"))).build();

    MergedFact merged = merger.merge(List.of(
        new SourcedFact(fromTcp, tcp, SourceRole.DISCOVERY), new SourcedFact(fromUdp, udp, SourceRole.DISCOVERY))).get(0);

    assertEquals(List.of("ftp 21/TCP", "domain 53/TCP", "domain 53/UDP", "snmp 161/UDP"),
        ((Device) merged.fact()).services().stream().map(s -> s.name() + " " + s.port() + "/" + s.transport()).toList());
    assertEquals(List.of(tcp, tcp, udp, udp), List.of(merged.originOf(FieldPath.parse("services[0].port")),
        merged.originOf(FieldPath.parse("services[1]")), merged.originOf(FieldPath.parse("services[2].name")),
        merged.originOf(FieldPath.parse("services[3].transport"))));
    assertEquals(List.of(), merged.conflicts());
  }

  @Test
  void addressesDestinationsAndNetworksMergeAsAUnionWithTheOriginOfEachElement() {
    Device inventory = Device.builder("cam-1").ipAddresses(List.of("10.0.0.5")).networkIds(List.of("cameras"))
        .egressAllowlist(List.of("ntp.example.com")).build();
    Device netbox = Device.builder("cam-1").ipAddresses(List.of("10.0.0.5", "2001:db8::5"))
        .networkIds(List.of("mgmt", "cameras")).egressAllowlist(List.of("updates.example.com")).build();

    MergedFact merged = merger.merge(List.of(new SourcedFact(inventory, INVENTORY, SourceRole.SYSTEM_OF_RECORD),
        new SourcedFact(netbox, NETBOX, SourceRole.SYSTEM_OF_RECORD))).get(0);
    Device device = (Device) merged.fact();

    assertEquals(List.of("10.0.0.5", "2001:db8::5"), device.ipAddresses());
    assertEquals(List.of("cameras", "mgmt"), device.networkIds());
    assertEquals(List.of("ntp.example.com", "updates.example.com"), device.egressAllowlist());
    assertEquals(INVENTORY, merged.originOf(FieldPath.parse("ipAddresses[0]")));
    assertEquals(NETBOX, merged.originOf(FieldPath.parse("ipAddresses[1]")));
    assertEquals(NETBOX, merged.originOf(FieldPath.parse("networkIds[mgmt]")), "a network is looked up by its id");
    assertEquals(NETBOX, merged.originOf(FieldPath.parse("egressAllowlist[1]")));
    assertEquals(List.of(), merged.conflicts());
  }

  @Test
  void certificatesMergeByFingerprintAndOneWithoutAFingerprintStaysItsOwn() {
    String fingerprint = "9b".repeat(32);
    Device inventory = Device.builder("gw-1").credentials(Credentials.builder().certificates(List.of(
        Certificate.builder().sha256Fingerprint(fingerprint).subject("CN=gw-1").build(),
        Certificate.builder().subject("CN=legacy").build())).build()).build();
    Device registry = Device.builder("gw-1").credentials(Credentials.builder().certificates(List.of(
        Certificate.builder().sha256Fingerprint(fingerprint).keySize(2048).build())).build()).build();

    MergedFact merged = merger.merge(List.of(new SourcedFact(inventory, INVENTORY, SourceRole.SYSTEM_OF_RECORD),
        new SourcedFact(registry, NETBOX, SourceRole.SYSTEM_OF_RECORD))).get(0);

    List<Certificate> certificates = ((Device) merged.fact()).credentials().certificates();
    assertEquals(List.of(Certificate.builder().sha256Fingerprint(fingerprint).subject("CN=gw-1").keySize(2048).build(),
        Certificate.builder().subject("CN=legacy").build()), certificates);
    assertEquals(NETBOX, merged.originOf(FieldPath.parse("credentials.certificates[0].keySize")));
    assertEquals(INVENTORY, merged.originOf(FieldPath.parse("credentials.certificates[1].subject")));
  }

  @Test
  void aListWhoseElementsHaveNoIdentityKeepsTheMostTrustedWithAConflictInPlainValues() {
    Device inventory = Device.builder("gw-1").services(List.of(Service.builder().port(443).transport(Transport.TCP)
        .tlsVersions(List.of("1.2", "1.3")).build())).build();
    Device scan = Device.builder("gw-1").services(List.of(Service.builder().port(443).transport(Transport.TCP)
        .tlsVersions(List.of("1.0", "1.2")).build())).build();

    MergedFact merged = merger.merge(List.of(new SourcedFact(inventory, INVENTORY, SourceRole.SYSTEM_OF_RECORD),
        new SourcedFact(scan, NMAP, SourceRole.DISCOVERY))).get(0);

    assertEquals(List.of(
            "services[443/tcp].tlsVersions: kept [1.2, 1.3] from inventory:site.yaml:4:5; overruled [1.0, 1.2] from nmap:scan.xml"),
        merged.conflicts().stream().map(Conflict::toString).toList());
  }

  @Test
  void registriesMergeByIdAndTheirRoleAliasesByName() {
    Deployment fromAws = Deployment.builder("site").registries(List.of(new DeviceRegistry("aws-iot:1:eu-west-1", null,
        true, null, List.of(new RoleAlias("cam-alias", 3600, null)), null))).build();
    Deployment fromInventory = Deployment.builder("site").registries(List.of(new DeviceRegistry("aws-iot:1:eu-west-1",
        null, null, "ERROR", List.of(new RoleAlias("cam-alias", 43200, null), new RoleAlias("ota-alias", 900, null)),
        null), new DeviceRegistry("azure:contoso-hub", null, false, null, null, null))).build();

    MergedFact merged = merger.merge(List.of(new SourcedFact(fromAws, NETBOX, SourceRole.SYSTEM_OF_RECORD),
        new SourcedFact(fromInventory, INVENTORY, SourceRole.SYSTEM_OF_RECORD))).get(0);

    assertEquals(List.of(new DeviceRegistry("aws-iot:1:eu-west-1", null, true, "ERROR",
            List.of(new RoleAlias("cam-alias", 3600, null), new RoleAlias("ota-alias", 900, null)), null),
        new DeviceRegistry("azure:contoso-hub", null, false, null, null, null)), ((Deployment) merged.fact()).registries());
    assertEquals(List.of("registries[aws-iot:1:eu-west-1].roleAliases[cam-alias].credentialDurationSeconds: kept 3600"
            + " from netbox:https://netbox.local/api/dcim/devices/; overruled 43200 from inventory:site.yaml:4:5"),
        merged.conflicts().stream().map(Conflict::toString).toList());
  }

  private static Service service(int port, Transport transport, String name) {
    return Service.builder().port(port).transport(transport).name(name).build();
  }
}
