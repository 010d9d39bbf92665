package dev.rampart.adapter.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Equal parts of many facts (a firmware, a lifecycle) are handed out as one instance to a sink that
 * keeps its facts, so a fleet held in memory stays small; a sink that lets each fact go, as a
 * streaming evaluation does, is spared the hashing and comparing that costs, and gets equal facts.
 */
class SharedPartsTest {

  private static final String TWO_CAMERAS = """
      {"devices": [
        {"id": "cam-1", "firmware": {"version": "2.4.1", "releaseDate": "2026-01-10"},
         "lifecycle": {"status": "active"}},
        {"id": "cam-2", "firmware": {"version": "2.4.1", "releaseDate": "2026-01-10"},
         "lifecycle": {"status": "active"}}
      ]}
      """;

  @TempDir Path dir;

  @Test
  void aSinkThatKeepsItsFactsGetsEqualPartsAsOneInstance() throws Exception {
    List<Device> kept = read(true);
    assertSame(kept.get(0).firmware(), kept.get(1).firmware());
    assertSame(kept.get(0).lifecycle(), kept.get(1).lifecycle());
  }

  @Test
  void aSinkThatLetsItsFactsGoGetsEqualFactsWithoutTheSharing() throws Exception {
    List<Device> streamed = read(false);
    assertNotSame(streamed.get(0).firmware(), streamed.get(1).firmware());
    assertEquals(streamed.get(0).firmware(), streamed.get(1).firmware());
    assertEquals(read(true), streamed);
  }

  private List<Device> read(boolean keepsFacts) throws IOException, SourceException {
    Path file = dir.resolve("fleet.json");
    Files.writeString(file, TWO_CAMERAS);
    List<Device> devices = new ArrayList<>();
    InventoryFileSource.of(file).read(new FactSink() {
      @Override
      public void accept(Fact fact, Origin origin) {
        devices.add((Device) fact);
      }

      @Override
      public boolean keepsFacts() {
        return keepsFacts;
      }
    });
    return devices;
  }
}
