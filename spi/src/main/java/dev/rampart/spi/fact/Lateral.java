package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.value.Format;
import dev.rampart.spi.value.ValueFormat;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A network's policy for traffic between the devices on it and to other internal hosts (east-west):
 * client isolation, a private VLAN or an internal firewall that denies by default, and the exceptions.
 *
 * @param defaultDeny traffic between devices is denied unless allowed; {@code null} when unknown
 * @param allowlist internal destinations (hosts or CIDRs) the devices may reach all the same, e.g. their
 *     controller or gateway; {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record Lateral(
    @Nullable Boolean defaultDeny,
    @Format(ValueFormat.DESTINATION) @Nullable List<String> allowlist) {

  public Lateral {
    allowlist = FieldValues.formatted("allowlist", allowlist, ValueFormat.DESTINATION);
  }
}
