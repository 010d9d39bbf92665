package dev.rampart.spi.value;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Parses textual IPv4 and IPv6 addresses strictly and without DNS ({@code InetAddress} would resolve
 * names).
 *
 * <p>IPv4 is dotted decimal with ASCII digits and no leading zeros ({@code 010.0.0.1} is refused:
 * some tools read it as octal). IPv6 takes the RFC 4291 forms, with an embedded IPv4 tail
 * ({@code ::ffff:8.8.8.8}), and no zone id. An IPv4-mapped IPv6 address ({@code ::ffff:0808:0808})
 * <em>is</em> the IPv4 address it carries, so it parses to four bytes: a rule about 8.0.0.0/8 sees it.
 */
@API(status = INTERNAL, since = "0.1")
public final class IpAddresses {

  private static final int MAPPED_PREFIX_BYTES = 10;

  private IpAddresses() {}

  /** The address's bytes (4 or 16), or empty when the text is not an address. */
  public static Optional<byte[]> parse(@Nullable String text) {
    if (text == null || text.isEmpty() || text.length() > 45) {
      return Optional.empty();
    }
    byte[] bytes = text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
    return Optional.ofNullable(bytes).map(IpAddresses::unmapped);
  }

  /** Whether the text is an IPv4 or IPv6 address. */
  public static boolean isAddress(@Nullable String text) {
    return parse(text).isPresent();
  }

  /**
   * The canonical text of an address: dotted decimal for IPv4 (IPv4-mapped IPv6 included), RFC 5952
   * for IPv6 (lower case, longest run of zero groups compressed); empty when it is not an address.
   */
  public static Optional<String> canonical(@Nullable String text) {
    return parse(text).map(IpAddresses::format);
  }

  /** The canonical text of an address's bytes (4 or 16). */
  public static String format(byte[] bytes) {
    if (bytes.length == 4) {
      return (bytes[0] & 0xFF) + "." + (bytes[1] & 0xFF) + "." + (bytes[2] & 0xFF) + "." + (bytes[3] & 0xFF);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF);
    }
    int bestStart = -1;
    int bestLength = 1; // RFC 5952: a single zero group is not compressed
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < 8 && groups[i] == 0) {
        i++;
      }
      if (i - start > bestLength) {
        bestStart = start;
        bestLength = i - start;
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }

  private static byte[] unmapped(byte[] bytes) {
    if (bytes.length != 16) {
      return bytes;
    }
    for (int i = 0; i < MAPPED_PREFIX_BYTES; i++) {
      if (bytes[i] != 0) {
        return bytes;
      }
    }
    if (bytes[10] != (byte) 0xFF || bytes[11] != (byte) 0xFF) {
      return bytes;
    }
    return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
  }

  private static byte @Nullable [] parseV4(String text) {
    byte[] bytes = new byte[4];
    int part = 0;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i < text.length() && text.charAt(i) != '.') {
        continue;
      }
      if (part == 4) {
        return null;
      }
      int value = octet(text, start, i);
      if (value < 0) {
        return null;
      }
      bytes[part++] = (byte) value;
      start = i + 1;
    }
    return part == 4 ? bytes : null;
  }

  /** A decimal octet of ASCII digits without a leading zero, or -1. */
  private static int octet(String text, int from, int to) {
    int length = to - from;
    if (length < 1 || length > 3 || (length > 1 && text.charAt(from) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 255 ? value : -1;
  }

  private static byte @Nullable [] parseV6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    String head = gap < 0 ? text : text.substring(0, gap);
    String tail = gap < 0 ? "" : text.substring(gap + 2);
    // an embedded IPv4 address may end the text: it stands for the last two groups
    byte[] v4 = null;
    String tailGroupsText = gap < 0 ? head : tail;
    int lastColon = tailGroupsText.lastIndexOf(':');
    String last = tailGroupsText.substring(lastColon + 1);
    if (last.indexOf('.') >= 0) {
      v4 = parseV4(last);
      if (v4 == null) {
        return null;
      }
      String rest = lastColon < 0 ? "" : tailGroupsText.substring(0, lastColon);
      if (gap < 0) {
        head = rest;
      } else {
        tail = rest;
      }
      if (lastColon < 0 && gap < 0) {
        return null;
      }
    }
    int[] headGroups = groups(head);
    int[] tailGroups = groups(tail);
    if (headGroups == null || tailGroups == null) {
      return null;
    }
    int groupsNeeded = v4 == null ? 8 : 6;
    int total = headGroups.length + tailGroups.length;
    if ((gap < 0 && total != groupsNeeded) || (gap >= 0 && total > groupsNeeded - 1)) {
      return null;
    }
    byte[] bytes = new byte[16];
    for (int i = 0; i < headGroups.length; i++) {
      put(bytes, i, headGroups[i]);
    }
    for (int i = 0; i < tailGroups.length; i++) {
      put(bytes, groupsNeeded - tailGroups.length + i, tailGroups[i]);
    }
    if (v4 != null) {
      System.arraycopy(v4, 0, bytes, 12, 4);
    }
    return bytes;
  }

  private static int @Nullable [] groups(String text) {
    if (text.isEmpty()) {
      return new int[0];
    }
    String[] parts = text.split(":", -1);
    int[] groups = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 4) {
        return null;
      }
      int value = 0;
      for (int j = 0; j < part.length(); j++) {
        char c = part.charAt(j);
        int digit = c < 128 ? Character.digit(c, 16) : -1;
        if (digit < 0) {
          return null;
        }
        value = value * 16 + digit;
      }
      groups[i] = value;
    }
    return groups;
  }

  private static void put(byte[] bytes, int group, int value) {
    bytes[group * 2] = (byte) (value >> 8);
    bytes[group * 2 + 1] = (byte) value;
  }
}
