package dev.rampart.engine.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The uniqueness rules split a fleet into parts by the value compared, and Drools' group-by keeps each
 * part's values in a {@link HashMap}. The split must not leave a part's values a few of that map's
 * buckets: with a million devices that turned every lookup into a search of a long chain.
 */
class FleetRulesPartsTest {

  // HashMap turns a bucket into a tree once it holds this many entries
  private static final int TREEIFY_THRESHOLD = 8;

  @ParameterizedTest(name = "{0} parts")
  @ValueSource(ints = {50, 256})
  void aPartsValuesSpreadOverTheBucketsOfItsHashMapAndNoBucketFillsUp(int parts) throws Exception {
    List<List<String>> byPart = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      byPart.add(new ArrayList<>());
    }
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    for (int device = 0; device < 200_000; device++) {
      String fingerprint = HexFormat.of().formatHex(sha256.digest(("device-" + device).getBytes(StandardCharsets.UTF_8)));
      int part = FleetRules.part(fingerprint.hashCode(), parts);
      assertTrue(part >= 0 && part < parts, "part " + part);
      byPart.get(part).add(fingerprint);
    }
    for (List<String> values : byPart) {
      assertTrue(values.size() > 200_000 / parts / 2, "a part got only " + values.size() + " values");
      int buckets = tableSizeOf(values.size());
      Map<Integer, Integer> perBucket = new HashMap<>();
      for (String value : values) {
        int h = value.hashCode();
        perBucket.merge((h ^ (h >>> 16)) & (buckets - 1), 1, Integer::sum);
      }
      int fullest = perBucket.values().stream().max(Integer::compare).orElse(0);
      assertTrue(fullest < TREEIFY_THRESHOLD, values.size() + " values of a part, " + fullest + " in one bucket of "
          + buckets);
    }
  }

  /** The table size a HashMap grows to for this many entries (load factor 0.75). */
  private static int tableSizeOf(int entries) {
    int size = 16;
    while (size * 3 / 4 < entries) {
      size *= 2;
    }
    return size;
  }
}
