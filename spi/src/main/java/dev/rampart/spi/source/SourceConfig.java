package dev.rampart.spi.source;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user said about one source: where it is and its options.
 *
 * @param location a file path or URL
 * @param options source-specific settings, never secrets (those come from the environment)
 */
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
}
