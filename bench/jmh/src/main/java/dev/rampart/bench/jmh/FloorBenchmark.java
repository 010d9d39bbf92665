package dev.rampart.bench.jmh;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.adapter.inventory.InventoryFileSource;
import dev.rampart.spi.source.SourceException;
import java.io.IOException;
import java.nio.file.Path;
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
 * Figure 5, the floor: the inventory read with plain Jackson, one tree per fact, each discarded
 * (what any streaming reader of the file must at least do). Next to it, the inventory adapter
 * reading the same file into facts, so reading's share of the end-to-end time shows, with its lists
 * bound on every core (the default for a large file) and on the reading thread alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class FloorBenchmark {

  @Param({"10000"})
  public int devices;

  private Path file;
  private final ObjectMapper mapper = new ObjectMapper();

  @Setup(Level.Trial)
  public void generate() {
    file = Fleets.file(devices);
  }

  @Benchmark
  public long jacksonTreePerFact() throws IOException {
    return JacksonFloor.read(mapper, file);
  }

  @Benchmark
  public long inventoryAdapter() throws SourceException {
    long[] count = {0};
    InventoryFileSource.of(file).read((fact, origin) -> count[0]++);
    return count[0];
  }

  /** The adapter binding every element on the reading thread, as before it bound a large file's lists in parallel. */
  @Benchmark
  public long inventoryAdapterOneThread() throws SourceException {
    long[] count = {0};
    InventoryFileSource.of(file).withReadThreads(1).read((fact, origin) -> count[0]++);
    return count[0];
  }

  /** The floor itself, also run as a whole process by run.sh for the end-to-end ratio. */
  public static final class JacksonFloor {

    private JacksonFloor() {}

    /** Reads every fact of an inventory into a tree and drops it; returns the number of facts. */
    public static long read(ObjectMapper mapper, Path file) throws IOException {
      long facts = 0;
      try (JsonParser parser = mapper.createParser(file.toFile())) {
        parser.nextToken();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          JsonToken value = parser.nextToken();
          if (value == JsonToken.START_ARRAY) {
            while (parser.nextToken() == JsonToken.START_OBJECT) {
              JsonNode fact = parser.readValueAsTree();
              facts += fact.size() > 0 ? 1 : 0;
            }
          } else {
            parser.readValueAsTree();
            facts++;
          }
        }
      }
      return facts;
    }

    /** {@code java ... JacksonFloor FILE}: the floor as a process, for run.sh. */
    public static void main(String[] args) throws IOException {
      long facts = read(new ObjectMapper(), Path.of(args[0]));
      System.out.println(facts + " facts read");
    }
  }
}
