package dev.rampart.adapter.azureiothub;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.adapter.testkit.RecordingSink;
import dev.rampart.spi.fact.AuthMethod;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Lifecycle;
import dev.rampart.spi.fact.LifecycleStatus;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads device twins written by others: the examples of Microsoft's Azure IoT Hub documentation (see
 * {@code real-world/PROVENANCE.md} for the repository, commit, path, licence and what was changed).
 */
class AzureIotHubRealWorldTest {

  private static final String TWIN = "real-world/azure-docs-device-twin.json";
  private static final String PNP_TWIN = "real-world/azure-docs-pnp-device-twin.json";
  private static final String CLI_TWIN = "real-world/azure-docs-cli-device-twin-update.json";
  private static final String QUERY_TWIN = "real-world/azure-docs-query-sample-twin.json";
  private static final String PROJECTION = "real-world/azure-docs-query-projection.json";
  private static final String GROUP_BY = "real-world/azure-docs-query-group-by.json";

  @Test
  void theDocumentedDeviceTwinIsAnActivePreSharedKeyDeviceWithItsNestedTags() throws Exception {
    Map<String, Device> devices = read(SourceConfig.of(Fixtures.location(TWIN)));
    Device devA = devices.get("devA");

    assertAll(
        () -> assertEquals(List.of("devA"), List.copyOf(devices.keySet())),
        () -> assertEquals(new Credentials(null, null, null, AuthMethod.PRE_SHARED_KEY, null, null), devA.credentials(),
            "a twin export has no keys, so no fingerprint"),
        () -> assertEquals(new Lifecycle(LifecycleStatus.ACTIVE, null, null), devA.lifecycle()),
        () -> assertEquals(Map.of("deploymentLocation.building", "43", "deploymentLocation.floor", "1"),
            devA.attributes()),
        () -> assertNull(devA.firmware(), "the twin reports batteryLevel and telemetryConfig, no firmwareVersion"));
  }

  @Test
  void thePlugAndPlayTwinWithoutIdentityPropertiesLeavesCredentialsAndLifecycleUnknown() throws Exception {
    Device device = read(SourceConfig.of(Fixtures.location(PNP_TWIN))).get("sample-device");

    assertAll(
        () -> assertNull(device.credentials(), "no authenticationType in the snippet"),
        () -> assertNull(device.lifecycle(), "no status in the snippet"),
        () -> assertNull(device.firmware()),
        () -> assertEquals(Map.of(), device.attributes(), "no tags"));
  }

  @Test
  void aPlugAndPlayWritablePropertyIsAnAcknowledgementObjectNotAFirmwareVersion() {
    SourceConfig config = new SourceConfig(Fixtures.location(PNP_TWIN),
        Map.of("firmwareVersionPath", "properties.reported.thermostat1.targetTemperature"));

    SourceException failure = assertThrows(SourceException.class, () -> read(config));

    // A single twin, not a list: the entry has no index.
    assertEquals(List.of(Fixtures.location(PNP_TWIN) + ":19:30: twin 'sample-device'"
        + ".properties.reported.thermostat1.targetTemperature: expected a firmware version but found an object"
        + " (set the option firmwareVersionPath to the twin field that holds the version)"),
        failure.problems());
  }

  @Test
  void theAzureCliTwinIsAnActivePreSharedKeyDeviceWithItsLocationTags() throws Exception {
    Map<String, Device> devices = read(SourceConfig.of(Fixtures.location(CLI_TWIN)));
    Device device = devices.get("SampleDevice");

    assertAll(
        () -> assertEquals(List.of("SampleDevice"), List.copyOf(devices.keySet())),
        () -> assertEquals(new Credentials(null, null, null, AuthMethod.PRE_SHARED_KEY, null, null),
            device.credentials(), "az writes no keys in a twin, and a null thumbprint is no fingerprint"),
        () -> assertEquals(new Lifecycle(LifecycleStatus.ACTIVE, null, null), device.lifecycle()),
        () -> assertEquals(Map.of("location.plant", "Redmond43", "location.region", "US"), device.attributes()),
        () -> assertNull(device.firmware(), "the twin reports connectivity only"));
  }

  @Test
  void theQueryGuidesSampleTwinIsReadLikeTheCliTwin() throws Exception {
    Device device = read(SourceConfig.of(Fixtures.location(QUERY_TWIN))).get("myDeviceId");

    assertAll(
        () -> assertEquals(AuthMethod.PRE_SHARED_KEY, device.credentials().authMethod()),
        () -> assertEquals(new Lifecycle(LifecycleStatus.ACTIVE, null, null), device.lifecycle()),
        () -> assertEquals(Map.of("location.region", "US", "location.plant", "Redmond43"), device.attributes()));
  }

  @Test
  void aProjectionQueryGivesTheDeviceWithEveryOtherFieldUnknown() throws Exception {
    Map<String, Device> devices = read(SourceConfig.of(Fixtures.location(PROJECTION)));

    assertEquals(Map.of("AZ3166Device", Device.builder("AZ3166Device").build()), devices,
        "SELECT DeviceId, LastActivityTime: no authentication type, status or tags, so their rules are UNKNOWN");
  }

  @Test
  void aGroupByQueryResultHoldsNoTwinAndEveryEntryIsNamedNotAPass() throws Exception {
    RecordingSink partly = RecordingSink.readPartially(
        new AzureIotHubProvider().create(SourceConfig.of(Fixtures.location(GROUP_BY))));

    String fix = " (every twin has one; a query that selects some fields or groups devices (SELECT COUNT() ... GROUP BY)"
        + " writes other objects: export the devices with 'az iot hub device-identity list --hub-name HUB -o json >"
        + " FILE')";
    String file = Fixtures.location(GROUP_BY);
    assertAll(
        () -> assertEquals(List.of(), partly.facts()),
        () -> assertEquals(List.of(
            file + ":2:5: [0]: no deviceId, so this is not a device twin" + fix,
            file + ":6:5: [1]: no deviceId, so this is not a device twin" + fix,
            file + ":10:5: [2]: no deviceId, so this is not a device twin" + fix),
            partly.skippedRecords().stream().flatMap(record -> record.problems().stream()).toList()),
        () -> assertTrue(partly.skippedRecords().stream().allMatch(record -> record.factId() == null),
            "nothing stands in for a group count, so even a partial read of the source fails"));
  }

  private static Map<String, Device> read(SourceConfig config) throws SourceException {
    Map<String, Device> devices = new LinkedHashMap<>();
    new AzureIotHubProvider().create(config).read((fact, origin) -> devices.put(fact.id(), (Device) fact));
    return devices;
  }
}
