package dev.rampart.packtesting;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.engine.value.DisabledRule;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A case of a base pack's fixtures that a tailored pack does not run, because it disabled the rule:
 * neither a pass nor a failure, and listed with the reason.
 *
 * @param file the base's fixture file the case comes from
 * @param expectation the case as the base expects it
 * @param rule the disabled rule, with the reason the disabling pack gives
 * @param disabledBy the id of the pack that disabled it: the pack under test, or a base further up
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SkippedCase(FixtureFile file, Expectation expectation, DisabledRule rule, String disabledBy) {

  public SkippedCase {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(expectation, "expectation");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(disabledBy, "disabledBy");
  }
}
