package dev.rampart.engine;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A waiver that accepted one FAIL or UNKNOWN result of a report.
 *
 * @param waiver the waiver, valid at the report's evaluation time
 * @param result the result it accepted, exactly as the report holds it
 */
@API(status = STABLE, since = "0.1")
public record AppliedWaiver(Waiver waiver, RuleResult result) {

  public AppliedWaiver {
    Objects.requireNonNull(waiver, "waiver");
    Objects.requireNonNull(result, "result");
  }
}
