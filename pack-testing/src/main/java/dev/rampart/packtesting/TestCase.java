package dev.rampart.packtesting;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.engine.RuleResult;
import dev.rampart.spi.source.Origin;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One expectation with what the pack actually gave.
 *
 * @param file the fixture file the case comes from
 * @param expectation the expected outcome
 * @param actual the rule's result for the fact
 * @param factOrigin where the fact is defined
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TestCase(FixtureFile file, Expectation expectation, RuleResult actual, Origin factOrigin) {

  public TestCase {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(expectation, "expectation");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(factOrigin, "factOrigin");
  }

  /** Whether the rule gave the expected outcome. */
  public boolean passed() {
    return actual.outcome() == expectation.expected();
  }
}
