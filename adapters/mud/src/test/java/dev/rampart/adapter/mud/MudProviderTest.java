package dev.rampart.adapter.mud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MudProviderTest {

  @Test
  void theLocationIsTheFileOrDirectory() throws SourceException {
    assertEquals("mud:muds/camera.json",
        new MudProvider().create(new SourceConfig("muds/camera.json", Map.of("devices", "cam-01"))).describe());
  }

  @Test
  void aMudFileMustBeGivenItsDevices() {
    SourceException failure = assertThrows(SourceException.class,
        () -> new MudProvider().create(SourceConfig.of("camera.json")));

    assertEquals(List.of("mud source 'camera.json': no device is named (a MUD file describes a device model;"
        + " say which devices are of that model with the option devices=ID,ID...)"), failure.problems());
  }

  @Test
  void everyOptionProblemIsReportedAtOnce() {
    SourceConfig config = new SourceConfig("muds", Map.of("device", "cam-01", "devices.camera", " , "));

    SourceException failure = assertThrows(SourceException.class, () -> new MudProvider().create(config));

    assertEquals(List.of(
        "mud source 'muds': unknown option device (the mud source takes devices=ID,ID... for a MUD file,"
            + " or devices.NAME=ID,ID... for the file NAME.json of a directory)",
        "mud source 'muds': option devices.camera names no device"
            + " (list the ids of the devices this MUD file describes, e.g. devices.camera=cam-01,cam-02)"),
        failure.problems());
  }
}
