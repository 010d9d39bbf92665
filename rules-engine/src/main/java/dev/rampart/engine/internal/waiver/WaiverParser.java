package dev.rampart.engine.internal.waiver;

import com.google.re2j.Pattern;
import dev.rampart.engine.internal.yaml.Node;
import dev.rampart.engine.internal.yaml.Node.ListNode;
import dev.rampart.engine.internal.yaml.Node.MapNode;
import dev.rampart.engine.internal.yaml.Node.ScalarNode;
import dev.rampart.engine.value.Problem;
import dev.rampart.engine.value.RuleId;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.source.DidYouMean;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a waiver file's tree into waivers, collecting every mistake with its place and a fix so the
 * author sees them all in one run.
 */
public final class WaiverParser {

  /** The {@code apiVersion} a waiver file declares. */
  public static final String API_VERSION = "rampart.dev/v1";

  /** The {@code kind} a waiver file declares. */
  public static final String KIND = "Waivers";

  /** The sources a waiver trusts unless it says otherwise: the inventory only. */
  public static final List<String> DEFAULT_TRUSTED_SOURCES = List.of("inventory");

  /** The longest ticket a waiver takes: an issue key or a URL to it. */
  public static final int MAX_TICKET_LENGTH = 200;

  private static final List<String> FILE_KEYS = List.of("apiVersion", "kind", "waivers");
  private static final List<String> WAIVER_KEYS =
      List.of("rule", "factType", "factId", "where", "trustedSources", "justification", "approvedBy", "expires", "ticket");
  private static final Pattern SOURCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*");
  private static final List<String> WHERE_KEYS = List.of("field", "equals");
  private static final Map<String, String> REQUIRED = Map.of(
      "rule", "name a rule id, e.g. rule: IDN-001, or a pattern such as rule: IDN-*",
      "justification", "say why the findings are accepted",
      "approvedBy", "name who accepted them",
      "expires", "give the last day the waiver applies, e.g. expires: 2026-12-31");

  private final String source;
  private final @Nullable Collection<RuleId> rules;
  private final List<Problem> problems = new ArrayList<>();

  private WaiverParser(String source, @Nullable Collection<RuleId> rules) {
    this.source = source;
    this.rules = rules;
  }

  /** Whether text names a source type as {@code --source TYPE:...} does, e.g. {@code azure-iot-hub}. */
  public static boolean isSourceType(String text) {
    return SOURCE_TYPE.matcher(text).matches();
  }

  /**
   * What is wrong with a ticket, e.g. {@code is empty}, or {@code null} when it is one line of at
   * most {@link #MAX_TICKET_LENGTH} characters without control characters.
   */
  public static @Nullable String ticketMistake(String ticket) {
    if (ticket.isBlank()) {
      return "is empty";
    }
    if (ticket.indexOf('\n') >= 0 || ticket.indexOf('\r') >= 0) {
      return "must be one line";
    }
    for (int i = 0; i < ticket.length(); i++) {
      if (Character.isISOControl(ticket.charAt(i))) {
        return String.format("holds the control character U+%04X at position %d", (int) ticket.charAt(i), i + 1);
      }
    }
    if (ticket.length() > MAX_TICKET_LENGTH) {
      return "is " + ticket.length() + " characters long, more than " + MAX_TICKET_LENGTH;
    }
    return null;
  }

  /**
   * Reads the waivers of a parsed file.
   *
   * @param rules the rules the waivers are for, to check that a rule id names one; {@code null} to
   *     skip that check
   */
  public static Result parse(Node root, String source, @Nullable Collection<RuleId> rules) {
    WaiverParser parser = new WaiverParser(source, rules);
    List<WaiverSpec> waivers = parser.file(root);
    List<Problem> inFileOrder = new ArrayList<>(parser.problems);
    inFileOrder.sort(java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return new Result(waivers, inFileOrder);
  }

  /**
   * What a file held.
   *
   * @param waivers the waivers without mistakes, in file order
   * @param problems every mistake, in file order
   */
  public record Result(List<WaiverSpec> waivers, List<Problem> problems) {

    public Result {
      waivers = List.copyOf(waivers);
      problems = List.copyOf(problems);
    }
  }

  private List<WaiverSpec> file(Node root) {
    if (!(root instanceof MapNode map)) {
      problem(root, "a waiver file is a mapping with apiVersion, kind and waivers, found " + root.describe(),
          "start the file with 'apiVersion: " + API_VERSION + "'");
      return List.of();
    }
    unknownKeys(map, "", FILE_KEYS);
    expectConstant(map, "apiVersion", API_VERSION, "unsupported apiVersion");
    expectConstant(map, "kind", KIND, "this is not a waiver file: kind");
    Node list = map.entries().get("waivers");
    if (list == null) {
      problem(map, "missing 'waivers'", "list the waivers under 'waivers:'");
      return List.of();
    }
    if (!(list instanceof ListNode items)) {
      problem(list, "'waivers' must be a list, found " + list.describe(), "write each waiver as a list item starting with '- rule:'");
      return List.of();
    }
    List<WaiverSpec> waivers = new ArrayList<>();
    for (int i = 0; i < items.items().size(); i++) {
      WaiverSpec waiver = waiver(items.items().get(i), "waivers[" + i + "]");
      if (waiver != null) {
        waivers.add(waiver);
      }
    }
    return waivers;
  }

  private void expectConstant(MapNode map, String key, String expected, String wrong) {
    Node node = map.entries().get(key);
    if (node == null) {
      problem(map, "missing '" + key + "'", "add '" + key + ": " + expected + "'");
    } else if (!(node instanceof ScalarNode scalar) || !expected.equals(scalar.value())) {
      String found = node instanceof ScalarNode scalar ? "'" + scalar.text() + "'" : node.describe();
      problem(node, wrong + " " + found, "write '" + key + ": " + expected + "'");
    }
  }

  private @Nullable WaiverSpec waiver(Node node, String name) {
    if (!(node instanceof MapNode map)) {
      problem(node, name + " must be a mapping, found " + node.describe(),
          "give rule, justification, approvedBy and expires");
      return null;
    }
    int before = problems.size();
    unknownKeys(map, name + ": ", WAIVER_KEYS);
    for (String key : WAIVER_KEYS) {
      if (REQUIRED.containsKey(key) && !map.entries().containsKey(key)) {
        problem(map, name + ": missing '" + key + "'", REQUIRED.get(key));
      }
    }
    String rule = text(map, "rule", name);
    String factId = text(map, "factId", name);
    String justification = text(map, "justification", name);
    String approvedBy = text(map, "approvedBy", name);
    FactType factType = factType(map, name);
    LocalDate expires = date(map, name);
    WaiverSpec.FieldMatch where = where(map, name, factType);
    List<String> trustedSources = trustedSources(map, name);
    String ticket = ticket(map, name);
    if (rule != null) {
      checkRuleExists(map.entries().get("rule"), name, rule);
    }
    if (problems.size() > before || rule == null || justification == null || approvedBy == null || expires == null) {
      return null;
    }
    return new WaiverSpec(rule, factType, factId, where, trustedSources, justification, approvedBy, expires,
        source + ":" + map.line() + ":" + map.column(), ticket);
  }

  private void checkRuleExists(Node at, String name, String rule) {
    int open = rule.indexOf('[');
    int close = open < 0 ? -1 : rule.indexOf(']', open);
    if (close > open) {
      // a character class can never match: rule ids hold no brackets, and only * and ? are wildcards
      String withWildcard = rule.substring(0, open) + "?" + rule.substring(close + 1);
      problem(at, name + ".rule: '" + rule + "' uses " + rule.substring(open, close + 1)
              + ", which matches no rule id: a rule pattern knows only '*' (any characters) and '?' (one character)",
          "write '" + withWildcard + "', or one waiver for each rule");
      return;
    }
    if (Glob.isPattern(rule) || rules == null) {
      return;
    }
    for (RuleId candidate : rules) {
      if (candidate.isNamedBy(rule)) {
        return;
      }
    }
    Set<String> ids = new LinkedHashSet<>();
    rules.forEach(r -> ids.add(r.id()));
    problem(at, name + ".rule: no rule '" + rule + "' in the packs",
        ids.isEmpty() ? "the packs define no rules" : DidYouMean.hintOrList(rule, ids, "expected one of"));
  }

  private @Nullable String text(MapNode map, String key, String name) {
    Node node = map.entries().get(key);
    if (node == null) {
      return null;
    }
    if (!(node instanceof ScalarNode scalar) || !(scalar.value() instanceof String value)) {
      problem(node, name + "." + key + " must be text, found " + node.describe(),
          node instanceof ScalarNode ? "put the value in quotes" : REQUIRED.getOrDefault(key, "write one value"));
      return null;
    }
    if (value.isBlank()) {
      problem(node, name + "." + key + " is empty", REQUIRED.getOrDefault(key, "remove it, or give a value"));
      return null;
    }
    return value.strip();
  }

  private @Nullable String ticket(MapNode map, String name) {
    Node node = map.entries().get("ticket");
    if (node == null) {
      return null;
    }
    String fix = "give the issue key or its URL on one line, e.g. ticket: SEC-1234";
    if (!(node instanceof ScalarNode scalar) || scalar.value() == null) {
      problem(node, name + ".ticket must be text, found " + node.describe(), fix);
      return null;
    }
    String ticket = scalar.text().strip();
    String mistake = ticketMistake(ticket);
    if (mistake != null) {
      problem(node, name + ".ticket " + mistake, fix);
      return null;
    }
    return ticket;
  }

  private @Nullable FactType factType(MapNode map, String name) {
    Node node = map.entries().get("factType");
    if (node == null) {
      return null;
    }
    List<String> types = Arrays.stream(FactType.values()).map(FactType::wireName).toList();
    String text = node instanceof ScalarNode scalar && scalar.value() instanceof String value ? value : null;
    FactType type = text == null ? null : FactType.fromWireName(text).orElse(null);
    if (type == null) {
      String found = text == null ? node.describe() : "'" + text + "'";
      problem(node, name + ".factType: unknown fact type " + found,
          text == null ? "expected one of: " + String.join(", ", types) : DidYouMean.hintOrList(text, types, "expected one of"));
    }
    return type;
  }

  private @Nullable LocalDate date(MapNode map, String name) {
    Node node = map.entries().get("expires");
    if (node == null) {
      return null;
    }
    String found = node instanceof ScalarNode scalar && scalar.value() != null ? "'" + scalar.text() + "'" : node.describe();
    if (node instanceof ScalarNode scalar && scalar.value() instanceof String text) {
      try {
        return LocalDate.parse(text.strip());
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    problem(node, name + ".expires: " + found + " is not a date", "write YYYY-MM-DD, e.g. 2026-12-31");
    return null;
  }

  private WaiverSpec.@Nullable FieldMatch where(MapNode map, String name, @Nullable FactType factType) {
    Node node = map.entries().get("where");
    if (node == null) {
      return null;
    }
    String prefix = name + ".where";
    if (!(node instanceof MapNode where)) {
      problem(node, prefix + " must be a mapping, found " + node.describe(), "write where: {field: PATH, equals: VALUE}");
      return null;
    }
    unknownKeys(where, prefix + ": ", WHERE_KEYS);
    Node fieldNode = where.entries().get("field");
    Node equalsNode = where.entries().get("equals");
    if (fieldNode == null) {
      problem(where, prefix + ": missing 'field'", "name a field of the fact, e.g. field: attributes.site");
    }
    if (equalsNode == null) {
      problem(where, prefix + ": missing 'equals'", "give the value the field must have, e.g. equals: dock");
    }
    if (fieldNode == null || equalsNode == null) {
      return null;
    }
    String text = fieldNode instanceof ScalarNode s && s.value() instanceof String written ? written : null;
    if (text == null) {
      problem(fieldNode, prefix + ".field must be a field path, found " + fieldNode.describe(), "e.g. field: attributes.site");
    }
    FieldPath path = null;
    if (text != null) {
      try {
        path = FieldPath.parse(text);
      } catch (FieldPath.InvalidFieldPathException e) {
        problem(fieldNode, prefix + ".field: " + e.reason(), e.fix());
      }
    }
    String value = equalsNode instanceof ScalarNode s && s.value() != null ? s.text() : null;
    if (value == null) {
      problem(equalsNode, prefix + ".equals must be one value, found " + equalsNode.describe(),
          "compare with a string, number or boolean");
    }
    if (path == null || value == null) {
      return null;
    }
    try {
      if (factType == null) {
        FieldLookup.typesWith(path);
      } else {
        FieldLookup.resolve(factType, path).checkValue(value)
            .ifPresent(mismatch -> problem(equalsNode, prefix + ".equals: " + mismatch, null));
      }
    } catch (FieldPathException e) {
      problem(fieldNode, prefix + ".field: " + e.getMessage(), e.suggestion());
      return null;
    }
    return new WaiverSpec.FieldMatch(path, value);
  }

  // Only a 'where' reads a value, so only it needs to know which sources to believe.
  private List<String> trustedSources(MapNode map, String name) {
    Node node = map.entries().get("trustedSources");
    if (node == null) {
      return DEFAULT_TRUSTED_SOURCES;
    }
    String prefix = name + ".trustedSources";
    if (!map.entries().containsKey("where")) {
      problem(node, prefix + ": only a 'where' reads a value whose source is trusted",
          "remove trustedSources, or add where: {field: PATH, equals: VALUE}");
      return DEFAULT_TRUSTED_SOURCES;
    }
    if (!(node instanceof ListNode list)) {
      problem(node, prefix + " must be a list of source types, found " + node.describe(),
          "write e.g. trustedSources: [inventory, netbox]");
      return DEFAULT_TRUSTED_SOURCES;
    }
    if (list.items().isEmpty()) {
      problem(node, prefix + " is empty", "name the source types whose values 'where' may match,"
          + " e.g. trustedSources: [inventory, netbox]");
      return DEFAULT_TRUSTED_SOURCES;
    }
    List<String> sources = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      String type = item instanceof ScalarNode scalar && scalar.value() instanceof String text ? text.strip() : null;
      if (type == null || !isSourceType(type)) {
        String found = item instanceof ScalarNode scalar ? "'" + scalar.text() + "'" : item.describe();
        problem(item, prefix + "[" + i + "]: " + found + " is not a source type",
            "name one as in --source TYPE:..., e.g. inventory or azure-iot-hub ('rampart adapters' lists them)");
      } else if (sources.contains(type)) {
        problem(item, prefix + "[" + i + "]: '" + type + "' is listed twice", "remove one");
      } else {
        sources.add(type);
      }
    }
    return sources.isEmpty() ? DEFAULT_TRUSTED_SOURCES : sources;
  }

  private void unknownKeys(MapNode map, String prefix, List<String> known) {
    for (Map.Entry<String, ScalarNode> key : map.keyNodes().entrySet()) {
      if (!known.contains(key.getKey())) {
        problem(key.getValue(), prefix + "unknown key '" + key.getKey() + "'", DidYouMean.hintOrList(key.getKey(), known, "expected one of"));
      }
    }
  }

  private void problem(Node at, String message, @Nullable String suggestion) {
    problems.add(new Problem(source, at.line(), at.column(), null, message, suggestion));
  }
}
