package dev.rampart.engine.properties;

import dev.rampart.engine.Outcome;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.Network;
import dev.rampart.spi.fact.Service;
import dev.rampart.spi.fact.Vendor;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A deliberately naive evaluator of {@link GeneratedRule}s, written from the pack format's
 * specification and sharing no code with the engine: it reads fields with plain accessors, finds
 * referenced vendors and networks by scanning the fact list, and counts duplicates for
 * {@code unique} by scanning it again.
 *
 * <p>Semantics: an absent field makes a leaf UNKNOWN (except {@code exists}); {@code all} is FALSE if a
 * child is FALSE, else UNKNOWN if a child is, else TRUE, and {@code any} is its dual; {@code not}
 * swaps TRUE and FALSE; {@code anyOf} is TRUE if an element holds, FALSE if every element fails (or
 * there are none), else UNKNOWN; {@code allOf} is its dual and {@code noneOf} is {@code not anyOf};
 * an absent list, or a reference to a fact that is missing, is UNKNOWN.
 *
 * <p>A value that cannot be compared (text matched against a number, an address that is not one)
 * makes the result ERROR, but only if evaluation reaches it: conditions are evaluated left to right
 * and stop as soon as the result is decided, as {@code &&} and {@code ||} do, so {@code all} stops at
 * its first FALSE child, {@code any} at its first TRUE one, a quantifier at its first deciding
 * element, and the assertion is not evaluated when {@code when} is FALSE.
 */
final class ReferenceInterpreter {

  /** Firmware versions the generators use, by rank: equal ranks are equal versions. */
  static final Map<String, Integer> VERSION_RANKS = Map.of(
      "1.2.0-rc1", 0,
      "1.2", 1,
      "1.2.0", 1,
      "1.9", 2,
      "1.10", 3,
      "2.0", 4,
      "v2.0", 4,
      "2.0+build7", 4,
      "2.0+build9", 4,
      "2.0-p1", 5);

  /** Protocol spellings the generators use, by canonical value; a spelling not here is not recognised. */
  static final Map<String, String> PROTOCOLS = Map.of(
      "telnet", "telnet", "Telnet", "telnet", "TELNET", "telnet", "ssh", "ssh");

  private static final Object ABSENT = new Object() {
    @Override
    public String toString() {
      return "absent";
    }
  };

  private final LocalDate today;

  ReferenceInterpreter(LocalDate today) {
    this.today = today;
  }

  /** The outcome of the rule for the device, given every fact evaluated with it. */
  Outcome outcome(GeneratedRule rule, Device device, List<Fact> facts) {
    try {
      Truth applies = rule.when() == null ? Truth.TRUE : eval(rule.when(), device, device, facts);
      if (applies == Truth.FALSE) {
        return Outcome.NOT_APPLICABLE;
      }
      Truth holds = eval(rule.assertion(), device, device, facts);
      if (holds == Truth.TRUE) {
        return Outcome.PASS;
      }
      return holds == Truth.FALSE && applies == Truth.TRUE ? Outcome.FAIL : Outcome.UNKNOWN;
    } catch (Incomparable e) {
      return Outcome.ERROR;
    }
  }

  /** Kleene's three truth values. */
  enum Truth {
    TRUE, FALSE, UNKNOWN;

    Truth not() {
      return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
    }

    static Truth of(boolean value) {
      return value ? TRUE : FALSE;
    }
  }

  private Truth eval(ConditionTree condition, Object element, Device device, List<Fact> facts) {
    if (condition instanceof ConditionTree.All all) {
      boolean unknown = false;
      for (ConditionTree child : all.children()) {
        Truth truth = eval(child, element, device, facts);
        if (truth == Truth.FALSE) {
          return Truth.FALSE;
        }
        unknown |= truth == Truth.UNKNOWN;
      }
      return unknown ? Truth.UNKNOWN : Truth.TRUE;
    }
    if (condition instanceof ConditionTree.Any any) {
      boolean unknown = false;
      for (ConditionTree child : any.children()) {
        Truth truth = eval(child, element, device, facts);
        if (truth == Truth.TRUE) {
          return Truth.TRUE;
        }
        unknown |= truth == Truth.UNKNOWN;
      }
      return unknown ? Truth.UNKNOWN : Truth.FALSE;
    }
    if (condition instanceof ConditionTree.Not not) {
      return eval(not.child(), element, device, facts).not();
    }
    if (condition instanceof ConditionTree.Quantified quantified) {
      return quantified(quantified, device, facts);
    }
    return leaf((ConditionTree.Leaf) condition, element, device, facts);
  }

  private Truth quantified(ConditionTree.Quantified q, Device device, List<Fact> facts) {
    List<?> elements = switch (q.list()) {
      case "services" -> device.services();
      case "outboundDestinations" -> device.outboundDestinations() == null ? null
          : device.outboundDestinations().stream().map(Destination::new).toList();
      default -> device.networkIds();
    };
    if (elements == null) {
      return Truth.UNKNOWN;
    }
    boolean anyOf = !q.quantifier().equals("allOf");
    Truth decisive = anyOf ? Truth.TRUE : Truth.FALSE;
    boolean unknown = false;
    Truth result = null;
    for (Object element : elements) {
      Truth truth;
      if (element instanceof Destination) {
        truth = eval(q.where(), element, device, facts);
      } else if (element instanceof String networkId) {
        Network network = find(facts, Network.class, networkId);
        truth = network == null ? Truth.UNKNOWN : eval(q.where(), network, device, facts);
      } else {
        truth = eval(q.where(), element, device, facts);
      }
      if (truth == decisive) {
        result = decisive;
        break;
      }
      unknown |= truth == Truth.UNKNOWN;
    }
    if (result == null) {
      result = unknown ? Truth.UNKNOWN : decisive.not();
    }
    return q.quantifier().equals("noneOf") ? result.not() : result;
  }

  private Truth leaf(ConditionTree.Leaf leaf, Object element, Device device, List<Fact> facts) {
    Object value = read(leaf.field(), element, facts);
    Object operand = leaf.operand();
    if (leaf.operator().equals("exists")) {
      return Truth.of((value != ABSENT) == (Boolean) operand);
    }
    if (value == ABSENT) {
      return Truth.UNKNOWN;
    }
    if (operand instanceof ConditionTree.FieldRef ref) {
      operand = read(ref.path(), device, facts);
      if (operand == ABSENT) {
        return Truth.UNKNOWN;
      }
    }
    if (leaf.field().equals("protocol")) {
      // a vocabulary field: literals and values compare in canonical form; an unknown value decides nothing
      if (!PROTOCOLS.containsKey((String) value)) {
        return Truth.UNKNOWN;
      }
      return compare(leaf, PROTOCOLS.get((String) value),
          operand instanceof List<?> list ? list.stream().map(PROTOCOLS::get).toList() : PROTOCOLS.get((String) operand), device, facts);
    }
    return compare(leaf, value, operand, device, facts);
  }

  private Truth compare(ConditionTree.Leaf leaf, Object value, Object operand, Device device, List<Fact> facts) {
    return Truth.of(switch (leaf.operator()) {
      case "equals" -> same(value, operand);
      case "notEquals" -> !same(value, operand);
      case "in" -> ((List<?>) operand).stream().anyMatch(candidate -> same(value, candidate));
      case "notIn" -> ((List<?>) operand).stream().noneMatch(candidate -> same(value, candidate));
      case "greaterThan" -> order(value, operand) > 0;
      case "atLeast" -> order(value, operand) >= 0;
      case "lessThan" -> order(value, operand) < 0;
      case "atMost" -> order(value, operand) <= 0;
      case "matches" -> Pattern.compile((String) operand).matcher(text(value)).find();
      case "contains" -> text(value).contains((String) operand);
      case "versionAtLeast" -> VERSION_RANKS.get((String) value) >= VERSION_RANKS.get((String) operand);
      case "olderThan" -> ((LocalDate) value).isBefore(today.minus(Period.parse((String) operand)));
      case "newerThan" -> ((LocalDate) value).isAfter(today.minus(Period.parse((String) operand)));
      case "within" -> within((LocalDate) value, Period.parse((String) operand));
      case "inCidr" -> inCidr(text(value), ((List<?>) operand).stream().filter(e -> isIpv4Network((String) e)).toList());
      case "withinAny" -> withinAny(text(value), (List<?>) operand);
      case "coversAll" -> coversAll((List<?>) value) == (Boolean) operand;
      case "unique" -> duplicates(device, (String) value, facts) == 0;
      default -> throw new IllegalArgumentException("the reference interpreter has no operator " + leaf.operator());
    });
  }

  private static Object read(String path, Object element, List<Fact> facts) {
    Object value = switch (path) {
      case "credentials.defaultPassword" -> credential(element, true);
      case "credentials.fingerprint" -> credential(element, false);
      case "firmware.version" -> ((Device) element).firmware() == null ? null : ((Device) element).firmware().version();
      case "lifecycle.endOfSupport" ->
          ((Device) element).lifecycle() == null ? null : ((Device) element).lifecycle().endOfSupport();
      case "lifecycle.plannedRetirement" ->
          ((Device) element).lifecycle() == null ? null : ((Device) element).lifecycle().plannedRetirement();
      case "attributes.site" -> ((Device) element).attributes().get("site");
      case "vendor.disclosureProgram" -> {
        String vendorId = ((Device) element).vendorId();
        Vendor vendor = vendorId == null ? null : find(facts, Vendor.class, vendorId);
        yield vendor == null ? null : vendor.disclosureProgram();
      }
      case "port" -> ((Service) element).port();
      case "state" -> ((Service) element).state();
      case "protocol" -> ((Service) element).protocol();
      case "zone" -> ((Network) element).zone();
      case "cidr" -> ((Network) element).cidr();
      case "egressAllowlist" -> ((Device) element).egressAllowlist();
      case "" -> ((Destination) element).value();
      default -> throw new IllegalArgumentException("the reference interpreter cannot read " + path);
    };
    return value == null ? ABSENT : value;
  }

  private static Object credential(Object element, boolean defaultPassword) {
    var credentials = ((Device) element).credentials();
    if (credentials == null) {
      return null;
    }
    return defaultPassword ? credentials.defaultPassword() : credentials.fingerprint();
  }

  private static <T extends Fact> T find(List<Fact> facts, Class<T> type, String id) {
    for (Fact fact : facts) {
      if (type.isInstance(fact) && fact.id().equals(id)) {
        return type.cast(fact);
      }
    }
    return null;
  }

  private static int duplicates(Device device, String fingerprint, List<Fact> facts) {
    int count = 0;
    for (Fact fact : facts) {
      if (fact instanceof Device other && !other.id().equals(device.id())
          && other.credentials() != null && fingerprint.equals(other.credentials().fingerprint())) {
        count++;
      }
    }
    return count;
  }

  private static boolean same(Object value, Object operand) {
    if (value instanceof Number a && operand instanceof Number b) {
      return a.doubleValue() == b.doubleValue();
    }
    if (value instanceof Enum<?> constant) {
      return constant.name().toLowerCase(Locale.ROOT).equals(operand);
    }
    if (value instanceof LocalDate date && operand instanceof String text) {
      return date.equals(LocalDate.parse(text));
    }
    return value.equals(operand);
  }

  private static int order(Object value, Object operand) {
    if (value instanceof Number a && operand instanceof Number b) {
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
    if (value instanceof LocalDate a && operand instanceof LocalDate b) {
      return a.compareTo(b);
    }
    if (value instanceof LocalDate a && operand instanceof String b) {
      return a.compareTo(LocalDate.parse(b));
    }
    throw new Incomparable();
  }

  private static String text(Object value) {
    if (value instanceof String text) {
      return text;
    }
    throw new Incomparable();
  }

  private boolean within(LocalDate value, Period period) {
    return !value.isBefore(today.minus(period)) && !value.isAfter(today.plus(period));
  }

  private static boolean inCidr(String value, List<?> networks) {
    long[] address = ipv4Network(value);
    for (Object network : networks) {
      long[] range = ipv4Network((String) network);
      long mask = range[1] == 0 ? 0 : (0xFFFFFFFFL << (32 - range[1])) & 0xFFFFFFFFL;
      if (address[1] >= range[1] && (address[0] & mask) == (range[0] & mask)) {
        return true;
      }
    }
    return false;
  }

  /**
   * withinAny, read from the format's description: an allow-all word covers everything; an address
   * is covered by a network entry that contains it; a host name by the same name (any case, a
   * trailing dot ignored) or by {@code *.domain} for a name below the domain. Entries that are none of
   * these cover nothing; a value that looks like an address but is not one cannot be compared.
   */
  private static boolean withinAny(String value, List<?> entries) {
    boolean address = value.matches("[0-9.]+") || value.startsWith("::ffff:");
    if (address) {
      ipv4Network(value); // a value that is not an address cannot be compared, whatever the entries
    }
    for (Object entry : entries) {
      if (List.of("*", "any", "all").contains(((String) entry).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    if (address) {
      return inCidr(value, entries.stream().filter(e -> isIpv4Network((String) e)).toList());
    }
    String name = hostName(value);
    for (Object entry : entries) {
      String written = hostName((String) entry);
      if (written.equals(name) || written.startsWith("*.") && name.endsWith(written.substring(1))) {
        return true;
      }
    }
    return false;
  }

  private static String hostName(String text) {
    String name = text.toLowerCase(Locale.ROOT);
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  /** Whether the entries allow every address: a word, ::/0, or IPv4 networks whose union is everything. */
  private static boolean coversAll(List<?> entries) {
    boolean[] halves = new boolean[2];
    for (Object entry : entries) {
      String text = ((String) entry).toLowerCase(Locale.ROOT);
      if (List.of("*", "any", "all", "::/0", "0.0.0.0/0").contains(text)) {
        return true;
      }
      if (isIpv4Network(text)) {
        long[] network = ipv4Network(text);
        // the generators' networks are /0, /1 or narrower: only the two /1 halves together span everything
        if (network[1] == 1) {
          halves[(int) (network[0] >>> 31)] = true;
        }
      }
    }
    return halves[0] && halves[1];
  }

  private static boolean isIpv4Network(String text) {
    try {
      ipv4Network(text);
      return !text.startsWith("::ffff:");
    } catch (Incomparable e) {
      return false;
    }
  }

  /** {address, prefix} of {@code a.b.c.d/p} or a bare address; {@code ::ffff:a.b.c.d} is the IPv4 address. */
  private static long[] ipv4Network(String text) {
    if (text.startsWith("::ffff:") && text.indexOf('/') < 0) {
      text = text.substring("::ffff:".length());
    }
    String[] parts = text.split("/");
    String[] octets = parts[0].split("\\.");
    if (octets.length != 4) {
      throw new Incomparable();
    }
    long address = 0;
    for (String octet : octets) {
      if (!octet.matches("[0-9]{1,3}") || Integer.parseInt(octet) > 255 || octet.length() > 1 && octet.startsWith("0")) {
        throw new Incomparable();
      }
      address = address << 8 | Integer.parseInt(octet);
    }
    return new long[] {address, parts.length == 1 ? 32 : Integer.parseInt(parts[1])};
  }

  /** An element of outboundDestinations, told apart from the network ids of networkIds. */
  private record Destination(String value) {}

  /** A value the operator cannot compare: the rule's outcome is ERROR. */
  private static final class Incomparable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Incomparable() {
      super(null, null, false, false);
    }
  }
}
