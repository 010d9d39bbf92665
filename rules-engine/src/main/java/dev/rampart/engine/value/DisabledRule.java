package dev.rampart.engine.value;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A rule of a base pack that a tailored pack switched off, and why; reports list these so that an
 * exception stays visible instead of silently shrinking the policy.
 *
 * @param ruleId the base rule's id
 * @param title the base rule's title
 * @param reason why the rule does not apply, as the tailored pack states it (e.g. a compensating control)
 */
@API(status = STABLE, since = "0.1")
public record DisabledRule(String ruleId, String title, String reason) {

  public DisabledRule {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(reason, "reason");
  }
}
