package dev.rampart.sources.merge;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How facts from several sources are merged.
 *
 * <p>Two device records from different sources are one device when they have the same id, or else
 * when the first other identity key (in {@code deviceIdentity} order) that both report has equal
 * values: with the default order, records with different serial numbers are different devices even
 * if they share an IP address, and records without serials but with the same MAC are one device.
 * Different ids alone do not keep records apart, since sources name devices their own way (a
 * scanner by address, a CMDB by asset tag); two records of one source are always two devices.
 * Networks, vendors and the deployment merge by id.
 *
 * <p>When sources disagree on a value, the source earliest in {@code sourcePrecedence} wins; sources
 * not listed rank after the listed ones, in the order their facts arrived. Every disagreement is kept
 * as a {@link Conflict}.
 *
 * @param deviceIdentity the identity keys to use, most decisive first
 * @param sourcePrecedence source ids, most trusted first
 */
@API(status = STABLE, since = "0.1")
public record MergePolicy(List<IdentityKey> deviceIdentity, List<String> sourcePrecedence) {

  public MergePolicy {
    deviceIdentity = List.copyOf(deviceIdentity);
    sourcePrecedence = List.copyOf(sourcePrecedence);
    if (deviceIdentity.isEmpty()) {
      throw new IllegalArgumentException("give at least one identity key, e.g. ID");
    }
  }

  /** Identity by id, serial number, MAC address, then IP address; sources ranked by arrival. */
  public static MergePolicy defaults() {
    return new MergePolicy(
        List.of(IdentityKey.ID, IdentityKey.SERIAL_NUMBER, IdentityKey.MAC_ADDRESS, IdentityKey.IP_ADDRESS), List.of());
  }

  /** The same policy with a source precedence. */
  public MergePolicy withSourcePrecedence(List<String> sourceIds) {
    return new MergePolicy(deviceIdentity, Objects.requireNonNull(sourceIds, "sourceIds"));
  }

  int rank(String sourceId) {
    int index = sourcePrecedence.indexOf(sourceId);
    return index < 0 ? sourcePrecedence.size() : index;
  }
}
