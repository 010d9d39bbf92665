package dev.rampart.adapter.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.SourceException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps the repository's example inventories valid and complete as the format evolves. */
class ExampleInventoryTest {

  private static final Path EXAMPLES = Path.of("../../examples");

  @Test
  void theExampleSiteReadsWithoutProblemsAndUsesEveryField() throws SourceException {
    List<Fact> facts = Fixtures.read(EXAMPLES.resolve("inventory.yaml")).facts();

    // which sources report a device is what merging them finds, never what an inventory writes
    Set<String> merged = Set.of("Device.presence", "Presence.recorded", "Presence.recordedBy", "Presence.discoveredBy");
    assertEquals(merged, FieldCoverage.neverSet(facts), "fields that examples/inventory.yaml never uses");
    assertEquals(Map.of(FactType.DEPLOYMENT, 1L, FactType.VENDOR, 6L, FactType.NETWORK, 6L, FactType.DEVICE, 16L),
        facts.stream().collect(Collectors.groupingBy(Fact::type, Collectors.counting())));
  }

  @Test
  void theJsonExampleReadsWithoutProblems() throws SourceException {
    List<Fact> facts = Fixtures.read(EXAMPLES.resolve("inventory.json")).facts();

    assertEquals(6, facts.size());
  }
}
