package dev.rampart.cli.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rampart.spi.source.Origin;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactOriginsTest {

  private static final Instant READ = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void givesBackEveryOriginPutWhenAFleetOfOneFileOutgrowsTheTable() {
    FactOrigins origins = new FactOrigins();
    Map<String, Origin> expected = new HashMap<>();
    for (int i = 0; i < 100_000; i++) {
      Origin origin = new Origin("inventory", "fleet.json", 3 + i * 40, 5 + i % 7, READ);
      origins.put("dev-" + i, origin);
      expected.put("dev-" + i, origin);
    }
    for (int i = 0; i < 100_000; i += 997) {
      assertEquals(expected.get("dev-" + i), origins.get("dev-" + i));
    }
    Map<String, Origin> all = new HashMap<>();
    origins.forEach(all::put);
    assertEquals(expected, all);
    assertNull(origins.get("dev-100000"));
  }

  @Test
  void keepsWholeAnOriginFromAnotherFileOrTimeAndLetsALaterOriginReplaceAnEarlierOne() {
    FactOrigins origins = new FactOrigins();
    Origin first = new Origin("inventory", "a.json", 1, 1, READ);
    Origin otherFile = new Origin("inventory", "b.json", 7, 3, READ);
    Origin unknownTime = new Origin("inventory", "a.json", 9, 2, null);
    origins.put("a", first);
    origins.put("b", otherFile);
    origins.put("c", unknownTime);
    assertEquals(first, origins.get("a"));
    assertEquals(otherFile, origins.get("b"));
    assertEquals(unknownTime, origins.get("c"));

    Origin again = new Origin("inventory", "a.json", 20, 4, READ);
    origins.put("b", again);
    origins.put("c", again);
    origins.put("a", otherFile);
    assertEquals(again, origins.get("b"));
    assertEquals(again, origins.get("c"));
    assertEquals(otherFile, origins.get("a"));
    Map<String, Origin> all = new HashMap<>();
    origins.forEach(all::put);
    assertEquals(Map.of("a", otherFile, "b", again, "c", again), all);
  }

  @Test
  void findsEveryIdLeftAfterOthersInItsProbeRunAreReplacedByUnlikeOrigins() {
    FactOrigins origins = new FactOrigins();
    for (int i = 0; i < 600; i++) {
      origins.put("id" + i, new Origin("inventory", "a.json", i + 1, 1, READ));
    }
    for (int i = 0; i < 600; i += 2) {
      origins.put("id" + i, new Origin("nmap", "scan.xml", i + 1, 1, READ));
    }
    for (int i = 0; i < 600; i++) {
      String file = i % 2 == 0 ? "scan.xml" : "a.json";
      assertEquals(file, origins.get("id" + i).location(), "id" + i);
      assertEquals(i + 1, origins.get("id" + i).line(), "id" + i);
    }
  }
}
