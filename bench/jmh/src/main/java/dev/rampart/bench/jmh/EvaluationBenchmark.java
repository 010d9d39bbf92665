package dev.rampart.bench.jmh;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Report;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.spi.fact.Fact;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Figure 3: {@code engine.evaluate} over facts already in memory, with the whole built-in pack
 * ({@code full}) or only the rules the CEL peer also checks ({@code subset}). One operation
 * evaluates the whole fleet; devices per second is devices divided by its time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class EvaluationBenchmark {

  @Param({"10000"})
  public int devices;

  @Param({"full", "subset"})
  public String pack;

  private List<Fact> facts;
  private ComplianceEngine engine;

  @Setup(Level.Trial)
  public void readFleet() throws PackLoadException {
    facts = Fleets.facts(devices);
    engine = Fleets.engine(pack.equals("full") ? RulePacks.builtin("iot-baseline") : CelPeer.rampartSubset());
  }

  @Benchmark
  public Report evaluate() {
    return engine.evaluate(facts);
  }
}
