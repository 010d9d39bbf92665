package dev.rampart.adapter.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sink that keeps every fact a source hands it, with its origin, in the order handed over, the
 * problems it reports without failing, and the records it skipped.
 */
public final class RecordingSink implements FactSink {

  private final List<Fact> facts = new ArrayList<>();
  private final List<Origin> origins = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final List<SkippedRecord> skipped = new ArrayList<>();

  /**
   * Everything a source that must read cleanly hands over; a skipped record fails the read, with the
   * problems of every record skipped, as it fails a source read without {@code --allow-partial}.
   */
  public static RecordingSink read(FactSource source) throws SourceException {
    RecordingSink sink = readPartially(source);
    if (!sink.skipped.isEmpty()) {
      List<String> all = new ArrayList<>();
      sink.skipped.forEach(record -> all.addAll(record.problems()));
      throw new SourceException(all);
    }
    return sink;
  }

  /** Everything a source hands over when it may skip the records it cannot read, as with {@code --allow-partial}. */
  public static RecordingSink readPartially(FactSource source) throws SourceException {
    RecordingSink sink = new RecordingSink();
    source.read(sink);
    return sink;
  }

  /** The problem lines of a source that must fail, joined as a text block writes them (ending in a line break). */
  public static String problems(FactSource source) {
    SourceException failure = assertThrows(SourceException.class, () -> read(source));
    return String.join("\n", failure.problems()) + "\n";
  }

  @Override
  public void accept(Fact fact, Origin origin) {
    facts.add(Objects.requireNonNull(fact, "fact"));
    origins.add(Objects.requireNonNull(origin, "origin"));
  }

  @Override
  public void problem(String problem) {
    problems.add(Objects.requireNonNull(problem, "problem"));
  }

  @Override
  public void skipped(SkippedRecord record) {
    skipped.add(Objects.requireNonNull(record, "record"));
  }

  /** The records the source skipped, in the order reported. */
  public List<SkippedRecord> skippedRecords() {
    return List.copyOf(skipped);
  }

  /** The problems the source reported without failing, in the order reported. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** The facts, in the order handed over. */
  public List<Fact> facts() {
    return List.copyOf(facts);
  }

  /** The origin of each fact, at the same index. */
  public List<Origin> origins() {
    return List.copyOf(origins);
  }
}
