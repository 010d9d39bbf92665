package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.ast.Condition;
import dev.rampart.engine.internal.ast.MessageTemplate;
import dev.rampart.engine.internal.ast.PackDef;
import dev.rampart.engine.internal.ast.ParamDef;
import dev.rampart.engine.internal.ast.RuleDef;
import dev.rampart.engine.internal.schema.Schemas;
import dev.rampart.engine.internal.yaml.Node;
import dev.rampart.engine.internal.yaml.Node.ListNode;
import dev.rampart.engine.internal.yaml.Node.MapNode;
import dev.rampart.engine.internal.yaml.Node.ScalarNode;
import dev.rampart.engine.internal.yaml.TreeReadException;
import dev.rampart.engine.internal.yaml.TreeReader;
import dev.rampart.engine.value.Category;
import dev.rampart.engine.value.Problem;
import dev.rampart.engine.value.Rule;
import dev.rampart.engine.value.Severity;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.DidYouMean;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Parses the document of one pack file: its structure, metadata, parameters and rules, handing each
 * rule's conditions to the {@link ConditionParser} and its message to the {@link MessageParser}.
 * Every problem goes to the one collector of the file; the pack's own part is returned only when
 * there is none, so nothing half-checked reaches the compiler. The tailoring of a base is checked by
 * {@link Tailoring}; {@link PackComposer} puts the two together.
 */
final class DocumentParser {

  /** The only pack format version this engine reads. */
  static final String API_VERSION = "rampart.dev/v1";
  /** Drools joins per rule are bounded so each rule compiles to one indexed network. */
  static final int MAX_JOINS = 3;
  /** What pack, rule and parameter ids may be. */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private static final List<String> TOP_KEYS =
      List.of("apiVersion", "kind", "metadata", "extends", "parameters", "disable", "rules");
  private static final List<String> METADATA_KEYS =
      List.of("id", "version", "title", "description", "owner", "contact", "frameworks", "categories", "severities");
  private static final List<String> RULE_KEYS = List.of(
      "id", "title", "rationale", "category", "severity", "target", "when", "assert", "message",
      "remediation", "requirements", "references", "tags");
  /** How long a tag may be: a label, not a sentence. */
  static final int MAX_TAG_LENGTH = 64;

  private final PackProblemCollector problems;
  private final PackNodes nodes;
  private final Inherited inherited;

  private DocumentParser(PackProblemCollector problems, Inherited inherited) {
    this.problems = problems;
    this.nodes = new PackNodes(problems);
    this.inherited = inherited;
  }

  /** Reads the document; a syntax error is the one problem then. */
  static Node read(String text, String source) throws PackProblems {
    try {
      return TreeReader.read(text);
    } catch (TreeReadException e) {
      throw new PackProblems(List.of(new Problem(source, e.line(), e.column(), null, e.getMessage(), null)));
    }
  }

  /**
   * Parses the pack's own part: everything but the tailoring of a base.
   *
   * @param root the document
   * @param problems the collector of the pack's file, which every problem found goes to
   * @param inherited the parameters of the base the pack extends, which its rules may use
   * @return the pack's own part, or {@code null} when it has a problem
   */
  static @Nullable PackDef parse(Node root, PackProblemCollector problems, Inherited inherited) {
    int before = problems.count();
    PackDef pack = new DocumentParser(problems, inherited).parse(root);
    return problems.count() > before ? null : pack;
  }

  private @Nullable PackDef parse(Node root) {
    if (!(root instanceof MapNode top)) {
      problems.add(root, "a rule pack must be a mapping with apiVersion, kind, metadata and rules", null);
      return null;
    }
    nodes.checkKeys(top, TOP_KEYS, "pack");
    String apiVersion = nodes.requiredString(top, "apiVersion", "pack");
    if (apiVersion != null && !apiVersion.equals(API_VERSION)) {
      problems.add(top.entries().get("apiVersion"), "unsupported apiVersion '" + apiVersion + "'",
          "write 'apiVersion: " + API_VERSION + "'");
    }
    String kind = nodes.requiredString(top, "kind", "pack");
    if (kind != null && !kind.equals("RulePack")) {
      problems.add(top.entries().get("kind"), "unsupported kind '" + kind + "'", "write 'kind: RulePack'");
    }
    Map<String, String> metadata = metadata(top);
    MapNode metadataNode = top.entries().get("metadata") instanceof MapNode map ? map : null;
    FrameworkParser frameworks = FrameworkParser.parse(
        metadataNode == null ? null : metadataNode.entries().get("frameworks"), problems, nodes, inherited);
    CategoryParser categories = CategoryParser.parse(
        metadataNode == null ? null : metadataNode.entries().get("categories"), problems, nodes, inherited);
    Map<Severity, String> severities = severities(metadataNode == null ? null : metadataNode.entries().get("severities"));
    ParameterParser parameterParser = new ParameterParser(problems, inherited);
    Map<String, ParamDef> parameters = parameterParser.parse(top.entries().get("parameters"));
    String id = metadata.get("id");
    Map<Severity, String> rubric = severities.isEmpty() ? inherited.severities() : severities;
    String owner = metadata.get("owner");
    List<RuleDef> rules = rules(top.entries().get("rules"), top, new PackParts(id, owner, parameters,
        parameterParser.refused(), frameworks, categories, rubric));
    Set<String> disabled = disabledIds(top);
    frameworks.checkNotCovered(Stream.concat(
            rules.stream().map(RuleDef::info),
            inherited.rules().stream().filter(rule -> !disabled.contains(rule.id())))
        .toList());
    return new PackDef(id, metadata.get("version"), metadata.get("title"), metadata.get("description"),
        problems.source(), List.copyOf(parameters.values()), rules, null, List.of(), frameworks.own(), severities,
        owner, metadata.get("contact"), categories.own());
  }

  /**
   * The rubric of {@code metadata.severities}: what each severity means in this pack, which reports
   * print next to the rules; once stated, every rule's severity must be one it defines.
   */
  private Map<Severity, String> severities(@Nullable Node node) {
    if (node == null) {
      return Map.of();
    }
    if (!(node instanceof MapNode map)) {
      problems.add(node, "'severities' must map a severity to what it means in this pack, not " + node.describe(),
          "e.g. severities: {critical: an attacker gains control without any skill, ...}");
      return Map.of();
    }
    List<String> names = names(Severity.values());
    Map<Severity, String> rubric = new EnumMap<>(Severity.class);
    for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
      Severity severity = Severity.fromWireName(entry.getKey()).orElse(null);
      String meaning = nodes.string(entry.getValue(), "severities." + entry.getKey());
      if (severity == null) {
        problems.add(map.keyNodes().get(entry.getKey()), "unknown severity '" + entry.getKey() + "' in severities",
            DidYouMean.hintOrList(entry.getKey(), names, "expected one of"));
      } else if (meaning != null) {
        rubric.put(severity, meaning);
      }
    }
    return rubric;
  }

  /** The ids of the base rules the pack disables, as far as they are readable (Tailoring checks them). */
  private static Set<String> disabledIds(MapNode top) {
    if (!(top.entries().get("disable") instanceof ListNode list)) {
      return Set.of();
    }
    return list.items().stream()
        .filter(item -> item instanceof MapNode entry && entry.entries().get("rule") instanceof ScalarNode)
        .map(item -> ((ScalarNode) ((MapNode) item).entries().get("rule")).text())
        .collect(Collectors.toSet());
  }

  /**
   * The pack's id, version, title, description, owner and contact; each empty when missing (a
   * problem then, for the required ones).
   */
  private Map<String, String> metadata(MapNode top) {
    Map<String, String> values = new LinkedHashMap<>();
    METADATA_KEYS.forEach(key -> values.put(key, ""));
    Node metadataNode = top.entries().get("metadata");
    if (metadataNode == null) {
      problems.add(top, "missing 'metadata'", "add metadata with id, version and title");
    } else if (metadataNode instanceof MapNode metadata) {
      nodes.checkKeys(metadata, METADATA_KEYS, "metadata");
      String id = orEmpty(nodes.requiredString(metadata, "id", "metadata"));
      if (!id.isEmpty() && !ID.matcher(id).matches()) {
        problems.add(metadata.entries().get("id"), "invalid pack id '" + id + "'", "use letters, digits, '.', '_' and '-'");
      }
      values.put("id", id);
      values.put("version", orEmpty(version(metadata)));
      values.put("title", orEmpty(nodes.requiredString(metadata, "title", "metadata")));
      values.put("description", orEmpty(nodes.optionalString(metadata, "description")));
      values.put("owner", orEmpty(nodes.optionalString(metadata, "owner")));
      values.put("contact", orEmpty(nodes.optionalString(metadata, "contact")));
    } else {
      problems.add(metadataNode, "'metadata' must be a mapping, not " + metadataNode.describe(), null);
    }
    return values;
  }

  /**
   * The pack's version, which must be text: YAML reads an unquoted {@code 2.10} as a number, the
   * same as {@code 2.1}, so a number is refused with the quoted form as the fix.
   */
  private @Nullable String version(MapNode metadata) {
    if (metadata.entries().get("version") instanceof ScalarNode scalar && scalar.value() instanceof Number number) {
      String read = new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
      problems.add(scalar, "metadata.version " + scalar.text() + " is a number to YAML"
          + (read.equals(scalar.text()) ? "" : ", the same as " + read) + "; a version is text",
          "quote it: version: \"" + scalar.text() + "\"");
      return null;
    }
    return nodes.requiredString(metadata, "version", "metadata");
  }

  private List<RuleDef> rules(@Nullable Node node, MapNode top, PackParts pack) {
    if (node == null) {
      if (!inherited.tailored()) {
        problems.add(top, "missing 'rules'", "add a list of rules");
      }
      return List.of();
    }
    if (!(node instanceof ListNode list)) {
      problems.add(node, "'rules' must be a list, not " + node.describe(), null);
      return List.of();
    }
    PathResolver paths = new PathResolver(problems);
    RuleParts parts = new RuleParts(
        new ConditionParser(problems, paths, pack.parameters(), inherited.known(), pack.refusedParameters()),
        new MessageParser(paths), pack.frameworks(), pack.categories(), pack.rubric());
    List<RuleDef> rules = new ArrayList<>();
    Map<String, Node> seen = new HashMap<>();
    for (Node item : list.items()) {
      problems.inRule(null);
      if (!(item instanceof MapNode rule)) {
        problems.add(item, "each rule must be a mapping, not " + item.describe(), null);
        continue;
      }
      RuleDef parsed = rule(rule, pack, seen, parts);
      if (parsed != null) {
        rules.add(parsed);
      }
    }
    problems.inRule(null);
    return rules;
  }

  private @Nullable RuleDef rule(MapNode rule, PackParts pack, Map<String, Node> seen, RuleParts parts) {
    nodes.allowKeys(rule, RULE_KEYS);
    String id = nodes.requiredString(rule, "id", "rule");
    if (id != null) {
      problems.inRule(id);
      Node idNode = rule.entries().get("id");
      if (!ID.matcher(id).matches()) {
        problems.add(idNode, "invalid rule id '" + id + "'", "use letters, digits, '.', '_' and '-'");
      }
      Node first = seen.putIfAbsent(id, idNode);
      if (first != null) {
        problems.add(idNode, "duplicate rule id '" + id + "' (first defined at line " + first.line() + ")",
            "give each rule its own id");
      }
    }
    int before = problems.count();
    nodes.checkKeys(rule, RULE_KEYS, "rule");
    String title = nodes.requiredString(rule, "title", "rule");
    String rationale = orEmpty(nodes.optionalString(rule, "rationale"));
    Category category = parts.categories().category(rule);
    Severity severity = nodes.enumKey(rule, "severity", Severity::fromWireName, names(Severity.values()));
    FactType target = nodes.enumKey(rule, "target", FactType::fromWireName,
        Arrays.stream(FactType.values()).map(FactType::wireName).toList());
    String remediation = orEmpty(nodes.optionalString(rule, "remediation"));
    List<String> requirements = nodes.stringList(rule, "requirements");
    List<String> tags = tags(rule.entries().get("tags"));
    if (severity != null && !parts.rubric().isEmpty() && !parts.rubric().containsKey(severity)) {
      problems.add(rule.entries().get("severity"), "severity '" + severity.wireName()
              + "' is not defined by the pack's severities rubric",
          "choose one of " + parts.rubric().keySet().stream().sorted(Comparator.reverseOrder()).map(Severity::wireName).toList()
              + ", or say in metadata.severities what '" + severity.wireName() + "' means");
    }
    Map<String, List<String>> references = parts.frameworks().references(rule.entries().get("references"));
    String messageText = nodes.optionalString(rule, "message");

    Condition when = null;
    Condition assertion = null;
    MessageTemplate message = null;
    if (target != null) {
      PathScope scope = PathScope.root(Schemas.of(target));
      Node whenNode = rule.entries().get("when");
      if (whenNode != null) {
        when = parts.conditions().when(whenNode, scope);
      }
      Node assertNode = rule.entries().get("assert");
      if (assertNode == null) {
        if (!nodes.misspelt(rule, "assert")) {
          problems.add(rule, "missing 'assert'", "add the condition a compliant " + target.wireName() + " satisfies");
        }
      } else {
        assertion = parts.conditions().assertion(assertNode, scope);
      }
      String template = messageText == null ? title : messageText;
      // without a title (already reported) there is no default message to check
      message = template == null ? null : parts.messages().parse(template, rule.entries().get("message"), scope);
      if (when != null && assertion != null) {
        checkJoins(rule, when, assertion);
      } else if (assertion != null) {
        checkJoins(rule, assertion);
      }
    }
    if (problems.count() > before || id == null || title == null || category == null || severity == null
        || target == null || assertion == null || message == null) {
      return null;
    }
    Rule info = new Rule(pack.id(), id, title, rationale, category, severity, target, remediation, requirements,
        references, tags, pack.owner());
    return new RuleDef(info, when, assertion, message, PackNodes.position(rule));
  }

  /** A rule's {@code tags}: free-form labels, each non-empty, short and given once. */
  private List<String> tags(@Nullable Node node) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof ListNode list)) {
      problems.add(node, "'tags' must be a list of text, not " + node.describe(), "e.g. tags: [network, pci-dss]");
      return List.of();
    }
    List<String> tags = new ArrayList<>();
    Map<String, Node> seen = new HashMap<>();
    for (Node item : list.items()) {
      if (!(item instanceof ScalarNode scalar) || scalar.value() == null || scalar.value() instanceof Boolean) {
        problems.add(item, "each tag must be text, not " + item.describe(), "quote it, e.g. \"true\"");
        continue;
      }
      String tag = scalar.text();
      Node first = seen.putIfAbsent(tag, item);
      if (tag.isBlank()) {
        problems.add(item, "a tag is empty", "remove it, or write the label");
      } else if (tag.length() > MAX_TAG_LENGTH) {
        problems.add(item, "tag '" + tag + "' is " + tag.length() + " characters long; at most " + MAX_TAG_LENGTH,
            "shorten it: a tag is a label; say more in the rationale");
      } else if (first != null) {
        problems.add(item, "duplicate tag '" + tag + "' (first at line " + first.line() + ")", "remove one of them");
      } else {
        tags.add(tag);
      }
    }
    return tags;
  }

  private void checkJoins(MapNode rule, Condition... conditions) {
    Joins joins = Joins.of(conditions);
    if (joins.count() > MAX_JOINS) {
      problems.add(rule, "the rule follows " + joins.references().size() + " references and checks "
          + joins.uniques().size() + " unique fields; at most " + MAX_JOINS + " in one rule",
          "split it into several rules");
    }
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
  }

  private static String orEmpty(@Nullable String text) {
    return text == null ? "" : text;
  }

  /**
   * The parsers of a rule's parts, shared by all the rules of the pack, and the rubric its severities
   * must be defined in (empty: any severity).
   */
  private record RuleParts(ConditionParser conditions, MessageParser messages, FrameworkParser frameworks,
      CategoryParser categories, Map<Severity, String> rubric) {}

  /** What the pack's own part gives each of its rules: its id and owner, parameters and declarations. */
  private record PackParts(String id, String owner, Map<String, ParamDef> parameters, Set<String> refusedParameters,
      FrameworkParser frameworks, CategoryParser categories, Map<Severity, String> rubric) {}
}
