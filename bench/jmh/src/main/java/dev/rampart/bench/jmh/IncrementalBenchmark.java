package dev.rampart.bench.jmh;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.ComplianceSession;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.Monitoring;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Figure 4: in a session holding the whole fleet, change one device (its SIEM feed switched off,
 * or back on) and read its results. Sampled, so JMH reports the median and the 99th percentile.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class IncrementalBenchmark {

  @Param({"10000"})
  public int devices;

  private ComplianceSession session;
  private Device[] original;
  private Device[] changed;
  private boolean[] isChanged;
  private int next;

  @Setup(Level.Trial)
  public void openSessionWithFleet() throws PackLoadException {
    List<Fact> facts = Fleets.facts(devices);
    ComplianceEngine engine = Fleets.engine(RulePacks.builtin("iot-baseline"));
    session = engine.openSession();
    List<Device> fleet = new ArrayList<>();
    for (Fact fact : facts) {
      session.insert(fact);
      if (fact instanceof Device device) {
        fleet.add(device);
      }
    }
    session.resultsFor(FactType.DEVICE, fleet.get(0).id());
    original = fleet.toArray(Device[]::new);
    changed = new Device[original.length];
    for (int i = 0; i < original.length; i++) {
      Monitoring monitoring = original[i].monitoring();
      changed[i] = original[i].toBuilder()
          .monitoring(new Monitoring(monitoring == null || !Boolean.FALSE.equals(monitoring.siem()) ? false : true,
              monitoring == null ? null : monitoring.anomalyDetection()))
          .build();
    }
    isChanged = new boolean[original.length];
  }

  @TearDown(Level.Trial)
  public void close() {
    session.close();
  }

  @Benchmark
  public List<RuleResult> updateOneDeviceAndReadItsResults() {
    // devices in turn, 7919 apart, so consecutive updates touch unrelated parts of the network
    int i = next;
    next = (next + 7919) % original.length;
    Device device = isChanged[i] ? original[i] : changed[i];
    isChanged[i] = !isChanged[i];
    session.update(device);
    return session.resultsFor(FactType.DEVICE, device.id());
  }
}
