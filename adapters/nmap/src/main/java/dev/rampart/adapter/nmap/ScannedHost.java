package dev.rampart.adapter.nmap;

import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Exposure;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.InvalidFactException;
import dev.rampart.spi.fact.Service;
import dev.rampart.spi.source.TextPosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One {@code <host>} as it is read (for masscan, every record of one address), turned into a {@link Device}
 * once complete, or skipped with its {@link Fault faults}.
 */
final class ScannedHost {

  /** The device attribute that names the public list of compromised keys a certificate's key is in. */
  static final String KNOWN_KEY = "knownKey";
  /** The fix of a value an unedited scan never holds. */
  static final String RESTORE = "restore the value from the original scan";

  @Nullable String status;
  /** What the reader could not use, each a reason to skip the whole host rather than read it in part. */
  final List<Fault> faults = new ArrayList<>();
  final List<String> ipv4 = new ArrayList<>();
  final List<String> ipv6 = new ArrayList<>();
  @Nullable String mac;
  @Nullable String macVendor;
  @Nullable String userHostname;
  @Nullable String otherHostname;
  /** {@code null} when the scan had no {@code <ports>} for the host, i.e. ports were not scanned. */
  @Nullable List<ScannedPort> ports;
  /** masscan saw a ping reply ({@code <port protocol="icmp">}). */
  boolean pinged;

  boolean isUp() {
    return "up".equals(status);
  }

  /** Whether masscan, which writes no {@code <status>}, saw the host answer: an open port or a ping reply. */
  boolean answered() {
    return pinged || ports != null && ports.stream().anyMatch(port -> "open".equals(port.state));
  }

  /** Notes a value of this host the reader cannot use, at the place it is written. */
  void fault(@Nullable TextPosition at, String what, String fix) {
    faults.add(new Fault(at, what, fix));
  }

  /** Adds what another {@code <host>} of the same address said: masscan writes one for each port and banner. */
  void absorb(ScannedHost other) {
    pinged |= other.pinged;
    faults.addAll(other.faults);
    if (other.ports == null) {
      return;
    }
    if (ports == null) {
      ports = new ArrayList<>();
    }
    for (ScannedPort port : other.ports) {
      ScannedPort same = ports.stream()
          .filter(known -> known.port == port.port && known.transport == port.transport)
          .findFirst().orElse(null);
      if (same == null) {
        ports.add(port);
      } else {
        same.absorb(port);
      }
    }
  }

  /** The IPv4 address, else the IPv6 address, else the MAC address; {@code null} when the host has none. */
  @Nullable String id() {
    if (!ipv4.isEmpty()) {
      return ipv4.get(0);
    }
    if (!ipv6.isEmpty()) {
      return ipv6.get(0);
    }
    return mac == null ? null : mac.toLowerCase(Locale.ROOT);
  }

  /**
   * The device this host is.
   *
   * @throws InvalidFactException when the scan holds a value the fact model refuses, naming the device
   */
  Device toDevice(String id, @Nullable Exposure scannedFrom) {
    List<String> addresses = new ArrayList<>(ipv4);
    addresses.addAll(ipv6);
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (macVendor != null) {
      attributes.put("macVendor", macVendor);
    }
    if (ports != null) {
      // which public list holds the key, for the reader of the report; the rules read keyPublished
      ports.stream().map(port -> port.knownKey).filter(Objects::nonNull).findFirst()
          .ifPresent(known -> attributes.put(KNOWN_KEY, known.database()));
    }
    Device.Builder device = Device.builder(id);
    try {
      device.services(services(scannedFrom));
    } catch (InvalidFactException e) {
      throw e.about(FactType.DEVICE, id);
    }
    return device
        .name(userHostname != null ? userHostname : otherHostname)
        .macAddress(mac)
        .ipAddresses(addresses.isEmpty() ? null : addresses)
        .credentials(credentials())
        .attributes(attributes)
        .build();
  }

  private @Nullable List<Service> services(@Nullable Exposure scannedFrom) {
    if (ports == null) {
      return null;
    }
    List<Service> services = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) {
      try {
        services.add(ports.get(i).toService(scannedFrom));
      } catch (InvalidFactException e) {
        throw e.within("services", i);
      }
    }
    return services;
  }

  /**
   * The certificate of the first port whose key nmap found in a public list of shared or compromised keys
   * ({@code ssl-known-key}), marked so; otherwise the certificate of the first port that showed one. The scan
   * says nothing else about credentials.
   */
  private @Nullable Credentials credentials() {
    if (ports == null) {
      return null;
    }
    for (ScannedPort port : ports) {
      if (port.knownKey != null) {
        Certificate certificate = port.certificate != null ? port.certificate : Certificate.builder().build();
        return Credentials.builder().certificate(certificate.toBuilder().keyPublished(true).build()).build();
      }
    }
    for (ScannedPort port : ports) {
      if (port.certificate != null) {
        return Credentials.builder().certificate(port.certificate).build();
      }
    }
    return null;
  }

  /**
   * A value of the host the reader cannot use: a port number or protocol out of range, a state nobody
   * knows, an address that is none. The host is skipped with every fault it has, never read in part: a
   * device without the port it could not read would look like a device without that port.
   *
   * @param at where the value is written, or {@code null} when the reader does not know
   * @param what what is wrong, quoting the value
   * @param fix how to fix it
   */
  record Fault(@Nullable TextPosition at, String what, String fix) {}
}
