package dev.rampart.engine.properties;

import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.Outcome;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.fact.Network;
import dev.rampart.spi.fact.Service;
import dev.rampart.spi.fact.Vendor;
import dev.rampart.spi.value.Vocabulary;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
 *
 * <p>A leaf of a {@code when} with {@code ifAbsent} takes that value where it would be UNKNOWN because a
 * field it reads is absent; a value a vocabulary does not know is present, so it stays UNKNOWN.
 *
 * <p>Vocabulary fields ({@code protocol}) compare canonical values, the operand's spellings brought to
 * theirs too; a value the vocabulary does not know is never compared: the leaf is UNKNOWN and its
 * evidence quotes the value and lists the recognised ones. Destinations ({@code withinAny},
 * {@code coversAll}, and {@code inCidr} against the allowlist) read entries as networks, host names,
 * {@code *.domain} wildcards or allow-all words, ignoring an entry that is none of these.
 *
 * <p>Evidence: a leaf cites its field (prefixed by the element it is applied to, e.g.
 * {@code services[1].port} or {@code networks[n2].zone}; a plain element, as a destination, is named
 * {@code outboundDestinations[0]}), the value found or its absence (with the
 * reason for a reference that names no fact), and its operator and operand; {@code not} (and so
 * {@code noneOf}) negates every expectation under it. {@code all} and {@code any} cite the children
 * whose value is the result; children after the deciding one are evaluated only for evidence, and
 * one that cannot be evaluated there is left out. A quantifier cites its deciding elements, else
 * its UNKNOWN ones, else (up to ten pieces) the others, or the empty list itself.
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

  /** Destination entries that allow every destination, in any case. */
  private static final List<String> ALLOW_ALL_WORDS = List.of("*", "any", "all");

  /** Elements of a quantifier whose evidence is cited when no element decided it. */
  private static final int MAX_OTHER_EVIDENCE = 10;

  private final LocalDate today;

  ReferenceInterpreter(LocalDate today) {
    this.today = today;
  }

  /**
   * The outcome of the rule for the device, given every fact evaluated with it, and the evidence a
   * report carries for it: none for PASS and NOT_APPLICABLE; for FAIL the leaves that decided the
   * assertion; for UNKNOWN those of an unknown {@code when} (marked as applicability) and of the
   * assertion; for ERROR the leaf that could not be evaluated.
   */
  Judged result(GeneratedRule rule, Device device, List<Fact> facts) {
    try {
      Judged applies;
      try {
        applies = rule.when() == null ? new Judged(Truth.TRUE, List.of()) : eval(rule.when(), device, FieldPath.root(), device, facts);
      } catch (Incomparable e) {
        throw new Incomparable(e.evidence.ofApplicability());
      }
      if (applies.truth() == Truth.FALSE) {
        return new Judged(Outcome.NOT_APPLICABLE, List.of());
      }
      Judged holds = eval(rule.assertion(), device, FieldPath.root(), device, facts);
      if (holds.truth() == Truth.TRUE) {
        return new Judged(Outcome.PASS, List.of());
      }
      if (holds.truth() == Truth.FALSE && applies.truth() == Truth.TRUE) {
        return new Judged(Outcome.FAIL, holds.evidence());
      }
      List<Evidence> evidence = new ArrayList<>();
      if (applies.truth() == Truth.UNKNOWN) {
        applies.evidence().forEach(e -> evidence.add(e.ofApplicability()));
      }
      evidence.addAll(holds.evidence());
      return new Judged(Outcome.UNKNOWN, evidence);
    } catch (Incomparable e) {
      return new Judged(Outcome.ERROR, List.of(e.evidence));
    }
  }

  /** The outcome of the rule for the device, given every fact evaluated with it. */
  Outcome outcome(GeneratedRule rule, Device device, List<Fact> facts) {
    return result(rule, device, facts).outcome();
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

  /**
   * A truth value, or an outcome, with the evidence behind it.
   *
   * @param value a {@link Truth} or an {@link Outcome}
   * @param evidence the leaves that decided it
   */
  record Judged(Object value, List<Evidence> evidence) {

    Truth truth() {
      return (Truth) value;
    }

    Outcome outcome() {
      return (Outcome) value;
    }
  }

  private Judged eval(ConditionTree condition, Object element, FieldPath prefix, Device device, List<Fact> facts) {
    if (condition instanceof ConditionTree.All all) {
      return combine(all.children(), Truth.FALSE, Truth.TRUE, element, prefix, device, facts);
    }
    if (condition instanceof ConditionTree.Any any) {
      return combine(any.children(), Truth.TRUE, Truth.FALSE, element, prefix, device, facts);
    }
    if (condition instanceof ConditionTree.Not not) {
      Judged child;
      try {
        child = eval(not.child(), element, prefix, device, facts);
      } catch (Incomparable e) {
        throw new Incomparable(e.evidence.negated());
      }
      return negate(child);
    }
    if (condition instanceof ConditionTree.Quantified quantified) {
      return quantified(quantified, prefix, device, facts);
    }
    ConditionTree.Leaf leaf = (ConditionTree.Leaf) condition;
    Judged judged = leaf(leaf, element, prefix, device, facts);
    // a value the vocabulary does not know is present: ifAbsent does not decide it
    if (judged.truth() == Truth.UNKNOWN && leaf.ifAbsent() != null
        && !unrecognised(leaf.field(), read(leaf.field(), element, facts))) {
      return new Judged(Truth.of(leaf.ifAbsent()), judged.evidence());
    }
    return judged;
  }

  private static Judged negate(Judged judged) {
    return new Judged(judged.truth().not(), judged.evidence().stream().map(Evidence::negated).toList());
  }

  /**
   * {@code all} (decided by a FALSE child) and {@code any} (by a TRUE one), left to right. Children
   * after the deciding one are evaluated only for their evidence: one that cannot be evaluated is
   * left out. The evidence is that of every child whose value is the result.
   */
  private Judged combine(List<ConditionTree> children, Truth decisive, Truth otherwise, Object element, FieldPath prefix,
      Device device, List<Fact> facts) {
    List<Judged> judged = new ArrayList<>();
    Truth result = null;
    boolean unknown = false;
    for (ConditionTree child : children) {
      Judged value;
      if (result == null) {
        value = eval(child, element, prefix, device, facts);
      } else {
        try {
          value = eval(child, element, prefix, device, facts);
        } catch (Incomparable e) {
          continue;
        }
      }
      judged.add(value);
      if (result == null && value.truth() == decisive) {
        result = decisive;
      }
      unknown |= value.truth() == Truth.UNKNOWN;
    }
    Truth truth = result != null ? result : unknown ? Truth.UNKNOWN : otherwise;
    List<Evidence> evidence = new ArrayList<>();
    judged.stream().filter(j -> j.truth() == truth).forEach(j -> evidence.addAll(j.evidence()));
    return new Judged(truth, evidence);
  }

  private Judged quantified(ConditionTree.Quantified q, FieldPath prefix, Device device, List<Fact> facts) {
    boolean networks = q.list().equals("networks");
    List<?> elements = switch (q.list()) {
      case "networks" -> device.networkIds();
      case "services" -> device.services();
      case "outboundDestinations" -> device.outboundDestinations();
      default -> throw new IllegalArgumentException("the reference interpreter cannot quantify over " + q.list());
    };
    FieldPath name = prefix.then(FieldPath.parse(q.list()));
    if (elements == null) {
      Evidence.Expectation needed = new Evidence.Expectation.Presence(networks ? "a list of references" : "a list");
      return new Judged(Truth.UNKNOWN, List.of(new Evidence(name, Evidence.Actual.absent(), needed)));
    }
    boolean anyOf = !q.quantifier().equals("allOf");
    Truth decisive = anyOf ? Truth.TRUE : Truth.FALSE;
    boolean decided = false;
    List<Evidence> deciding = new ArrayList<>();
    List<Evidence> unknown = new ArrayList<>();
    List<Evidence> other = new ArrayList<>();
    boolean anyUnknown = false;
    for (int i = 0; i < elements.size(); i++) {
      Object element = elements.get(i);
      Judged judged;
      try {
        if (networks) {
          String networkId = (String) element;
          Network network = find(facts, Network.class, networkId);
          FieldPath elementName = name.key(networkId);
          judged = network == null
              ? new Judged(Truth.UNKNOWN, List.of(new Evidence(elementName,
                  Evidence.Actual.absent("no network with id '" + networkId + "'"),
                  new Evidence.Expectation.Presence("a known fact"))))
              : eval(q.where(), network, elementName, device, facts);
        } else {
          FieldPath elementName = name.index(i);
          judged = eval(q.where(), element, elementName, device, facts);
        }
      } catch (Incomparable e) {
        if (decided) {
          continue;
        }
        // noneOf is the negation of anyOf, for the expectation of a value it could not compare too
        throw q.quantifier().equals("noneOf") ? new Incomparable(e.evidence.negated()) : e;
      }
      if (judged.truth() == decisive) {
        decided = true;
        deciding.addAll(judged.evidence());
      } else if (judged.truth() == Truth.UNKNOWN) {
        anyUnknown = true;
        unknown.addAll(judged.evidence());
      } else if (other.size() < MAX_OTHER_EVIDENCE) {
        other.addAll(judged.evidence());
      }
    }
    Judged result;
    if (decided) {
      result = new Judged(decisive, deciding);
    } else if (anyUnknown) {
      result = new Judged(Truth.UNKNOWN, unknown);
    } else if (elements.isEmpty()) {
      result = new Judged(decisive.not(), List.of(new Evidence(name, Evidence.Actual.value("[]"),
          new Evidence.Expectation.Comparison(anyOf ? "anyOf" : "allOf", null, false))));
    } else {
      result = new Judged(decisive.not(), other);
    }
    if (!q.quantifier().equals("noneOf")) {
      return result;
    }
    return negate(result);
  }

  private Judged leaf(ConditionTree.Leaf leaf, Object element, FieldPath prefix, Device device, List<Fact> facts) {
    Object value = read(leaf.field(), element, facts);
    FieldPath field = prefix.then(relative(leaf.field()));
    Object operand = leaf.operand();
    if (leaf.operator().equals("unique")) {
      return unique(relative(leaf.field()), value, device, facts);
    }
    if (leaf.operator().equals("uniqueAmong")) {
      return uniqueAmong(relative(leaf.field()), value, device, facts, (ConditionTree) operand);
    }
    Evidence.Operand shown = Evidence.Operand.literal(literal(operand));
    if (operand instanceof ConditionTree.FieldRef ref) {
      operand = read(ref.path(), device, facts);
      shown = Evidence.Operand.field(ref.path(), render(operand));
    }
    Evidence.Expectation expected = new Evidence.Expectation.Comparison(leaf.operator(), shown, false);
    if (leaf.operator().equals("exists")) {
      Truth present = Truth.of(!(value instanceof Absence) == (Boolean) operand);
      return new Judged(present, List.of(new Evidence(field, actual(value), expected)));
    }
    if (unrecognised(leaf.field(), value)) {
      String explained = "'" + value + "' (not a recognised protocol; recognised: "
          + String.join(", ", Vocabulary.PROTOCOL.canonicalValues()) + ")";
      return new Judged(Truth.UNKNOWN, List.of(new Evidence(field, Evidence.Actual.value(explained), expected)));
    }
    if (leaf.field().equals("protocol") && !(value instanceof Absence)) {
      value = PROTOCOLS.get((String) value);
      operand = operand instanceof List<?> spellings
          ? spellings.stream().map(PROTOCOLS::get).toList() : PROTOCOLS.get((String) operand);
    }
    Evidence evidence = new Evidence(field, actual(value), expected);
    if (value instanceof Absence || operand instanceof Absence) {
      return new Judged(Truth.UNKNOWN, List.of(evidence));
    }
    try {
      return new Judged(Truth.of(holds(leaf.operator(), value, operand)), List.of(evidence));
    } catch (Incomparable e) {
      throw new Incomparable(evidence);
    }
  }

  private boolean holds(String operator, Object value, Object operand) {
    return switch (operator) {
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
      case "inCidr" -> inCidr(text(value), ((List<?>) operand).stream().filter(entry -> isNetwork((String) entry)).toList());
      case "withinAny" -> withinAny(text(value), (List<?>) operand);
      case "coversAll" -> coversAll((List<?>) value) == (Boolean) operand;
      default -> throw new IllegalArgumentException("the reference interpreter has no operator " + operator);
    };
  }

  // unique reads the target fact's own field, so its evidence has no prefix
  private static Judged unique(FieldPath field, Object value, Device device, List<Fact> facts) {
    Evidence.Expectation expected = new Evidence.Expectation.Comparison("unique", null, false);
    if (value instanceof Absence) {
      return new Judged(Truth.UNKNOWN, List.of(new Evidence(field, actual(value), expected)));
    }
    int others = duplicates(device, (String) value, facts);
    // the format cites the group's smallest other ids, at most five, and counts the rest
    List<String> sharers = facts.stream()
        .filter(fact -> fact instanceof Device other && !other.id().equals(device.id())
            && other.credentials() != null && value.equals(other.credentials().fingerprint()))
        .map(Fact::id).sorted().toList();
    List<String> cited = sharers.subList(0, Math.min(5, sharers.size()));
    String shared = others == 0 ? "" : " (shared with " + others + " other device" + (others == 1 ? "" : "s") + ": "
        + String.join(", ", cited) + (others > cited.size() ? " and " + (others - cited.size()) + " more" : "") + ")";
    return new Judged(Truth.of(others == 0), List.of(new Evidence(field, Evidence.Actual.value(value + shared), expected)));
  }

  /**
   * {@code uniqueAmong}: the other devices with the value that the condition holds for fail it; failing
   * none, those it is UNKNOWN for leave it UNKNOWN. The device itself never counts.
   */
  private Judged uniqueAmong(FieldPath field, Object value, Device device, List<Fact> facts, ConditionTree selection) {
    Evidence.Expectation expected = new Evidence.Expectation.Comparison("uniqueAmong",
        Evidence.Operand.literal(selection.yaml()), false);
    if (value instanceof Absence) {
      return new Judged(Truth.UNKNOWN, List.of(new Evidence(field, actual(value), expected)));
    }
    List<String> counted = new ArrayList<>();
    List<String> undecided = new ArrayList<>();
    facts.stream()
        .filter(fact -> fact instanceof Device other && !other.id().equals(device.id())
            && other.credentials() != null && value.equals(other.credentials().fingerprint()))
        .map(fact -> (Device) fact).sorted(Comparator.comparing(Device::id))
        .forEach(other -> {
          Truth selected = eval(selection, other, FieldPath.root(), other, facts).truth();
          if (selected == Truth.TRUE) {
            counted.add(other.id());
          } else if (selected == Truth.UNKNOWN) {
            undecided.add(other.id());
          }
        });
    Truth truth = !counted.isEmpty() ? Truth.FALSE : !undecided.isEmpty() ? Truth.UNKNOWN : Truth.TRUE;
    String shared = truth == Truth.FALSE ? " (" + sharedWith(counted, "") + ")"
        : truth == Truth.UNKNOWN ? " (" + sharedWith(undecided, " for which the condition cannot be decided") + ")" : "";
    return new Judged(truth, List.of(new Evidence(field, Evidence.Actual.value(value + shared), expected)));
  }

  private static String sharedWith(List<String> ids, String qualifier) {
    int others = ids.size();
    List<String> cited = ids.subList(0, Math.min(5, others));
    return "shared with " + others + " other device" + (others == 1 ? "" : "s") + qualifier + ": "
        + String.join(", ", cited) + (others > cited.size() ? " and " + (others - cited.size()) + " more" : "");
  }

  /** A value as the pack format's evidence shows it, written from the format's description. */
  private static String render(Object value) {
    if (value instanceof Absence absence) {
      return absence.reason().isEmpty() ? "absent" : "absent (" + absence.reason() + ")";
    }
    if (value instanceof Enum<?> constant) {
      return constant.name().toLowerCase(Locale.ROOT);
    }
    return String.valueOf(value);
  }

  private static Evidence.Actual actual(Object value) {
    return value instanceof Absence absence ? Evidence.Actual.absent(absence.reason()) : Evidence.Actual.value(render(value));
  }

  /** An operand as the pack wrote it: lists in brackets, strings without their quotes. */
  private static String literal(Object operand) {
    if (operand instanceof List<?> items) {
      return items.stream().map(ReferenceInterpreter::literal).collect(Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(operand);
  }

  /** Whether the value, read from the field, is a protocol the vocabulary does not know. */
  private static boolean unrecognised(String field, Object value) {
    return field.equals("protocol") && value instanceof String text && !PROTOCOLS.containsKey(text);
  }

  /** A field no source reported, or a reference that names no fact (then with the reason). */
  private record Absence(String reason) {}

  // a pack path relative to the element; empty for the element itself
  private static FieldPath relative(String path) {
    return path.isEmpty() ? FieldPath.root() : FieldPath.parse(path);
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
        if (vendorId != null && vendor == null) {
          yield new Absence("no vendor with id '" + vendorId + "'");
        }
        yield vendor == null ? null : vendor.disclosureProgram();
      }
      case "port" -> ((Service) element).port();
      case "state" -> ((Service) element).state();
      case "protocol" -> ((Service) element).protocol();
      case "egressAllowlist" -> ((Device) element).egressAllowlist();
      case "" -> element; // the element of a list of plain values itself
      case "zone" -> ((Network) element).zone();
      case "cidr" -> ((Network) element).cidr();
      default -> throw new IllegalArgumentException("the reference interpreter cannot read " + path);
    };
    return value == null ? new Absence("") : value;
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

  /**
   * withinAny, read from the format's description: an address is covered by a network entry that
   * contains it, a host name by the same name (any case, a trailing dot ignored) or by
   * {@code *.domain} for a name below the domain, and anything by an allow-all word; entries that are
   * none of these cover nothing. A value that looks like an address but is not one cannot be compared.
   */
  private static boolean withinAny(String value, List<?> entries) {
    boolean allowAll = entries.stream().anyMatch(entry -> ALLOW_ALL_WORDS.contains(hostName((String) entry)));
    if (isNetwork(value)) {
      return allowAll || inCidr(value, entries.stream().filter(entry -> isNetwork((String) entry)).toList());
    }
    String name = hostName(value);
    if (name.matches("[0-9.]*") || !name.matches("[a-z0-9_-]+(\\.[a-z0-9_-]+)*")) {
      throw new Incomparable(); // meant as an address but not one, or not a name at all
    }
    for (Object entry : entries) {
      String written = hostName((String) entry);
      if (allowAll || written.equals(name) || written.startsWith("*.") && name.endsWith(written.substring(1))) {
        return true;
      }
    }
    return false;
  }

  private static String hostName(String text) {
    String name = text.strip().toLowerCase(Locale.ROOT);
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  /**
   * Whether the entries allow every destination: an allow-all word, or networks whose union is all of
   * IPv4 or all of IPv6 (swept from the lowest address up, each range extending the covered run).
   */
  private static boolean coversAll(List<?> entries) {
    if (entries.stream().anyMatch(entry -> ALLOW_ALL_WORDS.contains(hostName((String) entry)))) {
      return true;
    }
    for (int width : List.of(32, 128)) {
      // each network as {first address, first address after it}, by first address
      List<BigInteger[]> spans = entries.stream().map(entry -> ((String) entry).strip())
          .filter(ReferenceInterpreter::isNetwork).map(ReferenceInterpreter::range)
          .filter(range -> range.bits().length() == width)
          .map(range -> {
            BigInteger first = new BigInteger(range.bits().substring(0, range.prefix()) + "0".repeat(width - range.prefix()), 2);
            return new BigInteger[] {first, first.add(BigInteger.ONE.shiftLeft(width - range.prefix()))};
          })
          .sorted(Comparator.comparing((BigInteger[] span) -> span[0])).toList();
      BigInteger uncovered = BigInteger.ZERO;
      for (BigInteger[] span : spans) {
        if (span[0].compareTo(uncovered) <= 0 && span[1].compareTo(uncovered) > 0) {
          uncovered = span[1];
        }
      }
      if (uncovered.equals(BigInteger.ONE.shiftLeft(width))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNetwork(String text) {
    try {
      range(text.strip());
      return true;
    } catch (Incomparable e) {
      return false;
    }
  }

  private static boolean inCidr(String value, List<?> networks) {
    AddressRange address = range(value);
    for (Object text : networks) {
      AddressRange range = range((String) text);
      if (range.bits.length() == address.bits.length() && address.prefix >= range.prefix
          && address.bits.substring(0, range.prefix).equals(range.bits.substring(0, range.prefix))) {
        return true;
      }
    }
    return false;
  }

  /** An address as a string of 32 or 128 binary digits, and its prefix length. */
  private record AddressRange(String bits, int prefix) {}

  /**
   * {@code ADDRESS/PREFIX} or a bare address, IPv4 dotted (no leading zeros) or IPv6 colon-hex with at
   * most one {@code ::} (its last 32 bits may be written dotted); an IPv4-mapped IPv6 address, or a
   * network of them at least /96, is the IPv4 one it carries.
   */
  private static AddressRange range(String text) {
    String[] parts = text.split("/", -1);
    String bits = parts[0].contains(":") ? ipv6Bits(parts[0]) : ipv4Bits(parts[0]);
    if (parts.length > 2 || parts.length == 2 && !parts[1].matches("0|[1-9][0-9]{0,2}")) {
      throw new Incomparable();
    }
    int prefix = parts.length == 1 ? bits.length() : Integer.parseInt(parts[1]);
    if (prefix > bits.length()) {
      throw new Incomparable();
    }
    if (bits.length() == 128 && bits.startsWith("0".repeat(80) + "1".repeat(16)) && prefix >= 96) {
      return new AddressRange(bits.substring(96), prefix - 96);
    }
    return new AddressRange(bits, prefix);
  }

  private static String ipv4Bits(String text) {
    String[] octets = text.split("\\.", -1);
    if (octets.length != 4) {
      throw new Incomparable();
    }
    StringBuilder bits = new StringBuilder();
    for (String octet : octets) {
      if (!octet.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(octet) > 255) {
        throw new Incomparable();
      }
      bits.append(binary(Integer.parseInt(octet), 8));
    }
    return bits.toString();
  }

  private static String ipv6Bits(String text) {
    int lastColon = text.lastIndexOf(':');
    if (text.indexOf('.') > lastColon) {
      // the last 32 bits written as an IPv4 address: two groups
      String quad = ipv4Bits(text.substring(lastColon + 1));
      text = text.substring(0, lastColon + 1) + Integer.toHexString(Integer.parseInt(quad.substring(0, 16), 2))
          + ":" + Integer.toHexString(Integer.parseInt(quad.substring(16), 2));
    }
    String[] halves = text.split("::", -1);
    if (halves.length > 2) {
      throw new Incomparable();
    }
    List<String> head = groups(halves[0]);
    List<String> tail = halves.length == 2 ? groups(halves[1]) : List.of();
    int missing = 8 - head.size() - tail.size();
    if (halves.length == 1 ? missing != 0 : missing < 1) {
      throw new Incomparable();
    }
    List<String> all = new ArrayList<>(head);
    for (int i = 0; halves.length == 2 && i < missing; i++) {
      all.add("0");
    }
    all.addAll(tail);
    StringBuilder bits = new StringBuilder();
    for (String group : all) {
      bits.append(binary(Integer.parseInt(group, 16), 16));
    }
    return bits.toString();
  }

  private static List<String> groups(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> groups = List.of(text.split(":", -1));
    if (!groups.stream().allMatch(group -> group.matches("[0-9a-fA-F]{1,4}"))) {
      throw new Incomparable();
    }
    return groups;
  }

  private static String binary(int value, int width) {
    String digits = Integer.toBinaryString(value);
    return "0".repeat(width - digits.length()) + digits;
  }

  /** A value the operator cannot compare: the rule's outcome is ERROR, with the evidence of the leaf. */
  private static final class Incomparable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The leaf's field, value and expectation; a placeholder until the leaf names them. */
    private final transient Evidence evidence;

    Incomparable() {
      this(new Evidence(FieldPath.root(), Evidence.Actual.absent(), new Evidence.Expectation.Presence("")));
    }

    Incomparable(Evidence evidence) {
      super(null, null, false, false);
      this.evidence = evidence;
    }
  }
}
