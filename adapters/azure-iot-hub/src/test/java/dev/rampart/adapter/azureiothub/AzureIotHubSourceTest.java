package dev.rampart.adapter.azureiothub;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.adapter.testkit.FactContents;
import dev.rampart.adapter.testkit.RecordingSink;
import dev.rampart.spi.fact.AuthMethod;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.Firmware;
import dev.rampart.spi.fact.Lifecycle;
import dev.rampart.spi.fact.LifecycleStatus;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads sample exports shaped exactly as the Azure CLI writes them: {@code device-identity-list.json}
 * is the output of {@code az iot hub device-identity list} (twins), {@code device-identity-show.json}
 * that of {@code az iot hub device-identity show} (a device identity with its keys).
 */
class AzureIotHubSourceTest {

  private static final String CAMERA_THUMBPRINT = "4f1225e72b211ab1f1587f67e34329fd3a34c166e13636cb7df80e559e5344b6";

  @Test
  void everyTwinBecomesADeviceNamedByItsDeviceId() throws Exception {
    assertEquals(List.of("thermostat-01", "camera-07", "gateway-02", "sensor-09"),
        List.copyOf(read("device-identity-list.json").keySet()));
  }

  @Test
  void sasAuthenticationIsAPreSharedKey() throws Exception {
    Device thermostat = read("device-identity-list.json").get("thermostat-01");

    assertEquals(new Credentials(null, null, null, AuthMethod.PRE_SHARED_KEY, null, null), thermostat.credentials());
  }

  @Test
  void aSelfSignedDeviceIsACertificateDeviceWithASelfSignedCertificateAndItsThumbprint() throws Exception {
    Device camera = read("device-identity-list.json").get("camera-07");

    assertEquals(new Credentials(null, null, CAMERA_THUMBPRINT, AuthMethod.CERTIFICATE,
        new Certificate(null, null, null, null, null, null, null, null, true, null, null, null, null, null, CAMERA_THUMBPRINT, null, null, null, null, null), null),
        camera.credentials());
  }

  @Test
  void aSha1ThumbprintIsTheFingerprintButNotTheSha256OfTheCertificate() throws Exception {
    Device sensor = read("device-identity-list.json").get("sensor-09");

    assertAll(
        () -> assertEquals("9a6c3b0f217e55d40c8be29371af104d6e28c5b1", sensor.credentials().fingerprint()),
        () -> assertNull(sensor.credentials().certificate().sha256Fingerprint()));
  }

  @Test
  void aCertificateAuthorityDeviceHasACertificateThatIsNotSelfSigned() throws Exception {
    Device gateway = read("device-identity-list.json").get("gateway-02");

    assertAll(
        () -> assertEquals(AuthMethod.CERTIFICATE, gateway.credentials().authMethod()),
        () -> assertEquals(false, gateway.credentials().certificate().selfSigned()),
        () -> assertNull(gateway.credentials().fingerprint()));
  }

  @Test
  void enabledIsActiveAndDisabledLeavesTheLifecycleUnknown() throws Exception {
    Map<String, Device> devices = read("device-identity-list.json");

    assertAll(
        () -> assertEquals(new Lifecycle(LifecycleStatus.ACTIVE, null, null), devices.get("thermostat-01").lifecycle()),
        () -> assertNull(devices.get("gateway-02").lifecycle(), "disabled does not say planned, maintenance or retired"));
  }

  @Test
  void theReportedFirmwareVersionIsTheFirmware() throws Exception {
    Map<String, Device> devices = read("device-identity-list.json");

    assertAll(
        () -> assertEquals(new Firmware("2.4.1", null, null, null), devices.get("thermostat-01").firmware()),
        () -> assertEquals(new Firmware("3", null, null, null), devices.get("sensor-09").firmware(), "a number, as written"),
        () -> assertNull(devices.get("gateway-02").firmware(), "not reported"));
  }

  @Test
  void theFirmwareVersionPathCanNameAnotherTwinField() throws Exception {
    SourceConfig config = new SourceConfig(Fixtures.location("device-twin-list-pnp.json"),
        Map.of("firmwareVersionPath", "properties.reported.deviceInformation.swVersion"));

    Device thermostat = read(config).get("thermostat-01");

    assertEquals(new Firmware("2.4.1-pnp", null, null, null), thermostat.firmware());
  }

  @Test
  void tagsAreAttributesAndNestedTagsAreJoinedWithDots() throws Exception {
    Map<String, Device> devices = read("device-identity-list.json");

    assertAll(
        () -> assertEquals(Map.of("site", "berlin-plant", "location.building", "B2", "location.floor", 3L),
            devices.get("thermostat-01").attributes()),
        () -> assertEquals(Map.of("site", "berlin-plant", "owner", "facilities", "maintained", true),
            devices.get("camera-07").attributes()),
        () -> assertEquals(Map.of("site", "hamburg"), devices.get("sensor-09").attributes(), "a list tag is not read"),
        () -> assertEquals(Map.of(), devices.get("gateway-02").attributes(), "tags: null"));
  }

  @Test
  void aDeviceIdentityWithKeysGivesAFingerprintOfThePrimaryKeyNeverTheKey() throws Exception {
    Device thermostat = read("device-identity-show.json").get("thermostat-01");

    assertAll(
        () -> assertEquals(AuthMethod.PRE_SHARED_KEY, thermostat.credentials().authMethod()),
        () -> assertEquals("sas-key-sha256:f2dca54bfdcbefaffd66c1f42129c466e33335974361992c705f7071a526e6a9",
            thermostat.credentials().fingerprint()),
        () -> assertFalse(FactContents.of(thermostat).contains("dGhpcy1pcy1ub3QtYS1yZWFsLWtleS1vbmx5LWEtdGVzdA==")));
  }

  @Test
  void devicesSharingASymmetricKeyShareAFingerprint() throws Exception {
    Map<String, Device> valves = read("identities-sharing-a-key.json");

    assertAll(
        () -> assertEquals(valves.get("valve-11").credentials().fingerprint(), valves.get("valve-12").credentials().fingerprint()),
        () -> assertFalse(valves.get("valve-11").credentials().fingerprint().equals(valves.get("valve-13").credentials().fingerprint())));
  }

  @Test
  void theOriginIsTheEntryInTheFileAndTheExportTimeIsTheFileTime() throws Exception {
    List<Origin> origins = new ArrayList<>();
    new AzureIotHubProvider().create(SourceConfig.of(Fixtures.location("device-identity-list.json")))
        .read((fact, origin) -> origins.add(origin));

    assertEquals(new Origin("azure-iot-hub", Fixtures.location("device-identity-list.json"), 51, 3,
        Files.getLastModifiedTime(Fixtures.path("device-identity-list.json")).toInstant()), origins.get(1));
  }

  @Test
  void oneMalformedTwinOfFourIsSkippedWithItsPlaceAndTheOtherThreeAreRead() throws Exception {
    RecordingSink read = RecordingSink.readPartially(
        new AzureIotHubProvider().create(SourceConfig.of(Fixtures.location("one-malformed-twin-of-four.json"))));

    String file = Fixtures.location("one-malformed-twin-of-four.json");
    assertAll(
        () -> assertEquals(List.of("thermostat-01", "gateway-02", "sensor-09"),
            read.facts().stream().map(Fact::id).toList()),
        () -> assertEquals(List.of(SkippedRecord.of(new Origin("azure-iot-hub", file, 51, 3,
            Files.getLastModifiedTime(Fixtures.path("one-malformed-twin-of-four.json")).toInstant()),
            FactType.DEVICE, "camera-07", List.of(file + ":52:27: [1] twin 'camera-07'.authenticationType: unknown"
                + " authentication type 'x509' (expected sas, selfSigned, certificateAuthority or none)"))),
            read.skippedRecords()));
  }

  @Test
  void readStrictlyAnExportWithAMalformedTwinFailsNamingIt() {
    SourceException failure = assertThrows(SourceException.class, () -> read("one-malformed-twin-of-four.json"));

    assertEquals(List.of(Fixtures.location("one-malformed-twin-of-four.json") + ":52:27: [1] twin 'camera-07'"
        + ".authenticationType: unknown authentication type 'x509' (expected sas, selfSigned, certificateAuthority or"
        + " none)"), failure.problems());
  }

  @Test
  void everyBadTwinIsSkippedWithEachOfItsBadValuesInOneRun() throws Exception {
    RecordingSink read = RecordingSink.readPartially(
        new AzureIotHubProvider().create(SourceConfig.of(Fixtures.location("bad-values.json"))));

    String file = Fixtures.location("bad-values.json");
    assertAll(
        () -> assertEquals(List.of("cam-24"), read.facts().stream().map(Fact::id).toList(), "the one good twin"),
        () -> assertEquals(List.of("cam-20", "cam-21", "cam-22", "cam-23"),
            read.skippedRecords().stream().map(SkippedRecord::factId).toList()),
        () -> assertEquals(List.of(
            file + ":3:27: [0] twin 'cam-20'.authenticationType: unknown authentication type 'x509'"
                + " (expected sas, selfSigned, certificateAuthority or none)",
            file + ":70:15: [1] twin 'cam-21'.status: unknown status 'on' (expected enabled or disabled)",
            file + ":110:28: [2] twin 'cam-22'.properties.reported.firmwareVersion: expected a firmware version"
                + " but found an object (set the option firmwareVersionPath to the twin field that holds the version)",
            file + ":161:28: [3] twin 'cam-23'.x509Thumbprint.primaryThumbprint: the text 'not-a-thumbprint'"
                + " is not a certificate thumbprint (expected 40 (SHA-1) or 64 (SHA-256) hexadecimal digits)"),
            read.skippedRecords().stream().flatMap(record -> record.problems().stream()).toList()));
  }

  @Test
  void aTwinWithoutADeviceIdIsSkippedWithItsIndexOnly() throws Exception {
    RecordingSink read = RecordingSink.readPartially(
        new AzureIotHubProvider().create(SourceConfig.of(Fixtures.location("missing-device-id.json"))));

    assertAll(
        () -> assertEquals(null, read.skippedRecords().get(0).type(), "nothing can stand in for it"),
        () -> assertEquals(List.of(Fixtures.location("missing-device-id.json") + ":2:3: [0]: no deviceId, so this is not a"
            + " device twin (every twin has one; a query that selects some fields or groups devices (SELECT COUNT() ..."
            + " GROUP BY) writes other objects: export the devices with 'az iot hub device-identity list --hub-name HUB"
            + " -o json > FILE')"), read.skippedRecords().get(0).problems()));
  }

  @Test
  void aModuleTwinIsNotADevice() throws Exception {
    RecordingSink read = RecordingSink.readPartially(
        new AzureIotHubProvider().create(SourceConfig.of(Fixtures.location("module-twin.json"))));

    assertAll(
        () -> assertEquals(List.of(), read.facts()),
        () -> assertNull(read.skippedRecords().get(0).factId(), "a module is not device 'gateway-02'"),
        () -> assertEquals(List.of(Fixtures.location("module-twin.json") + ":2:3: [0] twin 'gateway-02': this is the"
            + " twin of module 'edgeAgent', not of a device"
            + " (query devices only: az iot hub query --hub-name HUB -q \"select * from devices\")"),
            read.skippedRecords().get(0).problems()));
  }

  @Test
  void anEmptyListIsNotAHubWithoutFindings() {
    SourceException failure = assertThrows(SourceException.class, () -> read("empty-list.json"));

    assertEquals(List.of(Fixtures.location("empty-list.json") + ": the export is an empty list: it names no device"
        + " (check the hub name and that the identity that exported it may read the hub's registry; a hub without"
        + " devices has nothing to evaluate, so leave this source out)"), failure.problems());
  }

  @Test
  void anExportRedirectedByWindowsPowerShellInUtf16IsReadToo(@TempDir Path directory) throws Exception {
    Path utf16 = directory.resolve("export.json");
    String export = Files.readString(Fixtures.path("device-identity-list.json"));
    Files.write(utf16, ("\uFEFF" + export).getBytes(StandardCharsets.UTF_16LE));

    assertEquals(read("device-identity-list.json"), read(SourceConfig.of(utf16.toString())));
  }

  @Test
  void aLargeExportIsStreamedEntryByEntry(@TempDir Path directory) throws Exception {
    Path large = directory.resolve("large.json");
    int count = 20_000;
    try (Writer out = Files.newBufferedWriter(large)) {
      out.write("[");
      for (int i = 0; i < count; i++) {
        out.write((i == 0 ? "" : ",") + "{\"deviceId\": \"sensor-" + i + "\", \"authenticationType\": \"sas\","
            + " \"status\": \"enabled\", \"tags\": {\"site\": \"plant-" + (i % 7) + "\"},"
            + " \"properties\": {\"reported\": {\"firmwareVersion\": \"1." + (i % 3) + "\"}}}\n");
      }
      out.write("]");
    }
    int[] seen = {0};

    new AzureIotHubProvider().create(SourceConfig.of(large.toString())).read((fact, origin) -> seen[0]++);

    assertEquals(count, seen[0]);
  }

  private static Map<String, Device> read(String fixture) throws SourceException {
    return read(SourceConfig.of(Fixtures.location(fixture)));
  }

  private static Map<String, Device> read(SourceConfig config) throws SourceException {
    Map<String, Device> devices = new LinkedHashMap<>();
    new AzureIotHubProvider().create(config).read((fact, origin) -> devices.put(fact.id(), (Device) fact));
    return devices;
  }
}
