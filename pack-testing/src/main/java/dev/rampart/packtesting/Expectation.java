package dev.rampart.packtesting;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.engine.value.Outcome;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One case of a fixture: the outcome a rule must give a fact.
 *
 * @param ruleId the rule
 * @param factId the fact, of the rule's target type
 * @param expected the outcome the fixture expects
 * @param place where the expectation is written, {@code file:line:column}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Expectation(String ruleId, String factId, Outcome expected, String place) {

  public Expectation {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(factId, "factId");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(place, "place");
  }
}
