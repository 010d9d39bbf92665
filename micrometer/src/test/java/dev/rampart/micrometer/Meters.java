package dev.rampart.micrometer;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.RulePacks;
import dev.rampart.spi.fact.AuthMethod;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Collectors;

/** The small pack and fleet the tests measure, and a registry's meters as text, one line each, sorted. */
final class Meters {

  private Meters() {}

  /** An engine with the site pack: a critical rule and a low one, both on devices. */
  static ComplianceEngine engine() throws Exception {
    return engine("pack.yaml");
  }

  /** An engine with the packs of these files beside the tests, in this order, e.g. {@code extra.yaml}: one low rule. */
  static ComplianceEngine engine(String... packFiles) throws Exception {
    ComplianceEngine.Builder builder = ComplianceEngine.builder()
        .clock(Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC));
    for (String file : packFiles) {
      builder.pack(RulePacks.fromClasspath("dev/rampart/micrometer/" + file));
    }
    return builder.build();
  }

  /** A device with the default password given (null: not reported) and an owner or none. */
  static Device device(String id, Boolean defaultPassword, String owner) {
    return Device.builder(id)
        .credentials(new Credentials(defaultPassword, null, null, AuthMethod.PASSWORD, null, null))
        .owner(owner)
        .build();
  }

  static String of(MeterRegistry registry) {
    return registry.getMeters().stream().map(Meters::line).sorted().collect(Collectors.joining("\n", "", "\n"));
  }

  private static String line(Meter meter) {
    Meter.Id id = meter.getId();
    String name = id.getName() + id.getTags().stream().map(tag -> tag.getKey() + "=" + tag.getValue())
        .collect(Collectors.joining(",", "{", "}"));
    String unit = id.getBaseUnit() == null ? "" : " " + id.getBaseUnit();
    if (meter instanceof Timer timer) {
      return name + " count=" + timer.count();   // the time is the report's, asserted on its own
    }
    if (meter instanceof DistributionSummary summary) {
      return name + " count=" + summary.count() + " total=" + (long) summary.totalAmount() + " max="
          + (long) summary.max() + unit;
    }
    if (meter instanceof Gauge gauge) {
      return name + " value=" + (long) gauge.value() + unit;
    }
    if (meter instanceof Counter counter) {
      return name + " count=" + (long) counter.count() + unit;
    }
    throw new AssertionError("unexpected meter " + meter);
  }
}
