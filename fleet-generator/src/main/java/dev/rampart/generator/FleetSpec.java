package dev.rampart.generator;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate: how many devices, from which seed, with dates relative to which day.
 *
 * <p>Evaluate the result with {@code --now} set to {@link #asOf()}: a compliant device is then
 * compliant, and every date-based finding is the one the generator meant.
 *
 * @param devices number of devices, at least 1
 * @param seed the seed; the same spec always writes the same bytes
 * @param asOf the day the fleet's dates are relative to
 */
public record FleetSpec(int devices, long seed, LocalDate asOf) {

  /** The day dates are relative to unless another is given. */
  public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 25);

  /** Devices per network: one network for every this many devices. */
  public static final int DEVICES_PER_NETWORK = 500;

  /** Devices per vendor: one vendor for every this many devices. */
  public static final int DEVICES_PER_VENDOR = 2000;

  public FleetSpec {
    if (devices < 1) {
      throw new IllegalArgumentException("devices must be at least 1, not " + devices);
    }
    Objects.requireNonNull(asOf, "asOf");
  }

  /** A spec with dates relative to {@link #DEFAULT_AS_OF}. */
  public static FleetSpec of(int devices, long seed) {
    return new FleetSpec(devices, seed, DEFAULT_AS_OF);
  }

  /** Number of IoT/OT networks, in proportion to the devices (the corporate LAN comes on top). */
  public int networks() {
    return ceilDiv(devices, DEVICES_PER_NETWORK);
  }

  /** Number of vendors, in proportion to the devices. */
  public int vendors() {
    return ceilDiv(devices, DEVICES_PER_VENDOR);
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
