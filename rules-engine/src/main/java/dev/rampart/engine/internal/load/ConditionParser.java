package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.ast.Condition;
import dev.rampart.engine.internal.ast.FieldPath;
import dev.rampart.engine.internal.ast.Operand;
import dev.rampart.engine.internal.ast.Operator;
import dev.rampart.engine.internal.ast.ParamDef;
import dev.rampart.engine.internal.ast.Position;
import dev.rampart.engine.internal.ast.Quantifier;
import dev.rampart.engine.internal.schema.FieldKind;
import dev.rampart.engine.internal.schema.Schemas;
import dev.rampart.engine.internal.yaml.Node;
import dev.rampart.engine.internal.yaml.Node.ListNode;
import dev.rampart.engine.internal.yaml.Node.MapNode;
import dev.rampart.engine.internal.yaml.Node.ScalarNode;
import dev.rampart.spi.source.DidYouMean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses the condition grammar of a rule's {@code when} and {@code assert}: the combinators, the
 * quantifiers, and each leaf's field, operator and operand, checked against the field's type. One
 * parser reads all the rules of a pack, so the pack's regular expressions are bounded in total.
 */
final class ConditionParser {

  private static final List<String> COMBINATOR_KEYS = List.of("all", "any", "not", "anyOf", "allOf", "noneOf", "field");
  private static final String IF_ABSENT = "ifAbsent";

  private final PackProblemCollector problems;
  private final PackNodes nodes;
  private final PathResolver paths;
  private final Map<String, ParamDef> parameters;
  private final boolean parametersKnown;
  private final Set<String> refusedParameters;
  /** Whether the condition being parsed is a rule's {@code when}, the one place {@code ifAbsent} is allowed. */
  private boolean inWhen;
  /** The instructions of the pack's regular expressions so far, bounded by {@link RegexSize#MAX_PACK_PROGRAM}. */
  private long regexProgram;

  /**
   * @param parameters the parameters rules may refer to, the base's included
   * @param parametersKnown false when the pack's base could not be loaded, so an undeclared name may
   *     still be one of its parameters and is not reported
   * @param refusedParameters the parameters the pack declares but that were refused with a problem
   *     already reported, so a rule using one is not reported again
   */
  ConditionParser(PackProblemCollector problems, PathResolver paths, Map<String, ParamDef> parameters,
      boolean parametersKnown, Set<String> refusedParameters) {
    this.problems = problems;
    this.nodes = new PackNodes(problems);
    this.paths = paths;
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    this.parametersKnown = parametersKnown;
    this.refusedParameters = Set.copyOf(refusedParameters);
  }

  /** A rule's {@code when}; null after a problem was reported. */
  @Nullable Condition when(Node node, PathScope scope) {
    inWhen = true;
    try {
      return condition(node, scope);
    } finally {
      inWhen = false;
    }
  }

  /** A rule's {@code assert}; null after a problem was reported. */
  @Nullable Condition assertion(Node node, PathScope scope) {
    return condition(node, scope);
  }

  private @Nullable Condition condition(Node node, PathScope scope) {
    if (!(node instanceof MapNode map)) {
      problems.add(node, "a condition must be a mapping such as {field: ..., equals: ...}, not " + node.describe(), null);
      return null;
    }
    List<String> present = map.entries().keySet().stream().filter(COMBINATOR_KEYS::contains).toList();
    if (present.isEmpty()) {
      if (scope.overPlainValues()) {
        return leaf(map, scope);
      }
      String known = map.entries().keySet().stream().findFirst().orElse("");
      problems.add(map, "a condition needs one of: all, any, not, anyOf, allOf, noneOf, or field with an operator",
          known.isEmpty() ? null : DidYouMean.closest(known, COMBINATOR_KEYS).map(DidYouMean::question).orElse(null));
      return null;
    }
    if (present.size() > 1) {
      problems.add(map, "a condition has exactly one of " + present, "nest them in 'all' or 'any'");
      return null;
    }
    String key = present.get(0);
    Position at = PackNodes.position(map);
    return switch (key) {
      case "all", "any" -> combination(map, key, scope, at);
      case "not" -> {
        nodes.checkKeys(map, List.of("not"), "condition");
        Condition child = condition(map.entries().get("not"), scope);
        yield child == null ? null : new Condition.Not(child, at);
      }
      case "anyOf", "allOf", "noneOf" -> quantified(map, key, scope);
      default -> leaf(map, scope);
    };
  }

  private @Nullable Condition combination(MapNode map, String key, PathScope scope, Position at) {
    nodes.checkKeys(map, List.of(key), "condition");
    Node value = map.entries().get(key);
    if (!(value instanceof ListNode list) || list.items().isEmpty()) {
      problems.add(value, "'" + key + "' takes a non-empty list of conditions", null);
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

  private @Nullable Condition quantified(MapNode map, String key, PathScope scope) {
    nodes.checkKeys(map, List.of(key, "where"), "condition");
    Quantifier quantifier = switch (key) {
      case "anyOf" -> Quantifier.ANY_OF;
      case "allOf" -> Quantifier.ALL_OF;
      default -> Quantifier.NONE_OF;
    };
    Node listNode = map.entries().get(key);
    if (!(listNode instanceof ScalarNode s) || !(s.value() instanceof String listPath)) {
      problems.add(listNode, "'" + key + "' names a list field, e.g. '" + key + ": services'", null);
      return null;
    }
    FieldPath list = paths.resolve(listNode, listPath, scope, PathResolver.Use.QUANTIFIED);
    Node whereNode = map.entries().get("where");
    if (whereNode == null) {
      problems.add(map, "'" + key + "' needs a 'where' condition for the elements", "add 'where: {field: ..., equals: ...}'");
      return null;
    }
    if (list == null) {
      return null;
    }
    PathScope elementScope = list.field().kind() == FieldKind.REF_MANY
        ? PathScope.element(Schemas.of(list.field().target()), null, scope)
        : PathScope.element(list.field().element().object(), list.field().element(), scope);
    Condition where = condition(whereNode, elementScope);
    return where == null ? null : new Condition.Quantified(quantifier, list, where, PackNodes.position(map));
  }

  private @Nullable Condition leaf(MapNode map, PathScope scope) {
    List<String> operators = map.entries().keySet().stream().filter(k -> Operator.fromWireName(k).isPresent()).toList();
    List<String> allowed = new ArrayList<>(Operator.wireNames());
    allowed.add("field");
    allowed.add(IF_ABSENT);
    nodes.checkKeys(map, allowed, "condition");
    if (operators.size() != 1) {
      problems.add(map, operators.isEmpty() ? "the condition has no operator" : "the condition has several operators " + operators,
          "give exactly one of: " + String.join(", ", Operator.wireNames()));
      return null;
    }
    Operator operator = Operator.fromWireName(operators.get(0)).orElseThrow();
    FieldPath path = leafPath(map, scope, operator);
    if (path == null) {
      return null;
    }
    Node valueNode = map.entries().get(operators.get(0));
    String kindProblem = OperatorRules.check(operator, path.field());
    if (kindProblem != null) {
      problems.add(valueNode, "operator '" + operator.wireName() + "' does not apply to " + PathResolver.describe(path)
          + " of type " + path.field().typeDescription(), kindProblem);
      return null;
    }
    Operand operand = operand(valueNode, operator, path, scope);
    Boolean ifAbsent = ifAbsent(map, operator);
    return operand == null ? null : new Condition.Leaf(path, operator, operand, ifAbsent, PackNodes.position(map));
  }

  private @Nullable FieldPath leafPath(MapNode map, PathScope scope, Operator operator) {
    Node fieldNode = map.entries().get("field");
    if (fieldNode == null) {
      if (!scope.overPlainValues()) {
        problems.add(map, "the condition has no 'field'", "name the field to test, e.g. 'field: credentials.defaultPassword'");
        return null;
      }
      return FieldPath.self(scope.element());
    }
    if (fieldNode instanceof ScalarNode s && s.value() instanceof String text) {
      return paths.resolve(fieldNode, text, scope, operator.isFleetWide() ? PathResolver.Use.UNIQUE : PathResolver.Use.LEAF);
    }
    problems.add(fieldNode, "'field' must be a path such as credentials.defaultPassword, not " + fieldNode.describe(), null);
    return null;
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
    if (!inWhen) {
      problems.add(key, "'ifAbsent' is allowed only in a rule's 'when': in 'assert' it would let missing data pass",
          "remove 'ifAbsent'; a rule whose evidence is missing is UNKNOWN, which is what 'assert' must report");
      return null;
    }
    if (operator == Operator.EXISTS) {
      problems.add(key, "'ifAbsent' has no effect on 'exists', which is never UNKNOWN", "remove 'ifAbsent'");
      return null;
    }
    if (!(node instanceof ScalarNode scalar) || !(scalar.value() instanceof Boolean value)) {
      problems.add(node, "'ifAbsent' takes true or false, not " + node.describe(),
          Literals.isYaml11Boolean(PackNodes.raw(node)) ? Literals.YAML_1_2_BOOLEANS
              : "write 'ifAbsent: true' (an absent value counts as the condition holding) or 'ifAbsent: false'");
      return null;
    }
    return value;
  }

  private @Nullable Operand operand(Node valueNode, Operator operator, FieldPath path, PathScope scope) {
    if (operator == Operator.UNIQUE_AMONG) {
      return selection(valueNode, scope);
    }
    if (valueNode instanceof MapNode ref) {
      if (ref.entries().size() == 1 && ref.entries().containsKey("param")) {
        return paramRef(ref, operator, path);
      }
      if (ref.entries().size() == 1 && ref.entries().containsKey("field")) {
        return fieldRef(ref, operator, path, scope);
      }
      problems.add(valueNode, "a value written as a mapping must be {param: NAME} or {field: PATH}", null);
      return null;
    }
    if (operator == Operator.MATCHES && regexProgram > RegexSize.MAX_PACK_PROGRAM) {
      return null; // one problem said so already; the rest of the pack's patterns are not compiled
    }
    Object raw = PackNodes.raw(valueNode);
    Literals.Result converted = Literals.convert(operator, path.field(), raw);
    if (converted instanceof Literals.Bad bad) {
      problems.add(valueNode, "'" + operator.wireName() + "' on " + PathResolver.describe(path) + ": " + bad.message(),
          bad.suggestion());
      return null;
    }
    Object value = ((Literals.Ok) converted).value();
    if (value instanceof com.google.re2j.Pattern pattern && regexTotalExceeded(valueNode, pattern)) {
      return null;
    }
    return new Operand.Literal(value, PackNodes.render(raw));
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
    problems.add(at, String.format("the regular expressions of this pack compile to more than %,d instructions in all",
        RegexSize.MAX_PACK_PROGRAM), "use + or * instead of large counted repetitions ('.{1000}' is 1000"
        + " instructions), or split the rules over several packs");
    return true;
  }

  /**
   * The condition of {@code uniqueAmong}, over the other facts of the target type: like a {@code when}
   * it selects (so {@code ifAbsent} is allowed), and it reads only the other facts' own fields, so that
   * each is decided once, from the fact alone, where the facts sharing a value are grouped.
   */
  private @Nullable Operand selection(Node valueNode, PathScope scope) {
    if (!(valueNode instanceof MapNode)) {
      problems.add(valueNode, "'uniqueAmong' takes a condition on the other facts, not " + valueNode.describe(),
          "write e.g. 'uniqueAmong: {field: lifecycle.status, equals: retired}'");
      return null;
    }
    boolean outer = inWhen;
    inWhen = true;
    Condition condition;
    try {
      condition = condition(valueNode, scope.root());
    } finally {
      inWhen = outer;
    }
    if (condition == null) {
      return null;
    }
    Joins reads = Joins.of(condition);
    if (!reads.references().isEmpty() || !reads.uniques().isEmpty() || reads.usesTime()) {
      problems.add(valueNode, "the condition of 'uniqueAmong' must test only the other facts' own fields",
          "remove references (vendor., networks), clock operators (olderThan, newerThan, within, beyond) and unique from it");
      return null;
    }
    return new Operand.Selection(condition, PackNodes.text(valueNode));
  }

  private @Nullable Operand paramRef(MapNode ref, Operator operator, FieldPath path) {
    Node nameNode = ref.entries().get("param");
    if (!(nameNode instanceof ScalarNode s) || !(s.value() instanceof String name)) {
      problems.add(nameNode, "'param' takes a parameter name", null);
      return null;
    }
    ParamDef param = parameters.get(name);
    if (param == null) {
      if (!parametersKnown || refusedParameters.contains(name)) {
        return null; // a parameter of the base that could not be loaded, or one refused with its own problem
      }
      problems.add(nameNode, "unknown parameter '" + name + "'", parameters.isEmpty()
          ? "declare it under 'parameters:' at the top of the pack"
          : DidYouMean.hintOrList(name, parameters.keySet(), "expected one of"));
      return null;
    }
    Literals.Result converted = Literals.convert(operator, path.field(), param.defaultValue());
    if (converted instanceof Literals.Bad bad) {
      problems.add(nameNode, "parameter '" + name + "' (" + param.type().wireName() + ") does not fit '"
          + operator.wireName() + "' on " + PathResolver.describe(path) + ": " + bad.message(), bad.suggestion());
      return null;
    }
    return new Operand.ParamRef(name);
  }

  private @Nullable Operand fieldRef(MapNode ref, Operator operator, FieldPath path, PathScope scope) {
    Node pathNode = ref.entries().get("field");
    if (!(pathNode instanceof ScalarNode s) || !(s.value() instanceof String text)) {
      problems.add(pathNode, "'field' takes a field path", null);
      return null;
    }
    FieldPath other = paths.resolve(pathNode, text, scope.root(), PathResolver.Use.LEAF);
    if (other == null) {
      return null;
    }
    String mismatch = OperatorRules.checkFieldOperand(operator, path.field(), other.field());
    if (mismatch != null) {
      problems.add(pathNode, "'" + operator.wireName() + "' cannot compare " + PathResolver.describe(path) + " ("
          + path.field().typeDescription() + ") with field '" + text + "' (" + other.field().typeDescription() + ")", mismatch);
      return null;
    }
    return new Operand.FieldRef(other);
  }
}
