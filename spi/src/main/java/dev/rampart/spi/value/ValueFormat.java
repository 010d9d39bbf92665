package dev.rampart.spi.value;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The checked forms of fact values that are not free text: addresses, networks, destinations, MAC
 * addresses, and whole numbers with a range. Each knows what a value of it is called and what a
 * valid one looks like, so every refusal gives the same fix wherever the value came from.
 */
@API(status = INTERNAL, since = "0.1")
public enum ValueFormat {

  /** An IPv4 or IPv6 address, kept in canonical text ({@code ::ffff:8.8.8.8} is {@code 8.8.8.8}). */
  IP_ADDRESS("an IP address", "write an IPv4 address such as 192.0.2.10 or an IPv6 address such as 2001:db8::10"),

  /** A network in CIDR notation, kept as its canonical network ({@code 10.20.0.7/24} is {@code 10.20.0.0/24}). */
  NETWORK("a network", "write an address and a prefix length such as 10.20.0.0/24 or 2001:db8::/32"),

  /**
   * An outbound destination: an address or a network (kept in canonical text), a host name (kept in
   * lower case without a trailing dot), or another token such as {@code any} (kept as written). Text
   * that looks like an address or a network but is none is refused.
   */
  DESTINATION("an address, network or host name",
      "write an IP address, a network such as 192.0.2.0/24, or a host name such as updates.example.com"),

  /** A 48-bit MAC address, kept in lower case with colons: {@code 00:1a:2b:3c:4d:5e}. */
  MAC_ADDRESS("a MAC address",
      "write six pairs of hex digits such as 00:1a:2b:3c:4d:5e (00-1A-2B-3C-4D-5E and 001a.2b3c.4d5e are accepted too)"),

  /** A TCP or UDP port. */
  PORT("a port", "ports are 1 to 65535", 1, 65535),

  /** An IEEE 802.1Q VLAN id. */
  VLAN("a VLAN id", "VLAN ids are 1 to 4094", 1, 4094),

  /** A number of days. */
  DAYS("a number of days", "days cannot be negative", 0, Integer.MAX_VALUE),

  /** A percentage. */
  PERCENT("a percentage", "percentages are 0 to 100", 0, 100),

  /** A key size in bits. */
  KEY_SIZE("a key size", "a key size is a positive number of bits, e.g. 2048", 1, Integer.MAX_VALUE);

  private final String noun;
  private final String fix;
  private final boolean number;
  private final long min;
  private final long max;

  ValueFormat(String noun, String fix) {
    this.noun = noun;
    this.fix = fix;
    this.number = false;
    this.min = 0;
    this.max = 0;
  }

  ValueFormat(String noun, String fix, long min, long max) {
    this.noun = noun;
    this.fix = fix;
    this.number = true;
    this.min = min;
    this.max = max;
  }

  /** What a value of this form is called in messages, with its article: "a port". */
  public String noun() {
    return noun;
  }

  /** What a valid value looks like, as the fix of a message: "ports are 1 to 65535". */
  public String fix() {
    return fix;
  }

  /** Whether values of this form are whole numbers (checked with {@link #accepts}) rather than text. */
  public boolean isNumber() {
    return number;
  }

  /** The smallest whole number of this form; 0 for text forms. */
  public long min() {
    return min;
  }

  /** The largest whole number of this form; 0 for text forms. */
  public long max() {
    return max;
  }

  /** Whether a whole number is of this form; false for every number when this is a text form. */
  public boolean accepts(long value) {
    return number && value >= min && value <= max;
  }

  /**
   * The canonical text of a value of this form, or empty when the text is not of this form (and for
   * every text when this is a number form). The text is taken as given: strip it first.
   */
  public Optional<String> normalise(String text) {
    return switch (this) {
      case IP_ADDRESS -> IpAddresses.canonical(text);
      case NETWORK -> text.indexOf('/') < 0 ? Optional.empty() : Cidr.parse(text).map(Cidr::canonical);
      case DESTINATION -> destination(text);
      case MAC_ADDRESS -> macAddress(text);
      default -> Optional.empty();
    };
  }

  private static Optional<String> destination(String text) {
    int slash = text.indexOf('/');
    String head = slash < 0 ? text : text.substring(0, slash);
    if (looksLikeAddress(head)) {
      return slash < 0 ? IpAddresses.canonical(text) : Cidr.parse(text).map(Cidr::canonical);
    }
    if (isHostName(text)) {
      String lower = text.toLowerCase(Locale.ROOT);
      return Optional.of(lower.length() > 1 && lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower);
    }
    // a marker such as "mud:local-networks" or a URL: kept as written, for the rules to judge
    return Optional.of(text);
  }

  /** Digits and dots with a dot (IPv4, or a typo of one), or hex digits, colons and dots with a colon (IPv6). */
  private static boolean looksLikeAddress(String text) {
    if (text.isEmpty()) {
      return false;
    }
    boolean dot = false;
    boolean colon = false;
    boolean hexLetter = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.') {
        dot = true;
      } else if (c == ':') {
        colon = true;
      } else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
        hexLetter = true;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return colon || (dot && !hexLetter);
  }

  private static boolean isHostName(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '*';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  private static Optional<String> macAddress(String text) {
    String digits;
    int length = text.length();
    if (length == 17) {
      char separator = text.charAt(2);
      if (separator != ':' && separator != '-') {
        return Optional.empty();
      }
      StringBuilder out = new StringBuilder(12);
      for (int i = 0; i < 6; i++) {
        if (i > 0 && text.charAt(i * 3 - 1) != separator) {
          return Optional.empty();
        }
        out.append(text, i * 3, i * 3 + 2);
      }
      digits = out.toString();
    } else if (length == 14) {
      if (text.charAt(4) != '.' || text.charAt(9) != '.') {
        return Optional.empty();
      }
      digits = text.substring(0, 4) + text.substring(5, 9) + text.substring(10);
    } else if (length == 12) {
      digits = text;
    } else {
      return Optional.empty();
    }
    StringBuilder mac = new StringBuilder(17);
    for (int i = 0; i < 12; i++) {
      char c = digits.charAt(i);
      int digit = c < 128 ? Character.digit(c, 16) : -1;
      if (digit < 0) {
        return Optional.empty();
      }
      if (i > 0 && i % 2 == 0) {
        mac.append(':');
      }
      mac.append(Character.forDigit(digit, 16));
    }
    return Optional.of(mac.toString());
  }
}
