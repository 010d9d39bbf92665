package dev.rampart.adapter.testkit;

import dev.rampart.spi.source.SourceConfig;
import java.util.Objects;

/**
 * An input that is not empty but holds nothing the source can turn into a fact (a scan whose hosts
 * all lack an address, an export of records in a shape the source does not know): it must not read
 * as "no facts, no problem".
 *
 * @param name what the input holds, for the test report
 * @param config the source configuration that points at the input
 */
public record NonEmptyInput(String name, SourceConfig config) {

  public NonEmptyInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
  }

  @Override
  public String toString() {
    return name;
  }
}
