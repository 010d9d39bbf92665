package dev.rampart.bench.jmh;

import dev.rampart.engine.Report;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Figure 6: the CEL peer over the same devices, already in memory as maps. Before measuring, the
 * setup checks that CEL gives the same outcome as Rampart for every (rule, device) pair of the
 * subset, so the two sides compute the same thing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class CelBenchmark {

  @Param({"10000"})
  public int devices;

  private CelPeer peer;
  private List<Map<String, Object>> maps;
  private byte[] outcomes;

  @Setup(Level.Trial)
  public void readFleetAndCheckAgreement() throws PackLoadException {
    List<Fact> facts = Fleets.facts(devices);
    List<String> ids = new ArrayList<>();
    maps = new ArrayList<>();
    for (Fact fact : facts) {
      if (fact instanceof Device device) {
        ids.add(device.id());
        maps.add(DeviceMaps.of(device));
      }
    }
    peer = new CelPeer(Fleets.NOW);
    outcomes = new byte[peer.ids().size() * maps.size()];
    peer.evaluate(maps, outcomes);

    Report report = Fleets.engine(CelPeer.rampartSubset()).evaluate(facts);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    long compared = 0;
    List<String> disagreements = new ArrayList<>();
    for (RuleResult result : report.results()) {
      if (result.factType() != FactType.DEVICE) {
        continue;
      }
      int rule = peer.ids().indexOf(result.rule().id());
      Outcome cel = Outcome.values()[outcomes[rule * maps.size() + index.get(result.factId())]];
      compared++;
      if (cel != result.outcome() && disagreements.size() < 20) {
        disagreements.add(result.rule().id() + " " + result.factId() + ": rampart " + result.outcome() + ", cel " + cel);
      }
    }
    if (compared != outcomes.length || !disagreements.isEmpty()) {
      throw new IllegalStateException("CEL and Rampart disagree (" + compared + " of " + outcomes.length
          + " results compared): " + disagreements);
    }
    System.out.println("\nCEL and Rampart agree on all " + compared + " (rule, device) outcomes of the subset");
  }

  @Benchmark
  public byte[] evaluate() {
    peer.evaluate(maps, outcomes);
    return outcomes;
  }
}
