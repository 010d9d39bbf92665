package dev.rampart.spi.value;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Arrays;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 network such as {@code 10.0.0.0/8}, or a single address as a host network; parsed
 * strictly and without name lookups (see {@link IpAddresses}). An IPv4-mapped IPv6 network with a
 * prefix of at least 96 is the IPv4 network it carries.
 *
 * @param address the address bytes as written (4 or 16); host bits are kept, see {@link #contains}
 * @param prefix the prefix length
 * @param text as written
 */
@API(status = INTERNAL, since = "0.1")
public record Cidr(byte[] address, int prefix, String text) {

  public Cidr {
    address = address.clone();
    if (address.length != 4 && address.length != 16) {
      throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + address.length);
    }
    if (prefix < 0 || prefix > address.length * 8) {
      throw new IllegalArgumentException("prefix " + prefix + " does not fit a " + address.length * 8 + "-bit address");
    }
  }

  /** Parses {@code ADDRESS/PREFIX}, or a bare address as a host network (/32 or /128). */
  public static Optional<Cidr> parse(@Nullable String text) {
    if (text == null) {
      return Optional.empty();
    }
    int slash = text.indexOf('/');
    String addressText = slash < 0 ? text : text.substring(0, slash);
    // parse the address as written first, to learn whether it was IPv6 (a mapped prefix counts 128 bits)
    boolean writtenV6 = addressText.indexOf(':') >= 0;
    Optional<byte[]> parsed = IpAddresses.parse(addressText);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    byte[] address = parsed.get();
    int writtenBits = writtenV6 ? 128 : 32;
    int prefix = writtenBits;
    if (slash >= 0) {
      String prefixText = text.substring(slash + 1);
      if (prefixText.isEmpty() || prefixText.length() > 3 || (prefixText.length() > 1 && prefixText.charAt(0) == '0')
          || !prefixText.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(prefixText);
      if (prefix > writtenBits) {
        return Optional.empty();
      }
    }
    if (writtenV6 && address.length == 4) {
      if (prefix < 96) {
        // a mapped network wider than /96 reaches outside the mapped range: keep it as IPv6
        byte[] full = new byte[16];
        full[10] = (byte) 0xFF;
        full[11] = (byte) 0xFF;
        System.arraycopy(address, 0, full, 12, 4);
        return Optional.of(new Cidr(full, prefix, text));
      }
      prefix -= 96;
    }
    return Optional.of(new Cidr(address, prefix, text));
  }

  /** Whether this is an IPv4 network. */
  public boolean isIpv4() {
    return address.length == 4;
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

  /** The network's first address, host bits cleared. */
  public byte[] network() {
    byte[] network = address.clone();
    for (int bit = prefix; bit < network.length * 8; bit++) {
      network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return network;
  }

  /** The canonical text: the network address (host bits cleared) and the prefix, e.g. {@code 10.0.0.0/8}. */
  public String canonical() {
    return IpAddresses.format(network()) + "/" + prefix;
  }

  @Override
  public byte[] address() {
    return address.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && prefix == c.prefix && Arrays.equals(network(), c.network());
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network()) + prefix;
  }

  @Override
  public String toString() {
    return text;
  }
}
