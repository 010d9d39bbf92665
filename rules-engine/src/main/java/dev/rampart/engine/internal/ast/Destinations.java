package dev.rampart.engine.internal.ast;

import dev.rampart.spi.value.Cidr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A list of destinations (networks, host names, {@code *.domain} wildcards and the allow-all words
 * {@code *}, {@code any}, {@code all}) indexed once, so that asking whether a value is covered costs
 * a hash lookup or a binary search, not a pass over the list: an allowlist of 20,000 entries is
 * checked against 20,000 destinations in milliseconds.
 *
 * <p>Networks are merged into sorted, disjoint ranges per address family, so a network is covered
 * when the union of the entries contains it ({@code 10.0.0.0/8} is covered by {@code 10.0.0.0/9} and
 * {@code 10.128.0.0/9}), and the list covers everything when its ranges span all of IPv4 or all of
 * IPv6 ({@code 0.0.0.0/1} with {@code 128.0.0.0/1}). An IPv4-mapped IPv6 address is the IPv4 address
 * it carries.
 */
public final class Destinations {

  /** Entries that allow every destination. */
  public static final List<String> ALLOW_ALL_WORDS = List.of("*", "any", "all");

  private static final BigInteger V6_LAST = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
  private static final long V4_LAST = 0xFFFF_FFFFL;

  private final BigInteger[] v4Starts;
  private final BigInteger[] v4Ends;
  private final BigInteger[] v6Starts;
  private final BigInteger[] v6Ends;
  private final Set<String> hosts;
  private final Set<String> wildcardSuffixes;
  private final boolean allowAllWord;
  private final String text;

  private Destinations(List<BigInteger[]> v4, List<BigInteger[]> v6, Set<String> hosts, Set<String> wildcardSuffixes,
      boolean allowAllWord, String text) {
    BigInteger[][] mergedV4 = merge(v4);
    BigInteger[][] mergedV6 = merge(v6);
    this.v4Starts = mergedV4[0];
    this.v4Ends = mergedV4[1];
    this.v6Starts = mergedV6[0];
    this.v6Ends = mergedV6[1];
    this.hosts = hosts;
    this.wildcardSuffixes = wildcardSuffixes;
    this.allowAllWord = allowAllWord;
    this.text = text;
  }

  /**
   * Indexes entries as they are; an entry that is none of the forms above (or not text) is ignored,
   * as are host names and words when {@code networksOnly}.
   */
  public static Destinations of(Collection<?> entries, boolean networksOnly) {
    List<BigInteger[]> v4 = new ArrayList<>();
    List<BigInteger[]> v6 = new ArrayList<>();
    Set<String> hosts = new HashSet<>();
    Set<String> suffixes = new HashSet<>();
    boolean allowAll = false;
    for (Object entry : entries) {
      if (!(entry instanceof String text)) {
        continue;
      }
      Optional<Cidr> network = Cidr.parse(text.strip());
      if (network.isPresent()) {
        BigInteger[] range = range(network.get());
        (network.get().isIpv4() ? v4 : v6).add(range);
        continue;
      }
      if (networksOnly) {
        continue;
      }
      String name = hostName(text);
      if (ALLOW_ALL_WORDS.contains(name)) {
        allowAll = true;
      } else if (name.startsWith("*.") && isHostName(name.substring(2))) {
        suffixes.add(name.substring(1));
      } else if (isHostName(name)) {
        hosts.add(name);
      }
    }
    return new Destinations(v4, v6, hosts, suffixes, allowAll, String.valueOf(entries));
  }

  /** What an entry written in a pack is, or {@code null} when it is none of the forms this class knows. */
  public static @Nullable String kindOf(String entry) {
    if (Cidr.parse(entry.strip()).isPresent()) {
      return "network";
    }
    String name = hostName(entry);
    if (ALLOW_ALL_WORDS.contains(name)) {
      return "allow-all word";
    }
    if (name.startsWith("*.") && isHostName(name.substring(2))) {
      return "wildcard domain";
    }
    return isHostName(name) && !looksNumeric(name) ? "host name" : null;
  }

  /**
   * Whether the value (an address, a network or a host name) is covered: by the union of the network
   * entries, by the same host name (case-insensitive, a trailing dot ignored), by a {@code *.domain}
   * entry (any name below the domain, not the domain itself), or by an allow-all word.
   *
   * @throws IllegalArgumentException when the value is none of these, e.g. {@code 999.1.1.1}
   */
  public boolean covers(String value) {
    Optional<Cidr> network = Cidr.parse(value.strip());
    if (network.isPresent()) {
      return allowAllWord || contains(network.get());
    }
    String name = hostName(value);
    if (!isHostName(name) || looksNumeric(name)) {
      throw new IllegalArgumentException("'" + value + "' is not an IP address, network or host name");
    }
    if (allowAllWord || hosts.contains(name)) {
      return true;
    }
    for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
      if (wildcardSuffixes.contains(name.substring(dot))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the union of the network entries contains the network (or address). */
  public boolean contains(Cidr network) {
    BigInteger[] range = range(network);
    BigInteger[] starts = network.isIpv4() ? v4Starts : v6Starts;
    BigInteger[] ends = network.isIpv4() ? v4Ends : v6Ends;
    int at = Arrays.binarySearch(starts, range[0]);
    int candidate = at >= 0 ? at : -at - 2;
    return candidate >= 0 && ends[candidate].compareTo(range[1]) >= 0;
  }

  /** Whether the entries allow every destination: an allow-all word, or all of IPv4 or all of IPv6. */
  public boolean coversAll() {
    return allowAllWord || spansAll(v4Starts, v4Ends, BigInteger.valueOf(V4_LAST)) || spansAll(v6Starts, v6Ends, V6_LAST);
  }

  @Override
  public String toString() {
    return text;
  }

  private static boolean spansAll(BigInteger[] starts, BigInteger[] ends, BigInteger last) {
    return starts.length == 1 && starts[0].signum() == 0 && ends[0].equals(last);
  }

  private static BigInteger[] range(Cidr network) {
    byte[] first = network.network();
    BigInteger start = new BigInteger(1, first);
    int hostBits = first.length * 8 - network.prefix();
    BigInteger end = start.add(BigInteger.ONE.shiftLeft(hostBits).subtract(BigInteger.ONE));
    return new BigInteger[] {start, end};
  }

  /** Sorted, disjoint ranges; touching ones are joined, so split halves make one whole. */
  private static BigInteger[][] merge(List<BigInteger[]> ranges) {
    ranges.sort(Comparator.comparing((BigInteger[] r) -> r[0]));
    List<BigInteger> starts = new ArrayList<>();
    List<BigInteger> ends = new ArrayList<>();
    for (BigInteger[] range : ranges) {
      int last = ends.size() - 1;
      if (last >= 0 && range[0].compareTo(ends.get(last).add(BigInteger.ONE)) <= 0) {
        if (range[1].compareTo(ends.get(last)) > 0) {
          ends.set(last, range[1]);
        }
      } else {
        starts.add(range[0]);
        ends.add(range[1]);
      }
    }
    return new BigInteger[][] {starts.toArray(BigInteger[]::new), ends.toArray(BigInteger[]::new)};
  }

  private static String hostName(String text) {
    String name = text.strip().toLowerCase(Locale.ROOT);
    return name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
  }

  /** Letters, digits, hyphens and underscores in dot-separated labels (ASCII only, as DNS has it). */
  private static boolean isHostName(String name) {
    if (name.isEmpty() || name.length() > 253) {
      return false;
    }
    for (String label : name.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
          return false;
        }
      }
    }
    return true;
  }

  /** Digits and dots only: meant as an IPv4 address, so one that does not parse is not a host name. */
  private static boolean looksNumeric(String name) {
    return name.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
  }
}
