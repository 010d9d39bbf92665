package dev.rampart.engine.value;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A rule of a base pack that a tailored pack switched off, and why; reports list these so that an
 * exception stays visible instead of silently shrinking the policy.
 *
 * @param ruleId the base rule's id
 * @param title the base rule's title
 * @param reason why the rule does not apply, as the tailored pack states it (e.g. a compensating control)
 * @param requirements the guide requirements the base rule serves, e.g. {@code G11}: a requirement that
 *     only disabled rules serve is reported as not assessed
 */
@API(status = STABLE, since = "0.1")
public record DisabledRule(String ruleId, String title, String reason, List<String> requirements) {

  public DisabledRule {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(reason, "reason");
    requirements = List.copyOf(requirements);
  }

  /** A disabled rule that serves no requirement. */
  public DisabledRule(String ruleId, String title, String reason) {
    this(ruleId, title, reason, List.of());
  }
}
