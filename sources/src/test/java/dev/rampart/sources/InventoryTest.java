package dev.rampart.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.sources.merge.IdentityKey;
import dev.rampart.sources.merge.MergePolicy;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.Problem;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reading several sources into one set of facts: records of different sources merge, records of one
 * source never do, and with {@code allowPartial} a source that fails is left out whole.
 */
class InventoryTest {

  private static final MergePolicy DEFAULTS = new MergePolicy(
      List.of(IdentityKey.ID, IdentityKey.SERIAL_NUMBER, IdentityKey.MAC_ADDRESS, IdentityKey.IP_ADDRESS),
      List.of("inventory"));

  /** What each location of the canned source types holds, each device on a line of its own. */
  private static final Map<String, List<Device>> CANNED = Map.of(
      "cmdb.json", List.of(Device.builder("cam-01").serialNumber("S-1").owner("facilities").build()),
      "scan.json", List.of(Device.builder("cam-01").ipAddresses(List.of("10.0.0.7")).build()),
      "twice.json", List.of(Device.builder("cam-01").build(), Device.builder("cam-01").build()),
      "other-serial.json", List.of(Device.builder("cam-01").serialNumber("S-2").owner("security").build()),
      "breaks.json", List.of(Device.builder("cam-09").build()),
      "partly.json", List.of(Device.builder("cam-04").build()),
      "orphans.json", List.of(Device.builder("cam-02").build(),
          Device.builder("cam-03").vendorId("acme").networkIds(List.of("iot")).build()),
      "in-code", List.of(Device.builder("cam-05").vendorId("acme").build()),
      "in-code-twice", List.of(Device.builder("cam-06").build(), Device.builder("cam-06").build()));

  private final Sources sources = Sources.of(List.of(new CannedProvider("cmdb"), new CannedProvider("scanner")));

  @Test
  void recordsOfTwoSourcesWithOneIdAreOneFact() throws SourceException {
    Inventory inventory = Inventory.read(
        sources, List.of(spec("scanner", "scan.json"), spec("cmdb", "cmdb.json")), DEFAULTS, false);

    assertEquals(List.of(), inventory.problems());
    Device camera = (Device) inventory.facts().get(0);
    assertEquals(1, inventory.facts().size());
    assertEquals("facilities", camera.owner());
    assertEquals(List.of("10.0.0.7"), camera.ipAddresses());
    assertEquals("cmdb:cmdb.json:1:1", inventory.originOf(FactType.DEVICE, "cam-01", FieldPath.parse("owner")).describe());
    assertEquals("scanner:scan.json:1:1",
        inventory.originOf(FactType.DEVICE, "cam-01", FieldPath.parse("ipAddresses[0]")).describe());
  }

  @Test
  void oneIdTwiceInOneSourceIsAProblemNamingBothPlaces() throws SourceException {
    Inventory inventory = Inventory.read(sources, List.of(spec("scanner", "twice.json")), DEFAULTS, false);

    assertEquals(List.of(
        "twice.json:2:1: duplicate device id 'cam-01', first defined at twice.json:1:1 (give each device a unique id)"),
        inventory.problems());
  }

  @Test
  void recordsWithOneIdThatTheIdentityKeysTellApartAreAProblem() throws SourceException {
    MergePolicy bySerial = new MergePolicy(List.of(IdentityKey.SERIAL_NUMBER), List.of());

    Inventory inventory = Inventory.read(
        sources, List.of(spec("cmdb", "cmdb.json"), spec("scanner", "other-serial.json")), bySerial, false);

    assertEquals(List.of("scanner:other-serial.json:1:1: device id 'cam-01' is also used by cmdb:cmdb.json:1:1,"
        + " but the identity keys (serial) tell the two records apart, so they were not merged (correct the value"
        + " that differs, give one another id, or merge by id with --identity-keys id,...)"), inventory.problems());
  }

  @Test
  void aReferenceToAFactNoSourceReportedIsAProblemAtTheReferringRecord() throws SourceException {
    Inventory inventory = Inventory.read(
        sources, List.of(spec("cmdb", "cmdb.json"), spec("scanner", "orphans.json")), DEFAULTS, false);

    assertEquals(List.of(
        "orphans.json:2:1: device 'cam-03' refers to vendor 'acme', which no source reported"
            + " (add a vendor with id 'acme', or correct the reference)",
        "orphans.json:2:1: device 'cam-03' refers to network 'iot', which no source reported"
            + " (add a network with id 'iot', or correct the reference)"), inventory.problems());
  }

  @Test
  void aReferenceOfAFactWithNoPlaceIsAProblemWithoutALeadingColon() throws SourceException {
    Inventory inventory = Inventory.read(sources, List.of(spec("cmdb", "in-code")), DEFAULTS, false);

    assertEquals(List.of("device 'cam-05' refers to vendor 'acme', which no source reported"
        + " (add a vendor with id 'acme', or correct the reference)"), inventory.problems());
  }

  @Test
  void oneIdTwiceAmongFactsWithNoPlaceIsAProblemWithoutALeadingColon() throws SourceException {
    Inventory inventory = Inventory.read(sources, List.of(spec("cmdb", "in-code-twice")), DEFAULTS, false);

    assertEquals(List.of("duplicate device id 'cam-06' (give each device a unique id)"), inventory.problems());
  }

  @Test
  void referencesAreNotCheckedWhenAFailedSourceMayHoldWhatTheyName() throws SourceException {
    Inventory inventory = Inventory.read(
        sources, List.of(spec("scanner", "orphans.json"), spec("cmdb", "breaks.json")), DEFAULTS, true);

    assertEquals(List.of(), inventory.problems());
  }

  @Test
  void aSourceThatFailsIsLeftOutWholeWhenPartialReadsAreAllowed() throws SourceException {
    Inventory inventory = Inventory.read(
        sources, List.of(spec("cmdb", "cmdb.json"), spec("scanner", "breaks.json")), DEFAULTS, true);

    assertEquals(List.of("cam-01"), inventory.facts().stream().map(Fact::id).toList(),
        "cam-09, handed on before the source failed, is discarded with it");
    assertEquals(List.of(new FailedSource("scanner:breaks.json", List.of("breaks.json: connection refused"))),
        inventory.failedSources());
  }

  @Test
  void aProblemThatDidNotStopASourcesReadIsAWarningAndItsFactsAreKept() throws SourceException {
    Inventory inventory = Inventory.read(
        sources, List.of(spec("cmdb", "partly.json"), spec("scanner", "breaks.json")), DEFAULTS, true);

    assertEquals(List.of("cam-04"), inventory.facts().stream().map(Fact::id).toList());
    assertEquals(List.of("partly.json: the owners were refused; they stay unknown (allow reading owners)"),
        inventory.warnings(), "a failed source's warnings go with it: its failure says more");
  }

  @Test
  void aSourceThatFailsFailsTheReadOtherwise() {
    SourceException failure = assertThrows(SourceException.class, () -> Inventory.read(
        sources, List.of(spec("cmdb", "cmdb.json"), spec("scanner", "breaks.json")), DEFAULTS, false));

    assertEquals(List.of("breaks.json: connection refused"), failure.problems());
    assertEquals(List.of(new Problem("breaks.json", 0, 0, "", "connection refused", null)),
        failure.details(), "the source's problems are passed on as data");
  }

  private static SourceSpec spec(String type, String location) {
    return new SourceSpec(type, location, Map.of());
  }

  private record CannedProvider(String id) implements FactSourceProvider {

    @Override
    public FactSource create(SourceConfig config) {
      return new FactSource() {
        @Override
        public void read(FactSink sink) throws SourceException {
          List<Device> devices = CANNED.get(config.location());
          for (int i = 0; i < devices.size(); i++) {
            // facts built in code have no place
            sink.accept(devices.get(i), config.location().startsWith("in-code")
                ? Origin.of(id, "") : new Origin(id, config.location(), i + 1, 1));
          }
          if (config.location().equals("partly.json") || config.location().equals("breaks.json")) {
            sink.problem(config.location() + ": the owners were refused; they stay unknown (allow reading owners)");
          }
          if (config.location().equals("breaks.json")) {
            throw SourceException.of(
                List.of(new Problem("breaks.json", 0, 0, "", "connection refused", null)));
          }
        }

        @Override
        public String describe() {
          return id + ":" + config.location();
        }
      };
    }
  }
}
