package dev.rampart.adapter.testkit;

import dev.rampart.spi.source.SourceConfig;
import java.util.Objects;

/**
 * An input with good records and at least one the source cannot read: read partially, the good
 * records become facts and the bad one a skipped record; read strictly, the source fails naming it.
 *
 * @param name what is wrong with the bad record, for the test report
 * @param config the source configuration that points at the input
 * @param expectedProblem text the skipped record's first problem must contain (its place, the value, the fix)
 */
public record PartlyBadInput(String name, SourceConfig config, String expectedProblem) {

  public PartlyBadInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(expectedProblem, "expectedProblem");
  }

  @Override
  public String toString() {
    return name;
  }
}
