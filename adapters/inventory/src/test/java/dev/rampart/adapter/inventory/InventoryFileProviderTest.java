package dev.rampart.adapter.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class InventoryFileProviderTest {

  @Test
  void theProviderIsFoundThroughServiceLoaderUnderTheIdInventory() {
    List<FactSourceProvider> providers = ServiceLoader.load(FactSourceProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(provider -> provider.id().equals("inventory"))
        .toList();

    assertEquals(1, providers.size());
    assertEquals(InventoryFileProvider.class, providers.get(0).getClass());
  }

  @Test
  void theLocationIsTheFilePath() throws SourceException {
    FactSource source = new InventoryFileProvider().create(SourceConfig.of(Fixtures.path("complete.yaml").toString()));

    assertEquals("inventory:" + Fixtures.path("complete.yaml"), source.describe());
  }

  @Test
  void theInventorySourceTakesNoOtherOptionThanEmbeddedAtAndTrust() {
    SourceConfig config = new SourceConfig("site.yaml", Map.of("format", "yaml"));

    SourceException failure = assertThrows(SourceException.class, () -> new InventoryFileProvider().create(config));

    assertEquals(List.of("inventory source 'site.yaml': unknown option(s) format (the inventory source takes"
        + " the options embeddedAt, trust.anchors, trust.organisationPki, trust.crl, readThreads)"),
        failure.problems());
  }

  @Test
  void readThreadsIsAWholeNumberOfThreads() throws SourceException {
    for (String bad : List.of("0", "two", "-1")) {
      SourceConfig config = new SourceConfig("site.json", Map.of("readThreads", bad));

      SourceException failure = assertThrows(SourceException.class, () -> new InventoryFileProvider().create(config));

      assertEquals(List.of("inventory source 'site.json': option readThreads is '" + bad + "' (write a whole number"
          + " of threads, 1 or more; 1 reads on one thread)"), failure.problems());
    }
    String file = Fixtures.path("complete.json").toString();
    FactSource source = new InventoryFileProvider().create(new SourceConfig(file, Map.of("readThreads", "3")));
    assertEquals("inventory:" + file, source.describe());
  }
}
