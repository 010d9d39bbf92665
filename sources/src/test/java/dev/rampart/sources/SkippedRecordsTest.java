package dev.rampart.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.sources.merge.IdentityKey;
import dev.rampart.sources.merge.MergePolicy;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A source that cannot read some of its records: by default it fails naming every one; with partial
 * reading allowed (for the run or for the source) the others are evaluated, the skipped ones are
 * listed, and a skipped record whose fact is known stands in with every field unknown.
 */
class SkippedRecordsTest {

  private static final MergePolicy DEFAULTS = new MergePolicy(List.of(IdentityKey.ID), List.of("export"));

  private final Sources sources = Sources.of(List.of(new ExportProvider()));

  @Test
  void aSourceWithRecordsItCouldNotReadFailsNamingEachOfThemByDefault() {
    SourceException failure = assertThrows(SourceException.class,
        () -> Inventory.read(sources, List.of(spec("twins.json")), DEFAULTS, false));

    assertEquals(List.of(
        "twins.json:2:3: devices[1] (id 'cam-02'): status 'sideways' is not a status (write enabled or disabled)",
        "twins.json:3:3: devices[2]: not an object (write each twin as a JSON object)",
        "export:twins.json: 2 records could not be read (fix them, or pass --allow-partial or the source option"
            + " partial=true to evaluate the others, with the rules of the skipped ones UNKNOWN)"),
        failure.problems());
  }

  @Test
  void withPartialReadsTheGoodRecordsAreReadAndTheSkippedOnesListed() throws SourceException {
    Inventory inventory = Inventory.read(sources, List.of(spec("twins.json")), DEFAULTS, true);

    assertEquals(List.of("cam-01", "cam-02"), inventory.facts().stream().map(Fact::id).toList());
    assertEquals(List.of("devices[1] (id 'cam-02')", "devices[2]"),
        inventory.skippedRecords().stream().map(record -> record.problems().get(0).split(": ")[1]).toList());
    assertEquals(List.of(), inventory.failedSources());
  }

  @Test
  void aSkippedRecordWhoseFactIsKnownStandsInWithEveryFieldUnknown() throws SourceException {
    Inventory inventory = Inventory.read(sources, List.of(spec("twins.json")), DEFAULTS, true);

    Device standIn = (Device) inventory.facts().get(1);
    assertEquals(Device.builder("cam-02").presence(standIn.presence()).build(), standIn,
        "cam-02's rules are UNKNOWN, not absent: only its id and where the sources saw it are known");
    assertEquals("export:twins.json:2:3",
        inventory.origins().get(new FactKey(FactType.DEVICE, "cam-02")).describe());
  }

  @Test
  void theSourceOptionAllowsPartialReadsForThatSourceAlone() throws SourceException {
    Inventory inventory = Inventory.read(
        sources, List.of(spec("twins.json").withOption(SourceSpec.PARTIAL_OPTION, "true")), DEFAULTS, false);

    assertEquals(2, inventory.skippedRecords().size());
  }

  @Test
  void theSourceOptionFailsThatSourceEvenWhenTheRunAllowsPartialReads() throws SourceException {
    Inventory inventory = Inventory.read(sources,
        List.of(spec("good.json"), spec("twins.json").withOption(SourceSpec.PARTIAL_OPTION, "false")), DEFAULTS, true);

    assertEquals(List.of("cam-07"), inventory.facts().stream().map(Fact::id).toList());
    assertEquals("export:twins.json", inventory.failedSources().get(0).source());
    assertEquals(List.of(), inventory.skippedRecords());
  }

  @Test
  void aSourceWhoseEveryRecordWasSkippedWithoutAnIdFailsEvenWithPartialReads() {
    SourceException failure = assertThrows(SourceException.class, () -> Inventory.read(
        sources, List.of(spec("garbage.json").withOption(SourceSpec.PARTIAL_OPTION, "true")), DEFAULTS, false));

    assertEquals(List.of(
        "garbage.json:1:3: devices[0]: not an object (write each twin as a JSON object)",
        "export:garbage.json: none of its records could be read (1 record skipped; fix them)"), failure.problems());
  }

  @Test
  void aPartialOptionThatIsNotABooleanIsAMistakeWithItsFix() {
    SourceException failure = assertThrows(SourceException.class, () -> Inventory.read(
        sources, List.of(spec("twins.json").withOption(SourceSpec.PARTIAL_OPTION, "sometimes")), DEFAULTS, true));

    assertEquals(List.of("export:twins.json: option partial is 'sometimes', not true or false (write partial=true to"
        + " evaluate the records this source can read and list the others, or partial=false to fail it at the first"
        + " record it cannot read)"), failure.problems());
  }

  @Test
  void aSinkThatDoesNotListSkippedRecordsFailsTheReadAtTheFirst() {
    FactSource source = new ExportProvider().create(new SourceConfig("twins.json", Map.of()));

    SourceException failure = assertThrows(SourceException.class, () -> source.read((fact, origin) -> { }));

    assertEquals(List.of(
        "twins.json:2:3: devices[1] (id 'cam-02'): status 'sideways' is not a status (write enabled or disabled)"),
        failure.problems());
  }

  private static SourceSpec spec(String location) {
    return new SourceSpec("export", location, Map.of());
  }

  /** An export of twins: cam-01 good; in twins.json a second with a bad status and a third that is not an object. */
  private static final class ExportProvider implements FactSourceProvider {

    @Override
    public String id() {
      return "export";
    }

    @Override
    public FactSource create(SourceConfig config) {
      String file = config.location();
      return new FactSource() {
        @Override
        public void read(FactSink sink) throws SourceException {
          switch (file) {
            case "good.json" -> sink.accept(Device.builder("cam-07").build(), new Origin("export", file, 1, 3));
            case "garbage.json" -> sink.skipped(SkippedRecord.unidentified(new Origin("export", file, 1, 3),
                List.of(file + ":1:3: devices[0]: not an object (write each twin as a JSON object)")));
            default -> {
              sink.accept(Device.builder("cam-01").build(), new Origin("export", file, 1, 3));
              sink.skipped(SkippedRecord.of(new Origin("export", file, 2, 3), FactType.DEVICE, "cam-02", List.of(
                  file + ":2:3: devices[1] (id 'cam-02'): status 'sideways' is not a status (write enabled or disabled)")));
              sink.skipped(SkippedRecord.unidentified(new Origin("export", file, 3, 3),
                  List.of(file + ":3:3: devices[2]: not an object (write each twin as a JSON object)")));
            }
          }
        }

        @Override
        public String describe() {
          return "export:" + file;
        }
      };
    }
  }
}
