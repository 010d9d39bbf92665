package dev.rampart.adapter.azureiothub;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

  private static Map<String, Device> read(SourceConfig config) throws SourceException {
    Map<String, Device> devices = new LinkedHashMap<>();
    new AzureIotHubProvider().create(config).read((fact, origin) -> devices.put(fact.id(), (Device) fact));
    return devices;
  }
}
