package dev.rampart.adapter.inventory;

import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Creates {@link InventoryFileSource}s for the source id {@value #ID}; the location is a file path. */
public final class InventoryFileProvider implements FactSourceProvider {

  /** The stable id of this source type, also the {@code sourceId} of every {@code Origin} it reports. */
  public static final String ID = "inventory";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public FactSource create(SourceConfig config) throws SourceException {
    if (!config.options().isEmpty()) {
      String given = String.join(", ", config.options().keySet().stream().sorted().toList());
      throw new SourceException("inventory source '" + config.location() + "': unknown option(s) " + given
          + " (the inventory source takes no options)");
    }
    try {
      return InventoryFileSource.of(Path.of(config.location()));
    } catch (InvalidPathException e) {
      throw new SourceException(
          "cannot read '" + config.location() + "': not a valid file path (" + e.getReason() + ")");
    }
  }
}
