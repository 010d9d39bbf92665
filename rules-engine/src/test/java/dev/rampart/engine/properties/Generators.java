package dev.rampart.engine.properties;

import dev.rampart.engine.properties.ConditionTree.FieldRef;
import dev.rampart.engine.properties.ConditionTree.Leaf;
import dev.rampart.spi.fact.AuthMethod;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.Firmware;
import dev.rampart.spi.fact.Lifecycle;
import dev.rampart.spi.fact.Network;
import dev.rampart.spi.fact.Service;
import dev.rampart.spi.fact.ServiceState;
import dev.rampart.spi.fact.Vendor;
import dev.rampart.spi.fact.Zone;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;

/**
 * Generators of rules and fleets. Value domains are small on purpose, so that equalities, shared
 * fingerprints, dangling references and boundary dates happen often. Every field is independently
 * absent or present.
 */
final class Generators {

  /** Deepest nesting of all/any/not and quantifiers in a generated condition. */
  static final int MAX_DEPTH = 3;

  static final LocalDate TODAY = Harness.TODAY;

  /** Dates around the P30D and P1Y boundaries on either side of today. */
  static final List<LocalDate> DATES = List.of(-400, -366, -365, -364, -31, -30, -29, 0, 29, 30, 31, 365, 366)
      .stream().map(days -> TODAY.plusDays(days)).toList();

  static final List<String> VERSIONS = ReferenceInterpreter.VERSION_RANKS.keySet().stream().sorted().toList();
  static final List<String> FINGERPRINTS = List.of("fp-1", "fp-2", "fp-3");
  static final List<Integer> PORTS = List.of(22, 23, 80, 443, 2323);
  /** Network ids devices refer to; n4 is never generated as a network, so it always dangles. */
  static final List<String> NETWORK_IDS = List.of("n1", "n2", "n3", "n4");
  /** Vendor ids devices refer to; v3 is never generated as a vendor, so it always dangles. */
  static final List<String> VENDOR_IDS = List.of("v1", "v2", "v3");
  /**
   * Site attribute values; 7 is a number, which text operators cannot compare; "absent" and
   * "absentia" are values that read like an absence, and " " a blank one.
   */
  static final List<Object> SITES = List.of("north", "south", "north-2", 7, "absent", "absentia", " ");
  /** Site values rules compare with. */
  static final List<Object> SITE_OPERANDS = List.of("north", "south", "north-2", 7, "absent", "absentia");
  /** Network ranges, IPv4 and IPv6 (the fact model refuses a cidr that is no network, so none is generated). */
  static final List<String> CIDRS = List.of("10.1.0.0/16", "10.0.0.0/7", "192.168.1.0/24", "10.0.0.0/8", "172.16.0.0/12",
      "fd12:3456::/48", "2001:db8::/32");

  /**
   * Observed destinations: addresses (one IPv4-mapped), host names in two spellings, a domain that its
   * own wildcard does not cover. The fact model refuses text that looks like an address but is none
   * (999.1.1.1, a leading zero), so those are never generated; inCidr cannot compare a host name.
   */
  static final List<String> DESTINATIONS = List.of(
      "10.1.2.3", "::ffff:10.1.2.3", "192.168.1.5", "203.0.113.9", "updates.example.com", "a.cloud.example",
      "cloud.example");
  /** Allowlist entries: networks, split halves of IPv4, a host in another spelling, a wildcard domain, words. */
  static final List<String> ALLOWLIST_ENTRIES = List.of(
      "10.0.0.0/8", "0.0.0.0/1", "128.0.0.0/1", "192.168.1.0/24", "UPDATES.example.com.", "*.cloud.example", "any",
      "::/0", "10.1.2.3", "not a destination");
  /** Service protocols in the spellings tools use; gopher-x is one no vocabulary knows. */
  static final List<String> PROTOCOLS = List.of("telnet", "Telnet", "TELNET", "ssh", "gopher-x");

  private Generators() {}

  /** A pack of one to four random rules and a fleet. */
  static Gen<Scenario> scenarios() {
    return source -> {
      Draw draw = new Draw(source);
      return new Scenario(rules(draw, draw.between(1, 4)), fleet(draw));
    };
  }

  static List<GeneratedRule> rules(Draw draw, int count) {
    List<GeneratedRule> rules = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ConditionTree when = draw.oneIn(2) ? withIfAbsent(draw, condition(draw, MAX_DEPTH - 1)) : null;
      ConditionTree assertion = condition(draw, MAX_DEPTH);
      // a rule joins at most 3 facts: with vendor and networks, one uniqueness check, however often written
      Leaf uniqueness = uniqueness(draw);
      rules.add(new GeneratedRule("r" + i, when == null ? null : oneUniqueness(when, uniqueness),
          oneUniqueness(assertion, uniqueness)));
    }
    return rules;
  }

  /** The condition with {@code ifAbsent} on some of its leaves (not on exists), as a {@code when} may have it. */
  static ConditionTree withIfAbsent(Draw draw, ConditionTree condition) {
    if (condition instanceof ConditionTree.All all) {
      return new ConditionTree.All(all.children().stream().map(c -> withIfAbsent(draw, c)).toList());
    }
    if (condition instanceof ConditionTree.Any any) {
      return new ConditionTree.Any(any.children().stream().map(c -> withIfAbsent(draw, c)).toList());
    }
    if (condition instanceof ConditionTree.Not not) {
      return new ConditionTree.Not(withIfAbsent(draw, not.child()));
    }
    if (condition instanceof ConditionTree.Quantified q) {
      return new ConditionTree.Quantified(q.quantifier(), q.list(), withIfAbsent(draw, q.where()));
    }
    Leaf leaf = (Leaf) condition;
    if (leaf.operator().equals("exists")) {
      return leaf;
    }
    return new Leaf(leaf.field(), leaf.operator(), leaf.operand(), draw.pick(null, true, false));
  }

  /** A condition on a device with at most {@code depth} levels of nesting. */
  static ConditionTree condition(Draw draw, int depth) {
    if (depth == 0 || draw.between(0, 2) == 0) {
      return deviceLeaf(draw, depth);
    }
    return switch (draw.between(0, 2)) {
      case 0 -> new ConditionTree.All(children(draw, depth, Generators::condition));
      case 1 -> new ConditionTree.Any(children(draw, depth, Generators::condition));
      default -> new ConditionTree.Not(condition(draw, depth - 1));
    };
  }

  private static List<ConditionTree> children(Draw draw, int depth, Child child) {
    List<ConditionTree> children = new ArrayList<>();
    int count = draw.between(1, 3);
    for (int i = 0; i < count; i++) {
      children.add(child.make(draw, depth - 1));
    }
    return children;
  }

  private interface Child {
    ConditionTree make(Draw draw, int depth);
  }

  /** A comparison of one device field, or (with depth left) a quantifier over services or networks. */
  private static ConditionTree deviceLeaf(Draw draw, int depth) {
    int kinds = depth > 0 ? 10 : 7;
    return switch (draw.between(0, kinds - 1)) {
      case 0 -> defaultPassword(draw);
      case 1 -> firmwareVersion(draw);
      case 2 -> endOfSupport(draw);
      case 3 -> site(draw);
      case 4 -> vendorDisclosure(draw);
      case 5 -> uniqueness(draw);
      case 6 -> new Leaf("egressAllowlist", draw.pick("coversAll", "exists"), draw.pick(false, true));
      case 7 -> new ConditionTree.Quantified(quantifier(draw), "services", element(draw, depth - 1, Generators::serviceLeaf));
      case 8 -> new ConditionTree.Quantified(quantifier(draw), "outboundDestinations",
          element(draw, depth - 1, Generators::destinationLeaf));
      default -> new ConditionTree.Quantified(quantifier(draw), "networks", element(draw, depth - 1, Generators::networkLeaf));
    };
  }

  private static String quantifier(Draw draw) {
    return draw.pick("anyOf", "allOf", "noneOf");
  }

  private interface ElementLeaf {
    ConditionTree make(Draw draw);
  }

  private static ConditionTree element(Draw draw, int depth, ElementLeaf leaf) {
    if (depth == 0 || draw.between(0, 2) == 0) {
      return leaf.make(draw);
    }
    return switch (draw.between(0, 2)) {
      case 0 -> new ConditionTree.All(children(draw, depth, (d, left) -> element(d, left, leaf)));
      case 1 -> new ConditionTree.Any(children(draw, depth, (d, left) -> element(d, left, leaf)));
      default -> new ConditionTree.Not(element(draw, depth - 1, leaf));
    };
  }

  /** {@code unique}, or {@code uniqueAmong} with a condition on the other devices. */
  static Leaf uniqueness(Draw draw) {
    return draw.between(0, 1) == 0
        ? new Leaf("credentials.fingerprint", "unique", true)
        : new Leaf("credentials.fingerprint", "uniqueAmong", selection(draw));
  }

  /** The condition with every uniqueness check written as {@code form}, keeping each leaf's ifAbsent. */
  static ConditionTree oneUniqueness(ConditionTree condition, Leaf form) {
    if (condition instanceof ConditionTree.All all) {
      return new ConditionTree.All(all.children().stream().map(c -> oneUniqueness(c, form)).toList());
    }
    if (condition instanceof ConditionTree.Any any) {
      return new ConditionTree.Any(any.children().stream().map(c -> oneUniqueness(c, form)).toList());
    }
    if (condition instanceof ConditionTree.Not not) {
      return new ConditionTree.Not(oneUniqueness(not.child(), form));
    }
    if (condition instanceof Leaf leaf && (leaf.operator().equals("unique") || leaf.operator().equals("uniqueAmong"))) {
      return new Leaf(form.field(), form.operator(), form.operand(), leaf.ifAbsent());
    }
    return condition;
  }

  /** The condition of a {@code uniqueAmong}: which of the other devices sharing the value count. */
  private static Leaf selection(Draw draw) {
    Boolean[] ifAbsent = {null, false, true};
    return new Leaf("credentials.defaultPassword", draw.pick("equals", "notEquals"), draw.pick(false, true),
        ifAbsent[draw.between(0, 2)]);
  }

  private static ConditionTree defaultPassword(Draw draw) {
    return new Leaf("credentials.defaultPassword", draw.pick("equals", "notEquals", "exists"), draw.pick(false, true));
  }

  private static ConditionTree firmwareVersion(Draw draw) {
    return switch (draw.between(0, 2)) {
      case 0 -> new Leaf("firmware.version", "versionAtLeast", draw.pick("1.2", "1.10", "1.2.0-rc1", "2.0", "2.0-p1", "2.0+build9"));
      case 1 -> new Leaf("firmware.version", "equals", draw.pick("1.2", "2.0", "2.0+build7"));
      default -> new Leaf("firmware.version", "exists", draw.pick(false, true));
    };
  }

  private static ConditionTree endOfSupport(Draw draw) {
    String field = "lifecycle.endOfSupport";
    return switch (draw.between(0, 3)) {
      case 0 -> new Leaf(field, draw.pick("olderThan", "newerThan", "within"), draw.pick("P30D", "P1Y"));
      case 1 -> new Leaf(field, draw.pick("atLeast", "lessThan"), draw.pick(DATES).toString());
      case 2 -> new Leaf(field, draw.pick("atLeast", "greaterThan", "lessThan", "equals"),
          new FieldRef("lifecycle.plannedRetirement"));
      default -> new Leaf(field, "exists", draw.pick(false, true));
    };
  }

  private static ConditionTree site(Draw draw) {
    String field = "attributes.site";
    return switch (draw.between(0, 6)) {
      case 0 -> new Leaf(field, draw.pick("equals", "notEquals"), draw.pick(SITE_OPERANDS));
      case 1 -> new Leaf(field, draw.pick("in", "notIn"),
          draw.pick(List.of("north", "south"), List.of("south", 7), List.of("absent", "north")));
      case 2 -> new Leaf(field, "matches", draw.pick("^north", "h$", "or", "^absent"));
      case 3 -> new Leaf(field, "contains", draw.pick("th", "no", "absent"));
      case 4 -> new Leaf(field, draw.pick("greaterThan", "atMost"), 5);
      default -> new Leaf(field, "exists", draw.pick(false, true));
    };
  }

  private static ConditionTree vendorDisclosure(Draw draw) {
    return new Leaf("vendor.disclosureProgram", draw.pick("equals", "notEquals", "exists"), draw.pick(false, true));
  }

  private static ConditionTree destinationLeaf(Draw draw) {
    FieldRef allowlist = new FieldRef("egressAllowlist");
    return switch (draw.between(0, 3)) {
      case 0 -> new Leaf("", "withinAny", draw.pick(allowlist, List.of("10.0.0.0/8", "*.cloud.example"),
          List.of("updates.example.com.", "192.168.0.0/16")));
      case 1 -> new Leaf("", "inCidr", allowlist);
      case 2 -> new Leaf("", draw.pick("in", "notIn"), allowlist);
      default -> new Leaf("", "exists", draw.pick(false, true));
    };
  }

  private static ConditionTree serviceLeaf(Draw draw) {
    return switch (draw.between(0, 5)) {
      case 4 -> draw.oneIn(3) ? new Leaf("protocol", "in", List.of("Telnet", "ssh"))
          : new Leaf("protocol", draw.pick("equals", "notEquals"), draw.pick("telnet", "TELNET"));
      case 0 -> new Leaf("port", draw.pick("equals", "notEquals"), draw.pick(PORTS));
      case 1 -> new Leaf("port", draw.pick("in", "notIn"), draw.pick(List.of(23, 2323), List.of(22, 80, 443)));
      case 2 -> new Leaf("port", draw.pick("greaterThan", "atLeast", "lessThan", "atMost"), draw.pick(23, 443, 1024));
      case 3 -> new Leaf("state", draw.pick("equals", "notEquals"), draw.pick("open", "closed"));
      default -> new Leaf(draw.pick("port", "state"), "exists", draw.pick(false, true));
    };
  }

  private static ConditionTree networkLeaf(Draw draw) {
    return switch (draw.between(0, 3)) {
      case 0 -> new Leaf("zone", draw.pick("in", "notIn"), draw.pick(List.of("iot", "ot"), List.of("corporate")));
      case 1 -> new Leaf("zone", draw.pick("equals", "notEquals"), draw.pick("iot", "guest"));
      case 2 -> new Leaf("cidr", "inCidr", draw.pick(List.of("10.0.0.0/8"), List.of("192.168.0.0/16", "10.0.0.0/8"),
          List.of("fd12::/16", "10.0.0.0/8"), List.of("2001:db8::/32")));
      default -> new Leaf(draw.pick("zone", "cidr"), "exists", draw.pick(false, true));
    };
  }

  // ---------------------------------------------------------------- facts

  /** One to five devices d1..dn, and some of networks n1..n3 and vendors v1, v2. */
  static List<Fact> fleet(Draw draw) {
    List<Fact> facts = new ArrayList<>();
    for (String id : List.of("n1", "n2", "n3")) {
      if (!draw.oneIn(4)) {
        facts.add(network(draw, id));
      }
    }
    for (String id : List.of("v1", "v2")) {
      if (!draw.oneIn(4)) {
        facts.add(vendor(draw, id));
      }
    }
    int devices = draw.between(1, 5);
    for (int i = 1; i <= devices; i++) {
      facts.add(device(draw, "d" + i));
    }
    return facts;
  }

  static Network network(Draw draw, String id) {
    return Network.builder(id)
        .zone(draw.pick(null, Zone.IOT, Zone.OT, Zone.CORPORATE, Zone.GUEST))
        .cidr(draw.oneIn(3) ? null : draw.pick(CIDRS))
        .build();
  }

  static Vendor vendor(Draw draw, String id) {
    return Vendor.builder(id).disclosureProgram(draw.pick(null, true, false)).build();
  }

  static Device device(Draw draw, String id) {
    Device.Builder device = Device.builder(id);
    if (!draw.oneIn(4)) {
      device.credentials(new Credentials(draw.pick(null, true, false), null,
          draw.oneIn(3) ? null : draw.pick(FINGERPRINTS), draw.pick(null, AuthMethod.PASSWORD, AuthMethod.NONE), null, null));
    }
    if (!draw.oneIn(4)) {
      List<Service> services = new ArrayList<>();
      int count = draw.between(0, 3);
      for (int i = 0; i < count; i++) {
        services.add(service(draw));
      }
      device.services(services);
    }
    if (!draw.oneIn(4)) {
      device.firmware(new Firmware(draw.oneIn(4) ? null : draw.pick(VERSIONS), null, null, null));
    }
    if (!draw.oneIn(4)) {
      device.lifecycle(new Lifecycle(null, draw.oneIn(4) ? null : draw.pick(DATES), draw.oneIn(3) ? null : draw.pick(DATES)));
    }
    if (!draw.oneIn(4)) {
      List<String> networks = new ArrayList<>();
      int count = draw.between(0, 3);
      for (int i = 0; i < count; i++) {
        networks.add(draw.pick(NETWORK_IDS));
      }
      device.networkIds(networks);
    }
    if (!draw.oneIn(3)) {
      device.vendorId(draw.pick(VENDOR_IDS));
    }
    if (!draw.oneIn(3)) {
      device.attributes(Map.of("site", draw.pick(SITES)));
    }
    if (!draw.oneIn(3)) {
      device.outboundDestinations(some(draw, DESTINATIONS));
    }
    if (!draw.oneIn(3)) {
      device.egressAllowlist(some(draw, ALLOWLIST_ENTRIES));
    }
    return device.build();
  }

  /** Zero to three values of the domain, repeats allowed. */
  private static List<String> some(Draw draw, List<String> domain) {
    List<String> values = new ArrayList<>();
    int count = draw.between(0, 3);
    for (int i = 0; i < count; i++) {
      values.add(draw.pick(domain));
    }
    return values;
  }

  private static Service service(Draw draw) {
    return new Service(null, draw.oneIn(4) ? null : draw.pick(PORTS), null, draw.oneIn(3) ? null : draw.pick(PROTOCOLS),
        draw.pick(null, ServiceState.OPEN, ServiceState.CLOSED), null, null, null, null, null, null, null, null, null, null, null);
  }
}
