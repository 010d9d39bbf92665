package dev.rampart.adapter.netbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** An IPv4 or IPv6 address range such as {@code 10.20.0.0/24}, to find the prefix an address is in. */
final class Cidr {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final byte[] network;
  private final int length;

  private Cidr(byte[] network, int length) {
    this.network = network;
    this.length = length;
  }

  /** Parses {@code address/length}; {@code null} when it is not one. */
  static @Nullable Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return null;
    }
    byte[] network = address(text.substring(0, slash));
    if (network == null) {
      return null;
    }
    try {
      int length = Integer.parseInt(text.substring(slash + 1));
      return length >= 0 && length <= network.length * 8 ? new Cidr(network, length) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The bytes of an IP address literal; {@code null} when the text is not one. Only literals are
   * parsed, so that no name is ever looked up in DNS.
   */
  static byte @Nullable [] address(String text) {
    if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
      return null;
    }
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** How many leading bits are fixed; longer is more specific. */
  int length() {
    return length;
  }

  /** Whether the address (as from {@link #address}) lies in this range. */
  boolean contains(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    int whole = length / 8;
    for (int i = 0; i < whole; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = length % 8;
    if (rest == 0) {
      return true;
    }
    int mask = 0xff << (8 - rest) & 0xff;
    return (address[whole] & mask) == (network[whole] & mask);
  }

  /** Whether this is an IPv4 range. */
  boolean isIpv4() {
    return network.length == 4;
  }
}
