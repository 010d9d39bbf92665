package dev.rampart.spi.fact;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A network's outbound traffic policy.
 *
 * @param defaultDeny outbound traffic is denied unless allowed; {@code null} when unknown
 * @param allowlist allowed outbound destinations (hosts or CIDRs); {@code null} when unknown
 */
public record Egress(
    @Nullable Boolean defaultDeny,
    @Nullable List<String> allowlist) {

  public Egress {
    allowlist = Collections2.copyOrNull(allowlist);
  }
}
