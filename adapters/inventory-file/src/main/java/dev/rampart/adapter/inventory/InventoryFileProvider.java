package dev.rampart.adapter.inventory;

import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Creates {@link InventoryFileSource}s for the source id {@value #ID}; the location is a file path,
 * and the one option, {@value #EMBEDDED_AT}, reads an inventory embedded under a top-level key.
 */
public final class InventoryFileProvider implements FactSourceProvider {

  /** The stable id of this source type, also the {@code sourceId} of every {@code Origin} it reports. */
  public static final String ID = "inventory";

  /**
   * The option naming a top-level key whose value is the inventory, e.g. {@code embeddedAt=facts}
   * for a rule pack's test fixture; the file's other top-level keys are skipped unread.
   */
  public static final String EMBEDDED_AT = "embeddedAt";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public FactSource create(SourceConfig config) throws SourceException {
    List<String> unknown = config.options().keySet().stream().filter(key -> !key.equals(EMBEDDED_AT)).sorted().toList();
    if (!unknown.isEmpty()) {
      throw new SourceException("inventory source '" + config.location() + "': unknown option(s) "
          + String.join(", ", unknown) + " (the inventory source takes only the option " + EMBEDDED_AT + ")");
    }
    String embeddedAt = config.option(EMBEDDED_AT).orElse(null);
    if (embeddedAt != null && embeddedAt.isBlank()) {
      throw new SourceException("inventory source '" + config.location() + "': option " + EMBEDDED_AT
          + " is blank (name the top-level key that holds the inventory, e.g. " + EMBEDDED_AT + "=facts)");
    }
    try {
      Path file = Path.of(config.location());
      return embeddedAt == null ? InventoryFileSource.of(file) : InventoryFileSource.embedded(file, embeddedAt);
    } catch (InvalidPathException e) {
      throw new SourceException(
          "cannot read '" + config.location() + "': not a valid file path (" + e.getReason() + ")");
    }
  }
}
