package dev.rampart.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.sources.merge.MergePolicy;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.fact.Presence;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceRole;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * "Start by mapping every device": an inventory and two real nmap scans (python-libnmap's samples in
 * adapters/nmap) merged into one view, where a host that a scan saw and the inventory lists under a
 * name of its own is one managed device, and a host no system of record lists is unmanaged.
 */
class UnmanagedDevicesTest {

  private static final String HERE = "src/test/resources/dev/rampart/sources/unmanaged/";
  private static final String SITE = HERE + "site.yaml";
  private static final String SAMPLES = "../adapters/nmap/src/test/resources/dev/rampart/adapter/nmap/real-world/";
  /** One host up: 172.28.1.3, MAC 02:42:AC:1C:01:03, named dionaea. */
  private static final String DIONAEA = SAMPLES + "libnmap-dionaea-scan.xml";
  /** One host up: 127.0.0.1, no MAC. */
  private static final String LOCALHOST = SAMPLES + "libnmap-os-banner-scripts-nmap551.xml";
  private static final MergePolicy INVENTORY_FIRST = MergePolicy.defaults().withSourcePrecedence(List.of("inventory"));

  private final Sources sources = Sources.discover();

  @Nested
  class WithTheInventoryAndTwoScans {

    private final Inventory inventory = read(false, "inventory:" + SITE, "nmap:" + DIONAEA, "nmap:" + LOCALHOST);

    @Test
    void aScannedHostTheInventoryListsByItsMacIsOneRecordedDevice() {
      assertEquals(List.of(), inventory.problems());
      assertEquals(List.of("honeypot-01", "sensor-07", "127.0.0.1"), ids(inventory),
          "the dionaea host merged into honeypot-01, not a device of its own");
      Device honeypot = device(inventory, "honeypot-01");
      assertEquals(List.of("172.28.1.3"), honeypot.ipAddresses());
      assertEquals(new Presence(true, List.of("inventory:" + SITE + ":5:5"), List.of("nmap:" + DIONAEA + ":16:51")),
          honeypot.presence());
    }

    @Test
    void aHostNoSystemOfRecordListsIsUnmanagedAndNamesTheScanThatSawIt() {
      assertEquals(new Presence(false, List.of(), List.of("nmap:" + LOCALHOST + ":7:51")),
          device(inventory, "127.0.0.1").presence());
      assertEquals("nmap:" + LOCALHOST + ":7:51",
          inventory.originOf(FactType.DEVICE, "127.0.0.1", FieldPath.parse("presence.recorded")).describe(),
          "the evidence of an unmanaged device is where discovery saw it");
    }

    @Test
    void aListedDeviceNoScanReachedIsRecordedAndNotDiscovered() {
      assertEquals(new Presence(true, List.of("inventory:" + SITE + ":9:5"), List.of()),
          device(inventory, "sensor-07").presence());
      assertEquals("inventory:" + SITE + ":9:5",
          inventory.originOf(FactType.DEVICE, "sensor-07", FieldPath.parse("presence.recorded")).describe());
    }
  }

  @Test
  void aHostListedUnderAnotherNameByItsAddressIsOneManagedDevice() {
    Inventory inventory = read(false, "inventory:" + HERE + "by-address.yaml", "nmap:" + LOCALHOST);

    assertEquals(List.of("build-host"), ids(inventory));
    assertEquals(true, device(inventory, "build-host").presence().recorded());
  }

  @Test
  void withoutASystemOfRecordWhetherAHostIsListedIsUnknown() {
    Inventory inventory = read(false, "nmap:" + DIONAEA, "nmap:" + LOCALHOST);

    assertEquals(new Presence(null, List.of(), List.of("nmap:" + LOCALHOST + ":7:51")),
        device(inventory, "127.0.0.1").presence());
  }

  @Test
  void aLoneScanLeavesItUnknownToo() {
    Inventory inventory = read(false, "nmap:" + LOCALHOST);

    assertNull(device(inventory, "127.0.0.1").presence().recorded());
  }

  @Test
  void whenTheInventoryCannotBeReadWhetherAHostIsListedIsUnknown() {
    Inventory inventory = read(true, "inventory:" + HERE + "missing.yaml", "nmap:" + LOCALHOST);

    assertEquals(1, inventory.failedSources().size());
    assertNull(device(inventory, "127.0.0.1").presence().recorded(),
        "the inventory that could not be read may list it");
  }

  @Test
  void aLoneInventoryRecordsEveryDeviceItLists() {
    Inventory inventory = read(false, "inventory:" + SITE);

    assertEquals(new Presence(true, List.of("inventory:" + SITE + ":9:5"), List.of()),
        device(inventory, "sensor-07").presence());
  }

  @Test
  void theRoleOptionMakesADiscoverySourceASystemOfRecord() {
    Inventory inventory = read(false, "inventory:" + SITE, "nmap:" + LOCALHOST + "|role=systemOfRecord");

    assertEquals(new Presence(true, List.of("nmap:" + LOCALHOST + ":7:51"), List.of()),
        device(inventory, "127.0.0.1").presence());
  }

  @Test
  void theRoleOptionTakesTheRoleInAnySpelling() throws SourceException {
    assertEquals(SourceRole.SYSTEM_OF_RECORD, sources.role(spec("nmap:scan.xml|role=system-of-record")));
    assertEquals(SourceRole.DISCOVERY, sources.role(spec("inventory:site.yaml|role=Discovery")));
    assertEquals(SourceRole.DISCOVERY, sources.role(spec("nmap:scan.xml")));
    assertEquals(SourceRole.SYSTEM_OF_RECORD, sources.role(spec("inventory:site.yaml")));
  }

  @Test
  void aRoleThatIsNoneIsRefusedWithTheRolesThereAre() {
    SourceException wrong = assertThrows(SourceException.class, () -> Inventory.read(sources,
        List.of(spec("inventory:" + SITE), spec("nmap:" + LOCALHOST + "|role=inventory")), INVENTORY_FIRST, true));
    SourceException typo = assertThrows(SourceException.class,
        () -> sources.role(spec("nmap:scan.xml|role=sytemOfRecord")));

    assertEquals(List.of("nmap:" + LOCALHOST + ": option role is 'inventory', not a role (write"
        + " role=systemOfRecord, role=discovery or role=description; the nmap source is discovery unless the option"
        + " says otherwise)"), wrong.problems());
    assertEquals(List.of("nmap:scan.xml: option role is 'sytemOfRecord', not a role (did you mean 'systemOfRecord'?;"
        + " the nmap source is discovery unless the option says otherwise)"), typo.problems());
  }

  @Test
  void whatASourceWritesAsPresenceIsReplacedByWhatTheMergeFinds() {
    Inventory inventory = read(false, "inventory:" + HERE + "writes-presence.yaml", "nmap:" + LOCALHOST);

    assertEquals(List.of(), inventory.conflicts().values().stream().flatMap(List::stream).toList());
    assertEquals(new Presence(true, List.of("inventory:" + HERE + "writes-presence.yaml:3:5"),
        List.of("nmap:" + LOCALHOST + ":7:51")), device(inventory, "build-host").presence());
  }

  @Test
  void presencesThatSourcesWriteNeitherConflictNorBreakTheMerge() {
    Inventory inventory = read(false, "inventory:" + HERE + "writes-presence.yaml",
        "inventory:" + HERE + "claims-recorded.yaml", "nmap:" + LOCALHOST);

    assertEquals(List.of(), inventory.conflicts().values().stream().flatMap(List::stream).toList());
    assertEquals(new Presence(true, List.of("inventory:" + HERE + "writes-presence.yaml:3:5",
        "inventory:" + HERE + "claims-recorded.yaml:3:5"), List.of("nmap:" + LOCALHOST + ":7:51")),
        device(inventory, "build-host").presence());
  }

  private Inventory read(boolean allowPartial, String... specs) {
    try {
      return Inventory.read(sources, List.of(specs).stream().map(UnmanagedDevicesTest::spec).toList(),
          INVENTORY_FIRST, allowPartial);
    } catch (SourceException e) {
      throw new AssertionError(String.join("\n", e.problems()), e);
    }
  }

  /** {@code TYPE:LOCATION|KEY=VALUE}. */
  private static SourceSpec spec(String text) {
    String[] parts = text.split("\\|");
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String[] option = parts[i].split("=", 2);
      options.put(option[0], option[1]);
    }
    SourceSpec spec = SourceSpec.parse(parts[0]);
    return new SourceSpec(spec.type(), spec.location(), options);
  }

  private static List<String> ids(Inventory inventory) {
    return inventory.facts().stream().filter(fact -> fact.type() == FactType.DEVICE).map(Fact::id).toList();
  }

  private static Device device(Inventory inventory, String id) {
    return inventory.facts().stream().filter(fact -> fact instanceof Device && fact.id().equals(id))
        .map(Device.class::cast).findFirst().orElseThrow(() -> new AssertionError("no device " + id));
  }
}
