package dev.rampart.packtesting;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.engine.RuleResult;
import dev.rampart.spi.source.Origin;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One expectation with what the pack actually gave.
 *
 * @param file the fixture file the case comes from
 * @param expectation the expected outcome
 * @param actual the rule's result for the fact
 * @param factOrigin where the fact is defined
 * @param now the time the fixture evaluates at
 * @param parameters the fixture's parameter overrides by name, as text (a list joined with commas)
 * @param inheritance for a case of a base pack's fixtures, which base and what it gives; {@code null}
 *     for a case of the pack's own fixtures
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TestCase(FixtureFile file, Expectation expectation, RuleResult actual, Origin factOrigin, Instant now,
    Map<String, String> parameters, @Nullable Inheritance inheritance) {

  public TestCase {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(expectation, "expectation");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(factOrigin, "factOrigin");
    Objects.requireNonNull(now, "now");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** A case of the pack's own fixtures. */
  public TestCase(FixtureFile file, Expectation expectation, RuleResult actual, Origin factOrigin, Instant now,
      Map<String, String> parameters) {
    this(file, expectation, actual, factOrigin, now, parameters, null);
  }

  /** For a case of a base pack's fixtures, which base and what it gives. */
  public Optional<Inheritance> inherited() {
    return Optional.ofNullable(inheritance);
  }

  /** Whether the rule gave the expected outcome. */
  public boolean passed() {
    return actual.outcome() == expectation.expected();
  }
}
