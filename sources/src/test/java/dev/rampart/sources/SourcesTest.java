package dev.rampart.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourcesTest {

  @Test
  void discoversTheInventoryProviderOnTheClassPath() throws SourceException {
    Sources sources = Sources.discover();

    assertEquals("inventory", sources.provider("inventory").id());
  }

  @Test
  void findsAProviderById() throws SourceException {
    FactSourceProvider nmap = new StubProvider("nmap");

    Sources sources = Sources.of(List.of(new StubProvider("inventory"), nmap));

    assertSame(nmap, sources.provider("nmap"));
    assertEquals(Set.of("inventory", "nmap"), sources.ids());
  }

  @Test
  void listsTheProvidersInTheOrderOfTheirIds() {
    FactSourceProvider nmap = new StubProvider("nmap");
    FactSourceProvider inventory = new StubProvider("inventory");

    Sources sources = Sources.of(List.of(nmap, inventory));

    assertEquals(List.of(inventory, nmap), sources.providers());
  }

  @Test
  void unknownIdListsTheAvailableOnes() {
    Sources sources = Sources.of(List.of(new StubProvider("nmap"), new StubProvider("inventory")));

    SourceException e = assertThrows(SourceException.class, () -> sources.provider("cmdb"));

    assertEquals(
        List.of("unknown fact source 'cmdb' (available: inventory, nmap;"
            + " add the adapter's jar to the class path to use another)"),
        e.problems());
  }

  @Test
  void duplicateIdsFailNamingBothClasses() {
    IllegalStateException e = assertThrows(
        IllegalStateException.class,
        () -> Sources.of(List.of(new StubProvider("inventory"), new OtherStubProvider("inventory"))));

    assertEquals(
        "two fact source providers have the id 'inventory': dev.rampart.sources.SourcesTest$StubProvider and"
            + " dev.rampart.sources.SourcesTest$OtherStubProvider; remove one of them from the class path",
        e.getMessage());
  }

  private static class StubProvider implements FactSourceProvider {
    private final String id;

    StubProvider(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public FactSource create(SourceConfig config) throws SourceException {
      throw new SourceException("stub");
    }
  }

  private static final class OtherStubProvider extends StubProvider {
    OtherStubProvider(String id) {
      super(id);
    }
  }
}
