package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.ast.Condition;
import dev.rampart.engine.internal.ast.FieldPath;
import dev.rampart.engine.internal.ast.MessageTemplate;
import dev.rampart.engine.internal.ast.Operand;
import dev.rampart.engine.internal.ast.Operator;
import dev.rampart.engine.internal.ast.PackDef;
import dev.rampart.engine.internal.ast.ParamDef;
import dev.rampart.engine.internal.ast.ParamType;
import dev.rampart.engine.internal.ast.Position;
import dev.rampart.engine.internal.ast.Quantifier;
import dev.rampart.engine.internal.ast.RuleDef;
import dev.rampart.engine.internal.ast.RuleInfo;
import dev.rampart.engine.internal.schema.Field;
import dev.rampart.engine.internal.schema.FieldKind;
import dev.rampart.engine.internal.schema.Schemas;
import dev.rampart.engine.internal.schema.TypeSchema;
import dev.rampart.engine.internal.yaml.Node;
import dev.rampart.engine.internal.yaml.Node.ListNode;
import dev.rampart.engine.internal.yaml.Node.MapNode;
import dev.rampart.engine.internal.yaml.Node.ScalarNode;
import dev.rampart.engine.internal.yaml.TreeReadException;
import dev.rampart.engine.internal.yaml.TreeReader;
import dev.rampart.engine.value.Category;
import dev.rampart.engine.value.Problem;
import dev.rampart.engine.value.Severity;
import dev.rampart.spi.fact.FactType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * Parses and validates one rule pack. Every problem is collected with its place and a fix; the pack
 * is returned only when there are none, so nothing half-checked ever reaches the compiler.
 */
final class PackParser {

  /** The only pack format version this engine reads. */
  public static final String API_VERSION = "rampart.dev/v1";

  private static final List<String> TOP_KEYS =
      List.of("apiVersion", "kind", "metadata", "extends", "parameters", "disable", "rules");
  private static final List<String> METADATA_KEYS = List.of("id", "version", "title", "description");
  private static final List<String> PARAMETER_KEYS = List.of("type", "default", "description", "minimum", "maximum");
  private static final List<String> RULE_KEYS = List.of(
      "id", "title", "rationale", "category", "severity", "target", "when", "assert", "message",
      "remediation", "requirements", "references");
  private static final String IF_ABSENT = "ifAbsent";
  private static final List<String> COMBINATOR_KEYS = List.of("all", "any", "not", "anyOf", "allOf", "noneOf", "field");
  private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\$\\{([^}]*)}");
  /** Drools joins per rule are bounded so each rule compiles to one indexed network. */
  public static final int MAX_JOINS = 3;

  private final String source;
  private final Inherited inherited;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, ParamDef> parameters = new LinkedHashMap<>();
  private @Nullable String ruleId;
  /** Whether the condition being parsed is a rule's {@code when}, the one place {@code ifAbsent} is allowed. */
  private boolean parsingWhen;
  /** The instructions of the pack's regular expressions so far, bounded by {@link RegexSize#MAX_PACK_PROGRAM}. */
  private long regexProgram;

  private PackParser(String source, Inherited inherited) {
    this.source = source;
    this.inherited = inherited;
  }

  /**
   * Parses a pack; one that extends another is composed with its base, as {@link PackComposer} does.
   *
   * @param text the YAML text
   * @param source the file or resource name used in problems
   * @throws PackProblems when anything is wrong; it lists every problem found
   */
  public static PackDef parse(String text, String source) throws PackProblems {
    return PackComposer.load(PackSource.text(source, text));
  }

  /**
   * Parses the pack's own part: everything but the tailoring of a base, which {@link Tailoring} checks.
   *
   * @param root the document
   * @param source the file or resource name used in problems
   * @param inherited the parameters of the base the pack extends, which its rules may use
   */
  static PackDef parse(Node root, String source, Inherited inherited) throws PackProblems {
    return new PackParser(source, inherited).parseTree(root);
  }

  /** Reads the document; a syntax error is the one problem then. */
  static Node read(String text, String source) throws PackProblems {
    try {
      return TreeReader.read(text);
    } catch (TreeReadException e) {
      throw new PackProblems(List.of(new Problem(source, e.line(), e.column(), null, e.getMessage(), null)));
    }
  }

  private PackDef parseTree(Node root) throws PackProblems {
    if (!(root instanceof MapNode top)) {
      problem(root, "a rule pack must be a mapping with apiVersion, kind, metadata and rules", null);
      throw new PackProblems(problems);
    }
    checkKeys(top, TOP_KEYS, "pack");
    String apiVersion = requiredString(top, "apiVersion", "pack");
    if (apiVersion != null && !apiVersion.equals(API_VERSION)) {
      problem(top.entries().get("apiVersion"), "unsupported apiVersion '" + apiVersion + "'", "write 'apiVersion: " + API_VERSION + "'");
    }
    String kind = requiredString(top, "kind", "pack");
    if (kind != null && !kind.equals("RulePack")) {
      problem(top.entries().get("kind"), "unsupported kind '" + kind + "'", "write 'kind: RulePack'");
    }
    String id = "";
    String version = "";
    String title = "";
    String description = "";
    Node metadataNode = top.entries().get("metadata");
    if (metadataNode == null) {
      problem(top, "missing 'metadata'", "add metadata with id, version and title");
    } else if (metadataNode instanceof MapNode metadata) {
      checkKeys(metadata, METADATA_KEYS, "metadata");
      id = orEmpty(requiredString(metadata, "id", "metadata"));
      if (!id.isEmpty() && !ID.matcher(id).matches()) {
        problem(metadata.entries().get("id"), "invalid pack id '" + id + "'", "use letters, digits, '.', '_' and '-'");
      }
      version = orEmpty(requiredString(metadata, "version", "metadata"));
      title = orEmpty(requiredString(metadata, "title", "metadata"));
      description = orEmpty(optionalString(metadata, "description"));
    } else {
      problem(metadataNode, "'metadata' must be a mapping, not " + metadataNode.describe(), null);
    }
    List<ParamDef> params = parseParameters(top.entries().get("parameters"));
    List<RuleDef> rules = parseRules(top.entries().get("rules"), top, id);
    if (!problems.isEmpty()) {
      throw new PackProblems(problems);
    }
    return new PackDef(id, version, title, description, source, params, rules);
  }

  // ---------------------------------------------------------------- parameters

  private List<ParamDef> parseParameters(@Nullable Node node) {
    // a base's parameters come first, in its order, and an override takes the place of the original
    for (ParamDef param : inherited.parameters()) {
      parameters.put(param.name(), param.withDefault(param.defaultValue(), param.description(), inherited.at()));
    }
    if (node == null) {
      return List.copyOf(parameters.values());
    }
    if (!(node instanceof MapNode map)) {
      problem(node, "'parameters' must be a mapping of name to {type, default, description}", null);
      return List.copyOf(parameters.values());
    }
    for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
      String name = entry.getKey();
      Node value = entry.getValue();
      if (!ID.matcher(name).matches()) {
        problem(map.keyNodes().get(name), "invalid parameter name '" + name + "'", "use letters, digits, '.', '_' and '-'");
        continue;
      }
      if (!(value instanceof MapNode spec)) {
        problem(value, "parameter '" + name + "' must be a mapping with type and default", null);
        continue;
      }
      checkKeys(spec, PARAMETER_KEYS, "parameter '" + name + "'");
      ParamDef base = inherited.parameter(name);
      ParamType type = parameterType(name, spec, base);
      Node defaultNode = spec.entries().get("default");
      if (defaultNode == null) {
        problem(spec, "parameter '" + name + "' has no default", "add 'default:' with a value of its type");
      }
      String description = optionalString(spec, "description");
      if (type == null || defaultNode == null) {
        continue;
      }
      Object raw = raw(defaultNode);
      String bad = ParamValues.check(type, raw);
      if (bad != null) {
        problem(defaultNode, "default of parameter '" + name + "' " + bad, null);
        continue;
      }
      if (description == null) {
        description = base == null ? "" : base.description();
      }
      ParamDef declared = base != null
          ? base.withDefault(raw, description, position(spec))
          : range(name, type, spec, new ParamDef(name, type, raw, description, position(spec)));
      if (declared == null) {
        continue;
      }
      if (base != null && (spec.entries().containsKey("minimum") || spec.entries().containsKey("maximum"))) {
        Node at = spec.entries().containsKey("minimum") ? spec.keyNodes().get("minimum") : spec.keyNodes().get("maximum");
        problem(at, "parameter '" + name + "' takes its range from base pack '" + inherited.base()
            + "'; an override keeps it", "remove 'minimum' and 'maximum', and give a default within the base's range");
        continue;
      }
      String outOfRange = ParamValues.checkRange(declared, raw);
      if (outOfRange != null) {
        problem(defaultNode, "default of parameter '" + name + "' " + outOfRange, "give a default within the range");
        continue;
      }
      parameters.put(name, declared);
    }
    return List.copyOf(parameters.values());
  }

  /** The parameter with the range its spec declares, or {@code null} after a problem was reported. */
  private @Nullable ParamDef range(String name, ParamType type, MapNode spec, ParamDef param) {
    Object[] bounds = new Object[2];
    List<String> keys = List.of("minimum", "maximum");
    for (int i = 0; i < 2; i++) {
      Node node = spec.entries().get(keys.get(i));
      if (node == null) {
        continue;
      }
      if (!ParamValues.isRanged(type)) {
        problem(spec.keyNodes().get(keys.get(i)), "parameter '" + name + "' of type " + type.wireName() + " has no range",
            "remove '" + keys.get(i) + "': only integer, number and duration parameters take minimum and maximum");
        return null;
      }
      Object bound = raw(node);
      String bad = ParamValues.check(type, bound);
      if (bad != null) {
        problem(node, "'" + keys.get(i) + "' of parameter '" + name + "' " + bad, null);
        return null;
      }
      bounds[i] = bound;
    }
    if (bounds[0] != null && bounds[1] != null && ParamValues.compare(type, bounds[0], bounds[1]) > 0) {
      problem(spec.entries().get("maximum"), "parameter '" + name + "' has maximum " + ParamValues.render(bounds[1])
          + " below its minimum " + ParamValues.render(bounds[0]), "swap them, or widen the range");
      return null;
    }
    return new ParamDef(name, type, param.defaultValue(), param.description(), param.position(), bounds[0], bounds[1]);
  }

  /**
   * The parameter's declared type, or for an override of a base parameter the base's type; null
   * after a problem was reported, or when the base that may declare it could not be loaded.
   */
  private @Nullable ParamType parameterType(String name, MapNode spec, @Nullable ParamDef base) {
    Node typeNode = spec.entries().get("type");
    if (typeNode == null) {
      if (base != null) {
        return base.type();
      }
      if (!inherited.known()) {
        return null;
      }
      if (inherited.base() != null) {
        List<String> names = inherited.parameters().stream().map(ParamDef::name).toList();
        problem(spec, "parameter '" + name + "' is not a parameter of base pack '" + inherited.base() + "' and has no 'type'",
            Suggestions.closest(name, names)
                .map(s -> "did you mean '" + s + "'? To declare a new parameter, add 'type:'")
                .orElse("to declare a new parameter, add 'type:' with one of: " + String.join(", ", ParamType.wireNames())));
        return null;
      }
      problem(spec, "missing 'type' in parameter '" + name + "'", null);
      return null;
    }
    String typeName = string(typeNode, "type");
    if (typeName == null) {
      return null;
    }
    var type = ParamType.fromWireName(typeName);
    if (type.isEmpty()) {
      problem(typeNode, "unknown parameter type '" + typeName + "'", Suggestions.didYouMean(typeName, ParamType.wireNames()));
      return null;
    }
    if (base != null && type.get() != base.type()) {
      problem(typeNode, "parameter '" + name + "' has type " + base.type().wireName() + " in base pack '" + inherited.base()
          + "'; an override keeps its type", "remove 'type: " + typeName + "' to override the default, or give a new parameter its own name");
      return null;
    }
    return type.get();
  }

  // ---------------------------------------------------------------- rules

  private List<RuleDef> parseRules(@Nullable Node node, MapNode top, String packId) {
    if (node == null) {
      if (!inherited.tailored()) {
        problem(top, "missing 'rules'", "add a list of rules");
      }
      return List.of();
    }
    if (!(node instanceof ListNode list)) {
      problem(node, "'rules' must be a list, not " + node.describe(), null);
      return List.of();
    }
    List<RuleDef> rules = new ArrayList<>();
    Map<String, Node> seen = new HashMap<>();
    for (Node item : list.items()) {
      ruleId = null;
      if (!(item instanceof MapNode rule)) {
        problem(item, "each rule must be a mapping, not " + item.describe(), null);
        continue;
      }
      RuleDef parsed = parseRule(rule, packId, seen);
      if (parsed != null) {
        rules.add(parsed);
      }
    }
    ruleId = null;
    return rules;
  }

  private @Nullable RuleDef parseRule(MapNode rule, String packId, Map<String, Node> seen) {
    String id = requiredString(rule, "id", "rule");
    if (id != null) {
      ruleId = id;
      Node idNode = rule.entries().get("id");
      if (!ID.matcher(id).matches()) {
        problem(idNode, "invalid rule id '" + id + "'", "use letters, digits, '.', '_' and '-'");
      }
      Node first = seen.putIfAbsent(id, idNode);
      if (first != null) {
        problem(idNode, "duplicate rule id '" + id + "' (first defined at line " + first.line() + ")", "give each rule its own id");
      }
    }
    int before = problems.size();
    checkKeys(rule, RULE_KEYS, "rule");
    String title = requiredString(rule, "title", "rule");
    String rationale = orEmpty(optionalString(rule, "rationale"));
    Category category = enumKey(rule, "category", Category::fromWireName, names(Category.values()));
    Severity severity = enumKey(rule, "severity", Severity::fromWireName, names(Severity.values()));
    FactType target = enumKey(rule, "target", FactType::fromWireName,
        Arrays.stream(FactType.values()).map(FactType::wireName).toList());
    String remediation = orEmpty(optionalString(rule, "remediation"));
    List<String> requirements = stringList(rule, "requirements");
    Map<String, List<String>> references = references(rule.entries().get("references"));
    String messageText = optionalString(rule, "message");

    Condition when = null;
    Condition assertion = null;
    MessageTemplate message = null;
    if (target != null) {
      Scope scope = Scope.root(Schemas.of(target));
      Node whenNode = rule.entries().get("when");
      if (whenNode != null) {
        parsingWhen = true;
        when = condition(whenNode, scope);
        parsingWhen = false;
      }
      Node assertNode = rule.entries().get("assert");
      if (assertNode == null) {
        problem(rule, "missing 'assert'", "add the condition a compliant " + target.wireName() + " satisfies");
      } else {
        assertion = condition(assertNode, scope);
      }
      String template = messageText == null ? title : messageText;
      // without a title (already reported) there is no default message to check
      message = template == null ? null : message(template, rule.entries().get("message"), scope);
      if (when != null && assertion != null) {
        checkJoins(rule, when, assertion);
      } else if (assertion != null) {
        checkJoins(rule, assertion);
      }
    }
    if (problems.size() > before || id == null || title == null || category == null || severity == null
        || target == null || assertion == null || message == null) {
      return null;
    }
    RuleInfo info = new RuleInfo(packId, id, title, rationale, category, severity, target, remediation, requirements, references);
    return new RuleDef(info, when, assertion, message, position(rule));
  }

  private void checkJoins(MapNode rule, Condition... conditions) {
    Joins joins = Joins.of(conditions);
    if (joins.count() > MAX_JOINS) {
      problem(rule, "the rule follows " + joins.references().size() + " references and checks "
          + joins.uniques().size() + " unique fields; at most " + MAX_JOINS + " in one rule",
          "split it into several rules");
    }
  }

  // ---------------------------------------------------------------- conditions

  private @Nullable Condition condition(Node node, Scope scope) {
    if (!(node instanceof MapNode map)) {
      problem(node, "a condition must be a mapping such as {field: ..., equals: ...}, not " + node.describe(), null);
      return null;
    }
    List<String> present = map.entries().keySet().stream().filter(COMBINATOR_KEYS::contains).toList();
    if (present.isEmpty()) {
      if (scope.element() != null && scope.element().kind() != FieldKind.OBJECT) {
        return leaf(map, scope);
      }
      String known = map.entries().keySet().stream().findFirst().orElse("");
      problem(map, "a condition needs one of: all, any, not, anyOf, allOf, noneOf, or field with an operator",
          known.isEmpty() ? null : Suggestions.closest(known, COMBINATOR_KEYS).map(s -> "did you mean '" + s + "'?").orElse(null));
      return null;
    }
    if (present.size() > 1) {
      problem(map, "a condition has exactly one of " + present + "", "nest them in 'all' or 'any'");
      return null;
    }
    String key = present.get(0);
    Position at = position(map);
    switch (key) {
      case "all", "any" -> {
        checkKeys(map, List.of(key), "condition");
        Node value = map.entries().get(key);
        if (!(value instanceof ListNode list) || list.items().isEmpty()) {
          problem(value, "'" + key + "' takes a non-empty list of conditions", null);
          return null;
        }
        List<Condition> children = new ArrayList<>();
        for (Node item : list.items()) {
          children.add(condition(item, scope));
        }
        if (children.contains(null)) {
          return null;
        }
        return key.equals("all") ? new Condition.All(children, at) : new Condition.Any(children, at);
      }
      case "not" -> {
        checkKeys(map, List.of("not"), "condition");
        Condition child = condition(map.entries().get("not"), scope);
        return child == null ? null : new Condition.Not(child, at);
      }
      case "anyOf", "allOf", "noneOf" -> {
        return quantified(map, key, scope);
      }
      default -> {
        return leaf(map, scope);
      }
    }
  }

  private @Nullable Condition quantified(MapNode map, String key, Scope scope) {
    checkKeys(map, List.of(key, "where"), "condition");
    Quantifier quantifier = switch (key) {
      case "anyOf" -> Quantifier.ANY_OF;
      case "allOf" -> Quantifier.ALL_OF;
      default -> Quantifier.NONE_OF;
    };
    Node listNode = map.entries().get(key);
    if (!(listNode instanceof ScalarNode s) || !(s.value() instanceof String listPath)) {
      problem(listNode, "'" + key + "' names a list field, e.g. '" + key + ": services'", null);
      return null;
    }
    FieldPath list = path(listNode, listPath, scope, PathUse.QUANTIFIED);
    Node whereNode = map.entries().get("where");
    if (whereNode == null) {
      problem(map, "'" + key + "' needs a 'where' condition for the elements", "add 'where: {field: ..., equals: ...}'");
      return null;
    }
    if (list == null) {
      return null;
    }
    Scope elementScope = list.field().kind() == FieldKind.REF_MANY
        ? Scope.element(Schemas.of(list.field().target()), null, scope)
        : Scope.element(list.field().element().object(), list.field().element(), scope);
    Condition where = condition(whereNode, elementScope);
    return where == null ? null : new Condition.Quantified(quantifier, list, where, position(map));
  }

  private @Nullable Condition leaf(MapNode map, Scope scope) {
    List<String> operators = map.entries().keySet().stream().filter(k -> Operator.fromWireName(k).isPresent()).toList();
    List<String> allowed = new ArrayList<>(Operator.wireNames());
    allowed.add("field");
    allowed.add(IF_ABSENT);
    for (Map.Entry<String, ScalarNode> key : map.keyNodes().entrySet()) {
      if (!allowed.contains(key.getKey())) {
        problem(key.getValue(), "unknown key '" + key.getKey() + "' in condition", Suggestions.didYouMean(key.getKey(), allowed));
      }
    }
    if (operators.size() != 1) {
      problem(map, operators.isEmpty() ? "the condition has no operator" : "the condition has several operators " + operators,
          "give exactly one of: " + String.join(", ", Operator.wireNames()));
      return null;
    }
    Operator operator = Operator.fromWireName(operators.get(0)).orElseThrow();
    Node fieldNode = map.entries().get("field");
    FieldPath path;
    if (fieldNode == null) {
      if (scope.element() == null || scope.element().kind() == FieldKind.OBJECT) {
        problem(map, "the condition has no 'field'", "name the field to test, e.g. 'field: credentials.defaultPassword'");
        return null;
      }
      path = FieldPath.self(scope.element());
    } else if (fieldNode instanceof ScalarNode s && s.value() instanceof String text) {
      path = path(fieldNode, text, scope, operator == Operator.UNIQUE ? PathUse.UNIQUE : PathUse.LEAF);
    } else {
      problem(fieldNode, "'field' must be a path such as credentials.defaultPassword, not " + fieldNode.describe(), null);
      return null;
    }
    if (path == null) {
      return null;
    }
    Node valueNode = map.entries().get(operators.get(0));
    String kindProblem = OperatorRules.check(operator, path.field());
    if (kindProblem != null) {
      problem(valueNode, "operator '" + operator.wireName() + "' does not apply to " + describePath(path)
          + " of type " + path.field().typeDescription(), kindProblem);
      return null;
    }
    Operand operand = operand(valueNode, operator, path, scope);
    Boolean ifAbsent = ifAbsent(map, operator);
    return operand == null ? null : new Condition.Leaf(path, operator, operand, ifAbsent, position(map));
  }

  /**
   * The leaf's {@code ifAbsent}: allowed only in a {@code when}, where an absent value may
   * reasonably count as applying or not; in an assertion it would let missing data pass.
   */
  private @Nullable Boolean ifAbsent(MapNode map, Operator operator) {
    Node node = map.entries().get(IF_ABSENT);
    if (node == null) {
      return null;
    }
    Node key = map.keyNodes().get(IF_ABSENT);
    if (!parsingWhen) {
      problem(key, "'ifAbsent' is allowed only in a rule's 'when': in 'assert' it would let missing data pass",
          "remove 'ifAbsent'; a rule whose evidence is missing is UNKNOWN, which is what 'assert' must report");
      return null;
    }
    if (operator == Operator.EXISTS) {
      problem(key, "'ifAbsent' has no effect on 'exists', which is never UNKNOWN", "remove 'ifAbsent'");
      return null;
    }
    if (!(node instanceof ScalarNode scalar) || !(scalar.value() instanceof Boolean value)) {
      problem(node, "'ifAbsent' takes true or false, not " + node.describe(),
          "write 'ifAbsent: true' (an absent value counts as the condition holding) or 'ifAbsent: false'");
      return null;
    }
    return value;
  }

  private @Nullable Operand operand(Node valueNode, Operator operator, FieldPath path, Scope scope) {
    if (valueNode instanceof MapNode ref) {
      if (ref.entries().size() == 1 && ref.entries().containsKey("param")) {
        return paramRef(ref, operator, path);
      }
      if (ref.entries().size() == 1 && ref.entries().containsKey("field")) {
        return fieldRef(ref, operator, path, scope);
      }
      problem(valueNode, "a value written as a mapping must be {param: NAME} or {field: PATH}", null);
      return null;
    }
    if (operator == Operator.MATCHES && regexProgram > RegexSize.MAX_PACK_PROGRAM) {
      return null; // one problem said so already; the rest of the pack's patterns are not compiled
    }
    Object raw = raw(valueNode);
    Literals.Result converted = Literals.convert(operator, path.field(), raw);
    if (converted instanceof Literals.Bad bad) {
      problem(valueNode, "'" + operator.wireName() + "' on " + describePath(path) + ": " + bad.message(), bad.suggestion());
      return null;
    }
    Object value = ((Literals.Ok) converted).value();
    if (value instanceof com.google.re2j.Pattern pattern && regexTotalExceeded(valueNode, pattern)) {
      return null;
    }
    return new Operand.Literal(value, render(raw));
  }

  /**
   * Adds a pattern to the pack's total; each pattern is bounded, but a pack of many could still
   * hold more compiled programs than the heap. Past the total, the pattern is a problem.
   */
  private boolean regexTotalExceeded(Node at, com.google.re2j.Pattern pattern) {
    regexProgram += Literals.programSize(pattern);
    if (regexProgram <= RegexSize.MAX_PACK_PROGRAM) {
      return false;
    }
    problem(at, String.format("the regular expressions of this pack compile to more than %,d instructions in all",
        RegexSize.MAX_PACK_PROGRAM), "use + or * instead of large counted repetitions ('.{1000}' is 1000"
        + " instructions), or split the rules over several packs");
    return true;
  }

  private @Nullable Operand paramRef(MapNode ref, Operator operator, FieldPath path) {
    Node nameNode = ref.entries().get("param");
    if (!(nameNode instanceof ScalarNode s) || !(s.value() instanceof String name)) {
      problem(nameNode, "'param' takes a parameter name", null);
      return null;
    }
    ParamDef param = parameters.get(name);
    if (param == null) {
      if (!inherited.known()) {
        return null; // it may be a parameter of the base that could not be loaded
      }
      problem(nameNode, "unknown parameter '" + name + "'", parameters.isEmpty()
          ? "declare it under 'parameters:' at the top of the pack"
          : Suggestions.didYouMean(name, parameters.keySet()));
      return null;
    }
    Literals.Result converted = Literals.convert(operator, path.field(), param.defaultValue());
    if (converted instanceof Literals.Bad bad) {
      problem(nameNode, "parameter '" + name + "' (" + param.type().wireName() + ") does not fit '"
          + operator.wireName() + "' on " + describePath(path) + ": " + bad.message(), bad.suggestion());
      return null;
    }
    return new Operand.ParamRef(name);
  }

  private @Nullable Operand fieldRef(MapNode ref, Operator operator, FieldPath path, Scope scope) {
    Node pathNode = ref.entries().get("field");
    if (!(pathNode instanceof ScalarNode s) || !(s.value() instanceof String text)) {
      problem(pathNode, "'field' takes a field path", null);
      return null;
    }
    FieldPath other = path(pathNode, text, scope.root(), PathUse.LEAF);
    if (other == null) {
      return null;
    }
    String mismatch = OperatorRules.checkFieldOperand(operator, path.field(), other.field());
    if (mismatch != null) {
      problem(pathNode, "'" + operator.wireName() + "' cannot compare " + describePath(path) + " ("
          + path.field().typeDescription() + ") with field '" + text + "' (" + other.field().typeDescription() + ")", mismatch);
      return null;
    }
    return new Operand.FieldRef(other);
  }

  // ---------------------------------------------------------------- paths

  private enum PathUse { LEAF, QUANTIFIED, UNIQUE, MESSAGE }

  private @Nullable FieldPath path(Node at, String text, Scope scope, PathUse use) {
    if (text.isBlank()) {
      problem(at, "empty field path", null);
      return null;
    }
    String[] segments = text.split("\\.", -1);
    List<FieldPath.Step> steps = new ArrayList<>();
    TypeSchema schema = scope.schema();
    Field field = null;
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if (field != null && field.kind() == FieldKind.MAP) {
        steps.add(new FieldPath.Step(field.element(), segment));
        field = field.element();
        if (!last) {
          problem(at, "attribute values are plain values; '" + text + "' reads past one", "stop the path at '" + String.join(".", Arrays.copyOf(segments, i + 1)) + "'");
          return null;
        }
        continue;
      }
      if (schema == null) {
        problem(at, "'" + String.join(".", Arrays.copyOf(segments, i)) + "' is a " + field.typeDescription()
            + " and has no field '" + segment + "'", "end the path there");
        return null;
      }
      Field next = schema.fields().get(segment);
      if (next == null) {
        String where = i == 0 ? scope.describe() : "'" + String.join(".", Arrays.copyOf(segments, i)) + "'";
        String prefix = i == 0 ? "" : String.join(".", Arrays.copyOf(segments, i)) + ".";
        problem(at, "unknown field '" + text + "': " + where + " has no field '" + segment + "'",
            Suggestions.closest(segment, schema.fields().keySet())
                .map(s -> "did you mean '" + prefix + s + "'?")
                .orElse("valid fields: " + String.join(", ", schema.fields().keySet())));
        return null;
      }
      field = next;
      steps.add(new FieldPath.Step(field, null));
      switch (field.kind()) {
        case REF_ONE -> {
          if (!scope.isRoot() || use == PathUse.UNIQUE) {
            problem(at, "'" + segment + "' is a reference and can be followed only from the rule's target fact",
                "move the condition out of the quantifier");
            return null;
          }
          if (last && use != PathUse.MESSAGE) {
            problem(at, "'" + segment + "' is a reference to a " + field.target().wireName(),
                "name a field of it, e.g. '" + segment + "." + Schemas.of(field.target()).fields().keySet().stream().skip(1).findFirst().orElse("id") + "'");
            return null;
          }
          schema = Schemas.of(field.target());
        }
        case REF_MANY -> {
          if (!scope.isRoot() || use != PathUse.QUANTIFIED || !last) {
            problem(at, "'" + segment + "' is a list of references to " + field.target().wireName() + "s",
                "test it with a quantifier, e.g. 'allOf: " + segment + "' with 'where: {field: ..., ...}'");
            return null;
          }
          schema = null;
        }
        case OBJECT -> schema = field.object();
        default -> schema = null;
      }
    }
    if (use == PathUse.QUANTIFIED && field.kind() != FieldKind.LIST && field.kind() != FieldKind.REF_MANY) {
      problem(at, "'" + text + "' is a " + field.typeDescription() + ", not a list", "quantifiers (anyOf, allOf, noneOf) take a list field");
      return null;
    }
    if (use == PathUse.UNIQUE) {
      if (!scope.isRoot()) {
        problem(at, "'unique' cannot be used inside a quantifier: it compares a field of the rule's target fact across all facts of its type",
            "move it out of the quantifier, e.g. {field: credentials.fingerprint, unique: true}");
        return null;
      }
      if (!field.kind().isScalar()) {
        problem(at, "'unique' needs a plain field, but '" + text + "' is a " + field.typeDescription(),
            "use it on a field such as credentials.fingerprint");
        return null;
      }
    }
    return new FieldPath(text, steps, field);
  }

  // ---------------------------------------------------------------- messages

  private @Nullable MessageTemplate message(String text, @Nullable Node at, Scope scope) {
    List<Object> parts = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    int last = 0;
    boolean ok = true;
    while (matcher.find()) {
      parts.add(text.substring(last, matcher.start()));
      String pathText = matcher.group(1).strip();
      FieldPath path = path(at == null ? new ScalarNode(0, 0, text) : at, pathText, scope, PathUse.MESSAGE);
      if (path == null) {
        ok = false;
      } else {
        parts.add(path);
      }
      last = matcher.end();
    }
    parts.add(text.substring(last));
    return ok ? new MessageTemplate(parts) : null;
  }

  // ---------------------------------------------------------------- small helpers

  private Map<String, List<String>> references(@Nullable Node node) {
    if (node == null) {
      return Map.of();
    }
    if (!(node instanceof MapNode map)) {
      problem(node, "'references' must map a framework to control ids, e.g. {etsi-en-303-645: [5.1-1]}", null);
      return Map.of();
    }
    Map<String, List<String>> references = new LinkedHashMap<>();
    for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
      List<String> controls = strings(entry.getValue(), "references." + entry.getKey());
      references.put(entry.getKey(), controls);
    }
    return references;
  }

  private List<String> stringList(MapNode map, String key) {
    Node node = map.entries().get(key);
    return node == null ? List.of() : strings(node, key);
  }

  private List<String> strings(Node node, String what) {
    List<Node> items = node instanceof ListNode list ? list.items() : List.of(node);
    List<String> values = new ArrayList<>();
    for (Node item : items) {
      if (item instanceof ScalarNode s && s.value() != null && !(s.value() instanceof Boolean)) {
        values.add(s.text());
      } else {
        problem(item, "'" + what + "' takes strings, not " + item.describe(), null);
      }
    }
    return values;
  }

  private <E> @Nullable E enumKey(MapNode map, String key, java.util.function.Function<String, java.util.Optional<E>> parse, List<String> names) {
    if (!map.entries().containsKey(key)) {
      problem(map, "missing '" + key + "' in rule", "add '" + key + ":' with one of: " + String.join(", ", names));
      return null;
    }
    String text = requiredString(map, key, "rule");
    if (text == null) {
      return null;
    }
    var value = parse.apply(text);
    if (value.isEmpty()) {
      problem(map.entries().get(key), "unknown " + key + " '" + text + "'", Suggestions.didYouMean(text, names));
      return null;
    }
    return value.get();
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).toList();
  }

  private void checkKeys(MapNode map, List<String> allowed, String where) {
    for (Map.Entry<String, ScalarNode> key : map.keyNodes().entrySet()) {
      if (!allowed.contains(key.getKey())) {
        problem(key.getValue(), "unknown key '" + key.getKey() + "' in " + where, Suggestions.didYouMean(key.getKey(), allowed));
      }
    }
  }

  private @Nullable String requiredString(MapNode map, String key, String where) {
    Node node = map.entries().get(key);
    if (node == null) {
      problem(map, "missing '" + key + "' in " + where, null);
      return null;
    }
    return string(node, key);
  }

  private @Nullable String optionalString(MapNode map, String key) {
    Node node = map.entries().get(key);
    return node == null ? null : string(node, key);
  }

  private @Nullable String string(Node node, String key) {
    if (node instanceof ScalarNode s && s.value() instanceof String text) {
      if (text.isBlank()) {
        problem(node, "'" + key + "' is empty", null);
        return null;
      }
      return text;
    }
    if (node instanceof ScalarNode s && s.value() != null && !(s.value() instanceof Boolean)) {
      return s.text();
    }
    problem(node, "'" + key + "' must be text, not " + node.describe(), null);
    return null;
  }

  private static String orEmpty(@Nullable String text) {
    return text == null ? "" : text;
  }

  /** The raw value of a node: scalar value, or a list of raw values; mappings stay null. */
  static @Nullable Object raw(Node node) {
    if (node instanceof ScalarNode s) {
      return s.value();
    }
    if (node instanceof ListNode list) {
      List<Object> values = new ArrayList<>();
      for (Node item : list.items()) {
        values.add(raw(item));
      }
      return values;
    }
    return Map.of();
  }

  /** A raw value as a pack would write it, e.g. {@code [iot, ot]}. */
  static String render(@Nullable Object raw) {
    if (raw instanceof List<?> list) {
      return list.stream().map(PackParser::render).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(raw);
  }

  private static String describePath(FieldPath path) {
    return path.isSelf() ? "the list element" : "'" + path.text() + "'";
  }

  private static Position position(Node node) {
    return new Position(node.line(), node.column());
  }

  private void problem(@Nullable Node at, String message, @Nullable String suggestion) {
    int line = at == null ? 0 : at.line();
    int column = at == null ? 0 : at.column();
    problems.add(new Problem(source, line, column, ruleId, message, suggestion));
  }

  /** Where paths are resolved: the target fact, or a list element inside a quantifier. */
  private record Scope(@Nullable TypeSchema schema, @Nullable Field element, @Nullable Scope parent) {

    static Scope root(TypeSchema schema) {
      return new Scope(schema, null, null);
    }

    static Scope element(@Nullable TypeSchema schema, @Nullable Field element, Scope parent) {
      return new Scope(schema, element, parent);
    }

    boolean isRoot() {
      return parent == null;
    }

    Scope root() {
      return parent == null ? this : parent.root();
    }

    String describe() {
      return schema == null ? "the list element" : "a " + schema.name();
    }
  }

  static Set<String> reservedKeys() {
    return Set.copyOf(COMBINATOR_KEYS);
  }
}
