package dev.rampart.adapter.azureiothub;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceRole;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Creates sources for the source id {@value #ID}: a JSON file of device identities or twins
 * exported from Azure IoT Hub with the Azure CLI. The location is the file path; the one option,
 * {@value #FIRMWARE_VERSION_PATH}, names the twin field that holds the firmware version.
 */
@API(status = STABLE, since = "0.1")
public final class AzureIotHubProvider implements FactSourceProvider {

  /** The stable id of this source type, also the {@code sourceId} of every {@code Origin} it reports. */
  public static final String ID = "azure-iot-hub";

  /**
   * The option giving the dotted path of the firmware version in a twin, by default
   * {@value #DEFAULT_FIRMWARE_VERSION_PATH}; e.g. {@code properties.reported.deviceInformation.swVersion}
   * for devices that report the IoT Plug and Play device information interface.
   */
  public static final String FIRMWARE_VERSION_PATH = "firmwareVersionPath";

  /** Where the firmware version is read unless {@value #FIRMWARE_VERSION_PATH} says otherwise. */
  public static final String DEFAULT_FIRMWARE_VERSION_PATH = "properties.reported.firmwareVersion";

  @Override
  public String id() {
    return ID;
  }

  /** Discovery: a hub lists the devices that enrolled, whoever enrolled them; role=systemOfRecord says otherwise. */
  @Override
  public SourceRole role() {
    return SourceRole.DISCOVERY;
  }

  @Override
  public FactSource create(SourceConfig config) throws SourceException {
    config.refuseUnknownOptions(ID, List.of(FIRMWARE_VERSION_PATH));
    String firmware = config.option(FIRMWARE_VERSION_PATH).orElse(DEFAULT_FIRMWARE_VERSION_PATH).trim();
    List<String> path = Arrays.asList(firmware.split("\\.", -1));
    if (firmware.isEmpty() || path.stream().anyMatch(String::isBlank)) {
      throw new SourceException(ID + " source '" + config.location() + "': option " + FIRMWARE_VERSION_PATH + " '"
          + config.option(FIRMWARE_VERSION_PATH).orElse("") + "' is not a dotted field path"
          + " (name the twin field, e.g. " + DEFAULT_FIRMWARE_VERSION_PATH + ")");
    }
    return new AzureIotHubSource(config.file(), List.copyOf(path));
  }
}
