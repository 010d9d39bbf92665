package dev.rampart.engine;

import dev.rampart.engine.value.PackLoadException;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import java.util.ArrayList;
import java.util.List;

/**
 * A pack and a fleet that take minutes to evaluate: every device's name is matched against a
 * pattern of 50,000 instructions, about half a second a device. Stopping it is the only way a test
 * of it ends in time.
 */
final class SlowFleet {

  private SlowFleet() {}

  static RulePack pack() throws PackLoadException {
    return RulePacks.parse("""
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: slow, version: "1.0", title: Slow}
        rules:
          - id: RE-005
            title: Large pattern
            category: identity
            severity: high
            target: device
            assert: {field: name, matches: "%sz"}
        """.formatted(".{1000}".repeat(50)), "slow.yaml");
  }

  static List<Fact> devices(int count) {
    List<Fact> devices = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      devices.add(Device.builder(String.format("cam-%03d", i)).name(String.format("%03d", i) + "a".repeat(990)).build());
    }
    return devices;
  }
}
