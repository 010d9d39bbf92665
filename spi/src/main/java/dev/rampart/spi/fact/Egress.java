package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.value.Format;
import dev.rampart.spi.value.ValueFormat;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A network's outbound traffic policy.
 *
 * @param defaultDeny outbound traffic is denied unless allowed; {@code null} when unknown
 * @param allowlist allowed outbound destinations (hosts or CIDRs); {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record Egress(
    @Nullable Boolean defaultDeny,
    @Format(ValueFormat.DESTINATION) @Nullable List<String> allowlist) {

  public Egress {
    allowlist = FieldValues.formatted("allowlist", allowlist, ValueFormat.DESTINATION);
  }
}
