package dev.rampart.adapter.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rampart.adapter.testkit.RecordingSink;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large JSON inventory in plain ASCII has its lists bound on several threads while one thread
 * passes over the file: the sink sees exactly what the read on one thread gives it (the same facts
 * with the same origins, the same skipped records, the same problem lines, in the same order), and
 * only ever on the thread that called {@code read}.
 */
class ParallelReadTest {

  private static final String THREAD_NAMES = "rampart-inventory-";

  @TempDir Path dir;

  @Test
  void everyKindOfProblemIsPlacedAtTheLineAndColumnOfTheFile() {
    // Elements start at different columns, and their problems lie on their first line or on a later one:
    // the threads' parsers see each element from its own first byte, and the place moves back to the file's.
    String name = "parallel/every-problem.json";
    String expected = Fixtures.expected(name, """
        FILE:5:22: devices[1] (id 'cam-02'): unknown field 'nmae' (did you mean 'name'?)
        FILE:10:18: devices[2] (id 'cam-03').services[1].port: 70000 is not a port (ports are 1 to 65535)
        FILE:13:5: devices[3]: duplicate device id 'cam-01' (first defined at FILE:4:5); give each device its own id
        FILE:14:5: devices[4]: missing id (give each device a unique, non-blank 'id')
        FILE:15:5: devices[5]: expected an object but found null (remove the empty '-' entry)
        FILE:16:5: devices[6]: expected an object but found "a text" (write each device as named fields, starting with \
        'id: ...')
        FILE:17:52: devices[7] (id 'cam-04').ipAddresses[1]: "10.0.0.999" is not an IP address (write an IPv4 address \
        such as 192.0.2.10 or an IPv6 address such as 2001:db8::10)
        FILE:18:42: devices[8] (id 'cam-05').attributes.a: expected a single value (text, number, true or false) or a \
        list of them but found an object (attributes hold single values and lists of them; move structured data into \
        the matching fact field)
        FILE:20:38: devices[9] (id 'cam-06').credentials.certificate.file: cannot read the certificate file \
        'no-such-certificate.pem': no such file (the path is relative to the inventory file's directory, DIR)
        FILE:22:55: devices[10] (id 'cam-07').services[0]: unknown field 'tsl' (did you mean 'tls'?)
        """).replace("DIR", Fixtures.path("parallel").toAbsolutePath().toString());
    Path file = Fixtures.path(name);

    for (int chunkBytes : new int[] {1, 100, 1_000_000}) {
      Outcome parallel = Outcome.of(parallel(file, chunkBytes));
      assertEquals(expected, parallel.problemLines(), "chunks of " + chunkBytes + " bytes");
      assertEquals(List.of("acme@2:15", "cam-01@4:5", "cam-08@23:5"), parallel.placedFacts());
      assertEquals(Outcome.of(sequential(file)), parallel);
    }
  }

  @Test
  void linesEndingInCarriageReturnsAreCountedAsOneThreadCountsThem() throws IOException {
    String text = Files.readString(Fixtures.path("parallel/every-problem.json"));
    for (String ending : List.of("\r\n", "\r")) {
      Path file = write("every-problem.json", text.replace("\n", ending));

      Outcome sequential = Outcome.of(sequential(file));
      assertEquals(sequential, Outcome.of(parallel(file, 1)), "lines ending in " + ending.length() + " characters");
      assertEquals(List.of("acme@2:15", "cam-01@4:5", "cam-08@23:5"), sequential.placedFacts());
    }
  }

  @Test
  void theRepositorysFixturesReadTheSameOnEveryThread() throws IOException {
    // Every fixture, as it is when it is JSON in plain ASCII, and written as such JSON when it is YAML
    // that Jackson can read as a tree: well-formed, broken and hostile ones alike.
    List<Path> compared = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Fixtures.DIRECTORY)) {
      for (Path fixture : files.filter(Files::isRegularFile).sorted().toList()) {
        Path json = asAsciiJson(fixture);
        if (json == null) {
          continue;
        }
        compared.add(fixture);
        Outcome sequential = Outcome.of(sequential(json));
        for (int chunkBytes : new int[] {1, 300}) {
          assertEquals(sequential, Outcome.of(parallel(json, chunkBytes)), fixture + ", chunks of " + chunkBytes);
        }
      }
    }
    assertTrue(compared.size() >= 60, "only " + compared.size() + " fixtures compared: " + compared);
  }

  @Test
  void randomFleetsWithRandomDefectsReadTheSameOnEveryThread() {
    AtomicInteger files = new AtomicInteger();
    qt().withExamples(60).forAll(
            lists().of(integers().between(0, Element.values().length - 1)).ofSizeBetween(1, 120),
            integers().between(1, 4096),
            integers().between(2, 4))
        .checkAssert((elements, chunkBytes, threads) -> {
          Path file = fleet("fleet-" + files.incrementAndGet() + ".json", elements);
          InventoryFileSource parallel =
              InventoryFileSource.of(file).withReadThreads(new ReadThreads(threads, chunkBytes, 0));
          assertEquals(Outcome.of(sequential(file)), Outcome.of(parallel), elements + ", chunks of " + chunkBytes);
        });
  }

  @Test
  void aGeneratedFleetReadsTheSameAtTheDefaultChunkSize() {
    List<Integer> elements = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      elements.add(i % 1009 == 0 ? i / 1009 % Element.values().length : 0);
    }
    Path file = fleet("fleet.json", elements);
    InventoryFileSource parallel = InventoryFileSource.of(file).withReadThreads(new ReadThreads(2, ReadThreads.CHUNK_BYTES, 0));

    Outcome outcome = Outcome.of(parallel);
    assertEquals(Outcome.of(sequential(file)), outcome);
    assertTrue(outcome.facts().size() > 19_000, outcome.facts().size() + " facts");
  }

  @Test
  void aProblemThatEndsTheWholeReadInABindingThreadIsReportedAsOneThreadReportsIt() {
    // Binding a chunk meets what ends the read (a key written twice, half a surrogate pair, a text over the
    // limit): the read starts again on one thread, which explains it, and hands over nothing twice.
    for (String bad : List.of(
        "{\"id\": \"dev-x\", \"name\": \"a\", \"name\": \"b\"}",
        "{\"id\": \"dev-x\", \"name\": \"half \\ud800 a pair\"}",
        "{\"id\": \"dev-x\", \"name\": \"" + "x".repeat(InventoryFormat.MAX_STRING_LENGTH + 1) + "\"}")) {
      StringBuilder json = new StringBuilder("{\"devices\": [\n");
      for (int i = 0; i < 300; i++) {
        json.append("  {\"id\": \"dev-").append(i).append("\", \"name\": \"Camera ").append(i).append("\"},\n");
      }
      json.append("  ").append(bad).append(",\n  {\"id\": \"dev-last\"}\n]}\n");
      Path file = write("ends-the-read.json", json.toString());

      Outcome parallel = Outcome.of(parallel(file, 200));
      assertEquals(Outcome.of(sequential(file)), parallel);
      assertEquals(1, parallel.failure().size(), parallel.failure().toString());
      assertEquals(300, parallel.facts().size(), "the facts before the bad element, once each");
    }
  }

  @Test
  void theSinkIsCalledOnlyOnTheThreadThatReads() throws SourceException {
    Path file = fleet("fleet.json", List.of(0, 1, 0, 2, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8, 0));
    Set<Thread> callers = new java.util.HashSet<>();
    parallel(file, 1).read(new FactSink() {
      @Override
      public void accept(Fact fact, Origin origin) {
        callers.add(Thread.currentThread());
      }

      @Override
      public void skipped(SkippedRecord record) {
        callers.add(Thread.currentThread());
      }
    });

    assertEquals(Set.of(Thread.currentThread()), callers);
  }

  @Test
  void theBindingThreadsAreNamedDaemonsThatEndWithTheRead() throws SourceException {
    Path file = fleet("fleet.json", List.of(0, 0, 0, 0));
    List<Thread> during = new ArrayList<>();
    parallel(file, 1).read((fact, origin) -> during.addAll(bindingThreads()));

    assertFalse(during.isEmpty(), "no binding thread was running");
    assertTrue(during.stream().allMatch(Thread::isDaemon), "not all daemons: " + during);
    assertEquals(List.of(), bindingThreads(), "still running after the read");
  }

  @Test
  void theBindingThreadsEndWhenTheSinkGivesUp() {
    Path file = fleet("fleet.json", List.of(0, 0, 0, 0, 0, 0));
    final class GiveUp extends RuntimeException {
      private static final long serialVersionUID = 1L;
    }

    assertThrows(GiveUp.class, () -> parallel(file, 1).read((fact, origin) -> {
      throw new GiveUp();
    }));
    assertEquals(List.of(), bindingThreads(), "still running after the sink gave up");
  }

  @Test
  void aSmallFileIsReadWithoutStartingAThread() throws SourceException {
    List<Thread> during = new ArrayList<>();
    InventoryFileSource.of(Fixtures.path("complete.json")).read((fact, origin) -> during.addAll(bindingThreads()));

    assertEquals(List.of(), during);
  }

  @Test
  void aReadNeedsAtLeastOneThread() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> InventoryFileSource.of(Fixtures.path("complete.json")).withReadThreads(0));
    assertEquals("the number of threads that read an inventory must be at least 1, not 0", refused.getMessage());
  }

  private static InventoryFileSource sequential(Path file) {
    return InventoryFileSource.of(file).withReadThreads(1);
  }

  private static InventoryFileSource parallel(Path file, int chunkBytes) {
    return InventoryFileSource.of(file).withReadThreads(new ReadThreads(2, chunkBytes, 0));
  }

  private static List<Thread> bindingThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith(THREAD_NAMES) && thread.isAlive())
        .collect(Collectors.toList());
  }

  /**
   * The fixture as JSON in plain ASCII, in the same place below {@link #dir}; {@code null} for one that
   * is not plain ASCII JSON and cannot be read as a YAML tree.
   */
  private Path asAsciiJson(Path fixture) throws IOException {
    Path copy = dir.resolve(Fixtures.DIRECTORY.relativize(fixture).toString() + ".json");
    Files.createDirectories(copy.getParent());
    byte[] bytes = Files.readAllBytes(fixture);
    String name = fixture.getFileName().toString();
    boolean ascii = true;
    for (byte b : bytes) {
      ascii &= b > 0;
    }
    if (name.endsWith(".json")) {
      return ascii ? Files.write(copy, bytes) : null;
    }
    JsonNode tree;
    try {
      tree = new YAMLMapper().readTree(bytes);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (tree == null || tree.isMissingNode()) {
      return null;
    }
    ObjectMapper json = JsonMapper.builder().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII).build();
    return Files.writeString(copy, json.writerWithDefaultPrettyPrinter().writeValueAsString(tree),
        StandardCharsets.US_ASCII);
  }

  /** Writes a fleet of the given elements, one after the other, in varied layouts. */
  private Path fleet(String name, List<Integer> elements) {
    StringBuilder json = new StringBuilder("{\n  \"networks\": [{\"id\": \"lan\", \"cidr\": \"10.0.0.0/8\"}],\n");
    json.append("  \"devices\": [");
    for (int i = 0; i < elements.size(); i++) {
      json.append(i == 0 ? "\n" : i % 3 == 0 ? ", " : ",\n").append(" ".repeat(i % 5));
      json.append(Element.values()[elements.get(i)].json(i));
    }
    json.append("\n  ]\n}\n");
    return write(name, json.toString());
  }

  private Path write(String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The kinds of element a random fleet is made of. */
  private enum Element {
    GOOD("{\"id\": \"dev-%d\", \"name\": \"Camera\", \"services\": [{\"port\": 443, \"tls\": true}]}"),
    GOOD_ON_LINES("{\n  \"id\": \"dev-%d\",\n  \"ipAddresses\": [\"10.0.0.1\"],\n  \"services\": [\n"
        + "    {\"port\": 22, \"protocol\": \"ssh\"}\n  ]\n}"),
    UNKNOWN_FIELD_ON_FIRST_LINE("{\"id\": \"dev-%d\", \"nmae\": \"typo\"}"),
    BAD_VALUE_ON_A_LATER_LINE("{\"id\": \"dev-%d\",\n   \"services\": [{\"port\": 443},\n"
        + "                {\"port\": 70000}]}"),
    DUPLICATE_ID("{\"id\": \"dev-0\", \"name\": \"again %d\"}"),
    MISSING_ID("{\"name\": \"no id %d\"}"),
    NOT_AN_OBJECT("[%d]"),
    DEEP_UNKNOWN_FIELD("{\"id\": \"dev-%d\", \"credentials\": {\"certificate\": {\"subject\": \"CN=x\",\n"
        + "  \"isuser\": \"CN=y\"}}}"),
    BAD_ENUM("{\"id\": \"dev-%d\", \"lifecycle\": {\"status\": \"retired-ish\"}}");

    private final String format;

    Element(String format) {
      this.format = format;
    }

    String json(int index) {
      return format.formatted(index);
    }
  }

  /** What a read hands over, in order, and the problem lines it fails with. */
  private record Outcome(List<Fact> facts, List<Origin> origins, List<SkippedRecord> skipped, List<String> failure) {

    static Outcome of(InventoryFileSource source) {
      RecordingSink sink = new RecordingSink();
      List<String> failure = List.of();
      try {
        source.read(sink);
      } catch (SourceException e) {
        failure = e.problems();
      }
      return new Outcome(sink.facts(), sink.origins(), sink.skippedRecords(), failure);
    }

    /** The problem lines of every skipped record, then those the read failed with, as a text block writes them. */
    String problemLines() {
      List<String> lines = new ArrayList<>();
      skipped.forEach(record -> lines.addAll(record.problems()));
      lines.addAll(failure);
      return lines.stream().map(line -> line + "\n").collect(Collectors.joining());
    }

    /** Each fact's id and place, e.g. {@code cam-01@4:5}. */
    List<String> placedFacts() {
      List<String> placed = new ArrayList<>();
      for (int i = 0; i < facts.size(); i++) {
        placed.add(facts.get(i).id() + "@" + origins.get(i).line() + ":" + origins.get(i).column());
      }
      return placed;
    }
  }
}
