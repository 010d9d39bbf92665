package dev.rampart.adapter.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.adapter.testkit.RecordingSink;
import dev.rampart.spi.fact.AuthMethod;
import dev.rampart.spi.fact.CriticalSystemsAccess;
import dev.rampart.spi.fact.Deployment;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.LifecycleStatus;
import dev.rampart.spi.fact.Network;
import dev.rampart.spi.fact.Vendor;
import dev.rampart.spi.fact.WirelessSecurity;
import dev.rampart.spi.fact.Zone;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryFileSourceTest {

  @Test
  void aCompleteFileBindsEveryFieldOfEveryRecord() throws SourceException {
    List<Fact> facts = Fixtures.facts("complete.yaml");

    assertEquals(Set.of(), FieldCoverage.neverSet(facts), "fields that complete.yaml leaves unset");
  }

  @Test
  void aCompleteFileKeepsDeepValues() throws SourceException {
    Map<FactType, Fact> byType = new LinkedHashMap<>();
    Fixtures.facts("complete.yaml").forEach(fact -> byType.put(fact.type(), fact));

    Device camera = (Device) byType.get(FactType.DEVICE);
    assertEquals(AuthMethod.CERTIFICATE, camera.credentials().authMethod());
    assertEquals(256, camera.credentials().certificate().keySize());
    assertEquals(Instant.parse("2027-06-30T00:00:00Z"), camera.credentials().certificate().notAfter());
    assertEquals(List.of("1.2", "1.3"), camera.services().get(0).tlsVersions());
    assertEquals(443, camera.services().get(0).port());
    assertEquals(WirelessSecurity.WPA3, camera.wireless().security());
    assertEquals(LifecycleStatus.ACTIVE, camera.lifecycle().status());
    assertEquals(LocalDate.of(2030, 1, 31), camera.lifecycle().endOfSupport());
    assertEquals("4.2.1", camera.firmware().version());
    assertEquals(List.of("iot-cams"), camera.networkIds());

    Network network = (Network) byType.get(FactType.NETWORK);
    assertEquals(Zone.IOT, network.zone());
    assertEquals(CriticalSystemsAccess.NONE, network.criticalSystemsAccess());
    assertEquals(List.of("updates.acme.example", "10.10.0.5/32"), network.egress().allowlist());

    Vendor vendor = (Vendor) byType.get(FactType.VENDOR);
    assertEquals(LocalDate.of(2029, 12, 31), vendor.patchSupportUntil());

    Deployment deployment = (Deployment) byType.get(FactType.DEPLOYMENT);
    assertEquals(85, deployment.training().coveragePercent());
    assertEquals(LocalDate.of(2026, 5, 14), deployment.incidentResponse().lastExercised());
  }

  @Test
  void eachFactCarriesTheFileLineAndColumnWhereItStartsCollectedAtTheFilesLastModification() throws Exception {
    RecordingSink read = Fixtures.read(Fixtures.path("complete.yaml"));

    String file = Fixtures.path("complete.yaml").toString();
    Instant modified = Fixtures.lastModified("complete.yaml");
    assertEquals(List.of(
        new Origin("inventory", file, 3, 3, modified),
        new Origin("inventory", file, 57, 5, modified),
        new Origin("inventory", file, 67, 5, modified),
        new Origin("inventory", file, 84, 5, modified)), read.origins());
  }

  @Test
  void theCollectionTimeFollowsTheFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("site.yaml"), "devices:\n  - id: cam-01\n");
    Instant modified = Instant.parse("2026-11-20T08:15:00Z");
    Files.setLastModifiedTime(file, FileTime.from(modified));

    assertEquals(List.of(new Origin("inventory", file.toString(), 2, 5, modified)), Fixtures.read(file).origins());
  }

  @Test
  void theJsonVariantOfAFileGivesTheSameFactsAsTheYamlVariant() throws SourceException {
    assertEquals(Fixtures.facts("complete.yaml"), Fixtures.facts("complete.json"));
  }

  @Test
  void anAbsentListIsUnknownButAnEmptyListIsKnownToBeEmpty() throws SourceException {
    Map<String, Device> devices = devices(Fixtures.read(Fixtures.path("absent-and-empty.yaml")).facts());

    assertNull(devices.get("unknown-services").services());
    assertEquals(List.of(), devices.get("no-services").services());
    assertEquals(List.of(), devices.get("no-services").ipAddresses());
  }

  @Test
  void anExplicitNullIsTheSameAsAnAbsentField() throws SourceException {
    Map<String, Device> devices = devices(Fixtures.read(Fixtures.path("absent-and-empty.yaml")).facts());

    Device nulls = devices.get("null-services");
    assertEquals(Device.builder("null-services").build(), nulls);
    assertEquals(Map.of(), nulls.attributes());
  }

  @Test
  void anInstantMayBeWrittenAsAPlainDateMeaningTheStartOfThatDayInUtc() throws SourceException {
    Map<String, Device> devices = devices(Fixtures.read(Fixtures.path("dates.yaml")).facts());

    assertEquals(Instant.parse("2026-11-01T00:00:00Z"), devices.get("plain-date").resilience().lastBackup());
    assertEquals(Instant.parse("2026-11-01T10:00:00Z"), devices.get("instant").resilience().lastBackup());
    assertEquals(Instant.parse("2026-11-01T10:00:00Z"), devices.get("offset").resilience().lastBackup());
  }

  @Test
  void attributesKeepTextNumbersAndBooleansAndDropNulls() throws SourceException {
    Device device = (Device) Fixtures.facts("attributes.yaml").get(0);

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("rack", "A7");
    expected.put("count", 3L);
    expected.put("huge", new BigDecimal("123456789012345678901234567890"));
    expected.put("ratio", 0.5);
    expected.put("precise", new BigDecimal("0.1000000000000000000001"));
    expected.put("outdoor", false);
    assertEquals(expected, device.attributes());
    assertInstanceOf(Long.class, device.attributes().get("count"));
  }

  @Test
  void anAttributeCanHoldAListOfSingleValuesInYamlAndJson() throws SourceException {
    for (String file : List.of("attributes-lists.yaml", "attributes-lists.json")) {
      Device device = (Device) Fixtures.facts(file).get(0);

      assertEquals(Map.of("zones", List.of("yard", "gate"), "ports", List.of(80L, 443L), "empty", List.of()),
          device.attributes(), file);
      assertThrows(UnsupportedOperationException.class, () -> ((List<?>) device.attributes().get("zones")).clear());
    }
  }

  @Test
  void aFileWithAnotherExtensionIsReadAsJsonWhenItStartsWithABrace() throws SourceException {
    assertEquals(List.of(Device.builder("cam-01").build()), Fixtures.facts("sniffed-json.inventory"));
    assertEquals(List.of(Device.builder("cam-01").build()), Fixtures.facts("sniffed-yaml.inventory"));
  }

  @Test
  void aByteOrderMarkAtTheStartIsIgnored() throws SourceException {
    assertEquals(List.of(Device.builder("cam-01").build()), Fixtures.facts("byte-order-mark.yaml"));
  }

  @Test
  void goodElementsAroundABadOneAreStillHandedToTheSink() {
    List<String> ids = new ArrayList<>();
    SourceException failure = assertThrows(SourceException.class,
        () -> InventoryFileSource.of(Fixtures.path("keeps-reading.yaml")).read((fact, origin) -> ids.add(fact.id())));

    assertEquals(List.of("acme", "cam-02", "cam-04"), ids);
    assertEquals(2, failure.problems().size());
  }

  @Test
  void jsonIsReadTheSameWhateverCharactersItHolds(@TempDir Path dir) throws Exception {
    // Plain ASCII JSON is read as bytes; at the first other character the file is read again as
    // text, and what was already handed over is not handed over twice.
    Path file = Files.writeString(dir.resolve("mixed.json"), """
        {"devices": [
          {"id": "a", "name": "Camera"},
          {"id": "b", "name": "Caméra", "colour": "red"},
          {"id": "c", "name": "Kamera"}
        ]}
        """);
    List<String> ids = new ArrayList<>();
    List<Origin> origins = new ArrayList<>();

    SourceException failure = assertThrows(SourceException.class, () -> InventoryFileSource.of(file).read(
        (fact, origin) -> {
          ids.add(fact.id());
          origins.add(origin);
        }));

    assertEquals(List.of("a", "c"), ids);
    assertEquals(List.of(2, 4), origins.stream().map(Origin::line).toList());
    // columns count characters, so the 'é' (two bytes in UTF-8) counts once
    assertEquals(List.of(file + ":3:33: devices[1] (id 'b'): unknown field 'colour' (valid fields: id, name, model, "
        + "serialNumber, macAddress, ipAddresses, vendorId, networkIds, deviceClass, owner, criticality, hardware, "
        + "firmware, ota, credentials, accessPolicy, services, wireless, data, monitoring, resilience, lifecycle, "
        + "connectivity, outboundDestinations, egressAllowlist, observedPeers, allowedPeers, presence, attributes)"), failure.problems());
  }

  @Test
  void describeNamesTheSourceTypeAndTheFile() {
    assertEquals("inventory:examples/site.yaml", InventoryFileSource.of(Path.of("examples/site.yaml")).describe());
  }

  private static Map<String, Device> devices(List<Fact> facts) {
    Map<String, Device> devices = new LinkedHashMap<>();
    for (Fact fact : facts) {
      devices.put(fact.id(), (Device) fact);
    }
    return devices;
  }
}
