package dev.rampart.engine;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.FactType;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A rule that produced no result at all because no fact of its target type was supplied: neither a
 * pass nor a finding, and never to be read as compliance.
 *
 * @param rule the rule not assessed
 * @param reason what was missing and what to supply, e.g. {@code no deployment fact supplied (add a
 *     'deployment' section to the inventory)}
 */
@API(status = STABLE, since = "0.1")
public record NotAssessed(Rule rule, String reason) {

  public NotAssessed {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
  }

  /** The rule, not assessed because no fact of its target type was supplied. */
  static NotAssessed forMissingFacts(Rule rule) {
    return new NotAssessed(rule, missingFacts(rule.target()));
  }

  /** The rule, not assessed because the evaluation stopped before any fact of its target type. */
  static NotAssessed forUnevaluatedFacts(Rule rule) {
    return new NotAssessed(rule, "no " + rule.target().wireName()
        + " fact evaluated before the evaluation stopped (raise the fact or time limit)");
  }

  /** The fact type whose absence left the rule unassessed. */
  public FactType missingFactType() {
    return rule.target();
  }

  private static String missingFacts(FactType type) {
    return switch (type) {
      case DEPLOYMENT -> "no deployment fact supplied (add a 'deployment' section to the inventory)";
      case VENDOR -> "no vendor facts supplied (add a 'vendors' section to the inventory)";
      case NETWORK -> "no network facts supplied (add a 'networks' section to the inventory)";
      case DEVICE -> "no device facts supplied (add a 'devices' section to the inventory, or a device source)";
    };
  }
}
