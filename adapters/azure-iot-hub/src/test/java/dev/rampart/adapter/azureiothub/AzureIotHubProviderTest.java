package dev.rampart.adapter.azureiothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureIotHubProviderTest {

  @Test
  void theLocationIsTheExportFile() throws SourceException {
    assertEquals("azure-iot-hub:hub-export.json",
        new AzureIotHubProvider().create(SourceConfig.of("hub-export.json")).describe());
  }

  @Test
  void theFirmwareVersionPathMustBeADottedPath() {
    SourceConfig config = new SourceConfig("hub-export.json", Map.of("firmwareVersionPath", "properties..version"));

    SourceException failure = assertThrows(SourceException.class, () -> new AzureIotHubProvider().create(config));

    assertEquals(List.of("azure-iot-hub source 'hub-export.json': option firmwareVersionPath 'properties..version'"
        + " is not a dotted field path (name the twin field, e.g. properties.reported.firmwareVersion)"),
        failure.problems());
  }

  @Test
  void theSourceTakesNoOtherOption() {
    SourceConfig config = new SourceConfig("hub-export.json", Map.of("connectionString", "HostName=x"));

    SourceException failure = assertThrows(SourceException.class, () -> new AzureIotHubProvider().create(config));

    assertEquals(List.of("azure-iot-hub source 'hub-export.json': unknown option(s) connectionString"
        + " (the azure-iot-hub source takes only the option firmwareVersionPath)"),
        failure.problems());
  }
}
