package dev.rampart.engine;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.source.Origin;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A waiver that did not accept a FAIL or UNKNOWN result it selects, because the value its {@code
 * where} matched came from a source it does not trust.
 *
 * @param waiver the waiver
 * @param result the result it would have accepted, exactly as the report holds it
 * @param origin where the value came from, or {@code null} when that is not known (an unknown
 *     source is trusted by no waiver)
 */
@API(status = STABLE, since = "0.1")
public record UntrustedMatch(Waiver waiver, RuleResult result, @Nullable Origin origin) {

  public UntrustedMatch {
    Objects.requireNonNull(waiver, "waiver");
    Objects.requireNonNull(result, "result");
    if (waiver.where() == null) {
      throw new IllegalArgumentException("a waiver without 'where' reads no value, so it trusts every source");
    }
  }

  /** The field the waiver's {@code where} read, e.g. {@code attributes.env}. */
  public String field() {
    return Objects.requireNonNull(waiver.where()).field();
  }

  /**
   * Why the waiver was not applied, with the fix, e.g. {@code attributes.env came from
   * azure-iot-hub:lab.json, which this waiver does not trust (add azure-iot-hub to its trustedSources)}.
   */
  public String reason() {
    if (origin == null) {
      return "the source of " + field() + " is not known, so this waiver does not trust it (evaluate the facts"
          + " with their provenance)";
    }
    return field() + " came from " + origin.describe() + ", which this waiver does not trust (add "
        + origin.sourceId() + " to its trustedSources)";
  }
}
