package dev.rampart.reports;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.engine.Waiver;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The waivers that apply now but expire within a period ({@code --warn-expiring P14D}): reports list
 * them so that they are renewed, or their findings fixed, before they fail the gate.
 *
 * @param within the period asked for
 * @param waivers the waivers valid at the evaluation time that expire within it, in the order given
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ExpiringWaivers(Period within, List<Waiver> waivers) {

  public ExpiringWaivers {
    Objects.requireNonNull(within, "within");
    waivers = List.copyOf(waivers);
  }

  /** The waivers of {@code waivers} valid at {@code now} that expire within {@code within} of it. */
  public static ExpiringWaivers of(List<Waiver> waivers, Instant now, Period within) {
    Objects.requireNonNull(now, "now");
    return new ExpiringWaivers(within, waivers.stream().filter(waiver -> waiver.expiresWithin(now, within)).toList());
  }

  /** When a waiver expires, as reports and warnings say it: {@code 2026-12-01, in 6 days} or {@code 2026-12-01, today}. */
  public static String expiry(Waiver waiver, Instant now) {
    long days = waiver.daysLeftAt(now);
    return waiver.expires() + (days == 0 ? ", today" : ", in " + days + (days == 1 ? " day" : " days"));
  }
}
