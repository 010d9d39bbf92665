package dev.rampart.spi.source;

import static org.apiguardian.api.API.Status.STABLE;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a user said about one source: where it is and its options.
 *
 * @param location a file path or URL
 * @param options source-specific settings, never secrets (those come from the environment)
 */
@API(status = STABLE, since = "0.1")
public record SourceConfig(String location, Map<String, String> options) {

  public SourceConfig {
    Objects.requireNonNull(location, "location");
    options = Map.copyOf(options);
  }

  /** A configuration with no options. */
  public static SourceConfig of(String location) {
    return new SourceConfig(location, Map.of());
  }

  /** The value of one option, if given. */
  public Optional<String> option(String key) {
    return Optional.ofNullable(options.get(key));
  }

  /** The options given that are not among those a source takes, sorted, so that all of them are named at once. */
  public List<String> unknownOptions(Collection<String> known) {
    return options.keySet().stream().filter(key -> !known.contains(key)).sorted().toList();
  }

  /**
   * Refuses every option a source does not take, naming them and the ones it takes: {@code nmap source
   * 'scan.xml': unknown option(s) format (the nmap source takes only the option exposure)}.
   *
   * @param sourceId the id of the source type
   * @param known every option the source takes, in the order to list them
   * @throws SourceException when an option is not among them
   */
  public void refuseUnknownOptions(String sourceId, List<String> known) throws SourceException {
    List<String> unknown = unknownOptions(known);
    if (!unknown.isEmpty()) {
      throw new SourceException(sourceId + " source '" + location + "': unknown option(s) " + String.join(", ", unknown)
          + " (the " + sourceId + " source takes " + (known.size() == 1 ? "only the option " : "the options ")
          + String.join(", ", known) + ")");
    }
  }

  /**
   * The location as the path of a file or directory, which need not exist yet.
   *
   * @throws SourceException when it cannot be a path on this system, e.g. {@code cannot read 'a\0b': not a valid
   *     file path (Nul character not allowed)}
   */
  public Path file() throws SourceException {
    try {
      return Path.of(location);
    } catch (InvalidPathException e) {
      throw new SourceException("cannot read '" + location + "': not a valid file path (" + e.getReason() + ")");
    }
  }
}
