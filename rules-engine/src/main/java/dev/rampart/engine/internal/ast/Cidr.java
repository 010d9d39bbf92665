package dev.rampart.engine.internal.ast;

import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 network such as {@code 10.0.0.0/8}; parsed without name lookups.
 *
 * @param address the network address bytes (4 or 16)
 * @param prefix the prefix length
 * @param text as written
 */
public record Cidr(byte[] address, int prefix, String text) {

  /** Parses {@code ADDRESS/PREFIX}, or a bare address as a host network (/32 or /128). */
  public static Optional<Cidr> parse(String text) {
    int slash = text.indexOf('/');
    String addressText = slash < 0 ? text : text.substring(0, slash);
    Optional<byte[]> address = IpAddresses.parse(addressText);
    if (address.isEmpty()) {
      return Optional.empty();
    }
    int bits = address.get().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String prefixText = text.substring(slash + 1);
      if (prefixText.isEmpty() || prefixText.length() > 3 || !prefixText.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(prefixText);
      if (prefix > bits) {
        return Optional.empty();
      }
    }
    return Optional.of(new Cidr(address.get(), prefix, text));
  }

  /** Whether the other network (or host) lies entirely inside this one. */
  public boolean contains(Cidr other) {
    if (other.address.length != address.length || other.prefix < prefix) {
      return false;
    }
    int fullBytes = prefix / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (address[i] != other.address[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (address[fullBytes] & mask) == (other.address[fullBytes] & mask);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && prefix == c.prefix && Arrays.equals(address, c.address);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(address) + prefix;
  }

  @Override
  public String toString() {
    return text;
  }
}
