package dev.rampart.adapter.testkit;

import dev.rampart.spi.source.SourceConfig;
import java.util.Objects;

/**
 * An input a source must refuse, and a fragment its message must contain.
 *
 * @param name what is wrong with it, for the test report
 * @param config the source configuration that points at the input
 * @param expectedMessage text the first problem must contain (the place, the fix)
 */
public record MalformedInput(String name, SourceConfig config, String expectedMessage) {

  public MalformedInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(expectedMessage, "expectedMessage");
  }

  @Override
  public String toString() {
    return name;
  }
}
