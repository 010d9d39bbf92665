package dev.rampart.adapter.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.adapter.testkit.RecordingSink;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An entry of an inventory that cannot be read is skipped with its place and every problem, and the
 * entries around it are read; a problem of the file as a whole still refuses the file.
 */
class SkippedEntriesTest {

  @TempDir Path dir;

  @Test
  void eachBadEntryIsSkippedWithItsPlaceAndTheOthersAreRead() throws SourceException {
    RecordingSink read = RecordingSink.readPartially(InventoryFileSource.of(Fixtures.path("partly-bad.yaml")));

    assertEquals(List.of("deployment harbourside", "vendor axiscope", "network lan", "device cam-01", "device cam-08"),
        read.facts().stream().map(SkippedEntriesTest::describe).toList());
    assertEquals(Fixtures.expected("partly-bad.yaml", """
        FILE:6:5 vendor 'globex'
        FILE:11:5 network 'cameras'
        FILE:16:5 device 'cam-02'
        FILE:18:5 device 'cam-03'
        FILE:20:5 device 'cam-04'
        FILE:22:5 a device
        FILE:24:5 device 'cam-05'
        FILE:26:5 device 'cam-06'
        FILE:28:5 device 'cam-01'
        FILE:30:5 a device
        FILE:31:5 device 'cam-07'
        """), read.skippedRecords().stream().map(record -> record.origin() + " " + record.describeFact() + "\n")
            .collect(Collectors.joining()));
    assertEquals(Fixtures.expected("partly-bad.yaml", """
        FILE:7:24: vendors[1] (id 'globex').patchSupportUntil: expected a date such as 2027-06-30 but found \
        "30/06/2030" (write dates as YYYY-MM-DD)
        FILE:12:11: networks[1] (id 'cameras').cidr: "10.20.1.0" is not a network \
        (write an address and a prefix length such as 10.20.0.0/24 or 2001:db8::/32)
        FILE:17:17: devices[1] (id 'cam-02').macAddress: "00:1a:2b:3c:4d" is not a MAC address \
        (write six pairs of hex digits such as 00:1a:2b:3c:4d:5e (00-1A-2B-3C-4D-5E and 001a.2b3c.4d5e are accepted too))
        FILE:19:26: devices[2] (id 'cam-03').wireless.security: unknown value 'wpa4' \
        (expected one of: open, wep, wpa, wpa2, wpa3)
        FILE:21:31: devices[3] (id 'cam-04').lifecycle.endOfSupport: "2027-02-30" is not a real date \
        (check the month and day)
        FILE:22:5: devices[4]: missing id (give each device a unique, non-blank 'id')
        FILE:25:5: devices[5] (id 'cam-05'): unknown field 'colour' (valid fields: id, name, model, serialNumber, \
        macAddress, ipAddresses, vendorId, networkIds, deviceClass, owner, criticality, hardware, firmware, ota, \
        credentials, accessPolicy, services, wireless, data, monitoring, resilience, lifecycle, connectivity, \
        outboundDestinations, egressAllowlist, observedPeers, allowedPeers, presence, attributes)
        FILE:27:30: devices[6] (id 'cam-06').ipAddresses[1]: "999.1.1.1" is not an IP address \
        (write an IPv4 address such as 192.0.2.10 or an IPv6 address such as 2001:db8::10)
        FILE:28:5: devices[7]: duplicate device id 'cam-01' (first defined at FILE:14:5); give each device its own id
        FILE:30:5: devices[8]: expected an object but found 42 (write each device as named fields, starting with 'id: ...')
        FILE:32:23: devices[9] (id 'cam-07').services[0].port: expected a whole number but found "22" \
        (write it without quotes)
        """), problemLines(read.skippedRecords()));
  }

  @Test
  void aSkippedEntryKeepsTheOriginOfItsObjectWithTheFilesTime() throws SourceException, IOException {
    RecordingSink read = RecordingSink.readPartially(InventoryFileSource.of(Fixtures.path("partly-bad.json")));

    SkippedRecord mac = read.skippedRecords().get(1);
    assertEquals(new Origin("inventory", Fixtures.path("partly-bad.json").toString(), 8, 5,
        Fixtures.lastModified("partly-bad.json")), mac.origin());
    assertEquals(FactType.DEVICE, mac.type());
    assertEquals("cam-02", mac.factId());
    assertEquals(List.of("network lan", "device cam-01", "device cam-03"),
        read.facts().stream().map(SkippedEntriesTest::describe).toList());
  }

  @Test
  void aSinkThatReadsStrictlyStillHearsEveryProblemOfEveryBadEntry() {
    // a plain lambda sink refuses skipped records (FactSink's default): the file fails as it always did
    SourceException failure = assertThrows(SourceException.class,
        () -> InventoryFileSource.of(Fixtures.path("partly-bad.json")).read((fact, origin) -> {}));

    assertEquals(Fixtures.expected("partly-bad.json", """
        FILE:4:31: networks[1] (id 'cameras').zone: unknown value 'Cameras' \
        (expected one of: iot, ot, corporate, guest, dmz, management)
        FILE:8:36: devices[1] (id 'cam-02').macAddress: "00-1A-2B-3C-4D" is not a MAC address \
        (write six pairs of hex digits such as 00:1a:2b:3c:4d:5e (00-1A-2B-3C-4D-5E and 001a.2b3c.4d5e are accepted too))
        """), String.join("\n", failure.problems()) + "\n");
  }

  @Test
  void aDeploymentThatIsNotAnObjectIsSkippedAndTheDevicesAreRead() throws SourceException {
    RecordingSink read = RecordingSink.readPartially(
        InventoryFileSource.of(Fixtures.path("deployment-not-an-object.yaml")));

    assertEquals(List.of("device cam-01"), read.facts().stream().map(SkippedEntriesTest::describe).toList());
    assertEquals(Fixtures.expected("deployment-not-an-object.yaml", """
        FILE:2:3: deployment: expected an object but found a list \
        (the deployment is a single object with an 'id', not a list)
        """), problemLines(read.skippedRecords()));
    assertEquals("a deployment", read.skippedRecords().get(0).describeFact());
  }

  @Test
  void aProblemOfTheWholeFileRefusesItEvenWhenBadEntriesMayBeSkipped() {
    SourceException failure = assertThrows(SourceException.class,
        () -> RecordingSink.readPartially(InventoryFileSource.of(Fixtures.path("bad-record-and-bad-file.yaml"))));

    assertEquals(Fixtures.expected("bad-record-and-bad-file.yaml", """
        FILE:4:17: devices[1] (id 'cam-02').macAddress: "00:1a:2b" is not a MAC address \
        (write six pairs of hex digits such as 00:1a:2b:3c:4d:5e (00-1A-2B-3C-4D-5E and 001a.2b3c.4d5e are accepted too))
        FILE:5:1: unknown top-level key 'sites' (valid keys: deployment, vendors, networks, devices)
        """), String.join("\n", failure.problems()) + "\n");
  }

  @Test
  void moreProblemsThanAreReportedRefuseTheFileEvenWhenBadEntriesMayBeSkipped() {
    SourceException failure = assertThrows(SourceException.class,
        () -> RecordingSink.readPartially(InventoryFileSource.of(Fixtures.path("many-problems.yaml"))));

    assertEquals(51, failure.problems().size());
    assertEquals(Fixtures.expected("many-problems.yaml",
        "FILE: stopped after 50 problems; more were omitted (fix these and read the file again)"),
        failure.problems().get(50));
  }

  @Test
  void anInventoryThatListsNothingIsAProblemNotACleanPass() {
    for (String fixture : List.of("empty-sections.yaml", "empty-sections.json")) {
      assertEquals(Fixtures.expected(fixture, """
          FILE: the inventory lists no deployment, vendor, network or device (list them under 'deployment:', \
          'vendors:', 'networks:' or 'devices:'; an inventory with nothing in it is never read as a clean pass)
          """), Fixtures.problems(Fixtures.path(fixture)));
    }
  }

  @Test
  void anInventoryWhoseEveryEntryIsBadNamesEachOne() throws SourceException {
    RecordingSink read = RecordingSink.readPartially(InventoryFileSource.of(Fixtures.path("every-device-bad.yaml")));

    assertEquals(List.of(), read.facts());
    assertEquals(List.of("device 'cam-01'", "device 'cam-02'"),
        read.skippedRecords().stream().map(SkippedRecord::describeFact).toList());
  }

  @Test
  void aLargeJsonFleetReadAgainPastANonAsciiByteHandsEachSkippedEntryOverOnce() throws IOException, SourceException {
    // Plain ASCII JSON is read from bytes; a later byte that is not ASCII makes the reader start over
    // as text, handing on only what the first pass had not. The bad entry comes before that byte.
    Path file = fleetWithABadEntryAndAnAccentAtTheEnd(3_000);

    RecordingSink read = RecordingSink.readPartially(InventoryFileSource.of(file));

    assertEquals(2_999, read.facts().size());
    assertEquals(2_999, read.facts().stream().map(Fact::id).distinct().count());
    assertEquals(List.of(file + ":3:56: devices[1] (id 'dev-000001').macAddress: \"00:1a\" is not a MAC address"
        + " (write six pairs of hex digits such as 00:1a:2b:3c:4d:5e (00-1A-2B-3C-4D-5E and 001a.2b3c.4d5e are"
        + " accepted too))"), problemLines(read.skippedRecords()).lines().toList());
    assertEquals("Caf\u00e9 2999", ((dev.rampart.spi.fact.Device) read.facts().get(2_998)).name());
  }

  @Test
  void aStrictSinkRefusesTheSkippedEntryOnTheSecondPassToo() throws IOException {
    Path file = fleetWithABadEntryAndAnAccentAtTheEnd(3_000);
    List<Fact> facts = new ArrayList<>();

    SourceException failure = assertThrows(SourceException.class,
        () -> InventoryFileSource.of(file).read((fact, origin) -> facts.add(fact)));

    assertEquals(List.of(file + ":3:56: devices[1] (id 'dev-000001').macAddress: \"00:1a\" is not a MAC address"
        + " (write six pairs of hex digits such as 00:1a:2b:3c:4d:5e (00-1A-2B-3C-4D-5E and 001a.2b3c.4d5e are"
        + " accepted too))"), failure.problems());
  }

  private Path fleetWithABadEntryAndAnAccentAtTheEnd(int devices) throws IOException {
    Path file = dir.resolve("fleet.json");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("{\"devices\": [\n");
      for (int i = 0; i < devices; i++) {
        String id = String.format("dev-%06d", i);
        String name = (i == devices - 1 ? "Caf\u00e9 " : "Camera ") + i;
        String mac = i == 1 ? "00:1a" : "00:1a:2b:3c:4d:5e";
        out.write((i == 0 ? "" : ",\n") + "{\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"macAddress\": \""
            + mac + "\", \"services\": [{\"port\": 443, \"tls\": true}]}");
      }
      out.write("\n]}\n");
    }
    return file;
  }

  private static String problemLines(List<SkippedRecord> records) {
    return records.stream().flatMap(record -> record.problems().stream()).map(line -> line + "\n")
        .collect(Collectors.joining());
  }

  private static String describe(Fact fact) {
    return fact.type().wireName() + " " + fact.id();
  }
}
