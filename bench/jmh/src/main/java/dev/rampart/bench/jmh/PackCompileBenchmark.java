package dev.rampart.bench.jmh;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.PackLoadException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/** Figure 1, warm JVM: loading the built-in pack and compiling it into a Drools knowledge base. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PackCompileBenchmark {

  @Benchmark
  public ComplianceEngine loadAndCompileBuiltinPack() throws PackLoadException {
    return ComplianceEngine.builder().pack(RulePacks.builtin("iot-baseline")).build();
  }
}
