package dev.rampart.adapter.nmap;

import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Exposure;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.InvalidFactException;
import dev.rampart.spi.fact.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One {@code <host>} as it is read, turned into a {@link Device} once complete. */
final class ScannedHost {

  @Nullable String status;
  final List<String> ipv4 = new ArrayList<>();
  final List<String> ipv6 = new ArrayList<>();
  @Nullable String mac;
  @Nullable String macVendor;
  @Nullable String userHostname;
  @Nullable String otherHostname;
  /** {@code null} when the scan had no {@code <ports>} for the host, i.e. ports were not scanned. */
  @Nullable List<ScannedPort> ports;

  boolean isUp() {
    return "up".equals(status);
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

  /** The certificate of the first port that showed one; the scan says nothing else about credentials. */
  private @Nullable Credentials credentials() {
    if (ports != null) {
      for (ScannedPort port : ports) {
        Certificate certificate = port.certificate;
        if (certificate != null) {
          return Credentials.builder().certificate(certificate).build();
        }
      }
    }
    return null;
  }
}
