package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.ast.Operator;
import dev.rampart.engine.internal.schema.Field;
import dev.rampart.engine.internal.schema.FieldKind;
import dev.rampart.engine.internal.schema.FieldPaths;
import dev.rampart.engine.internal.schema.FieldPaths.Entry;
import dev.rampart.engine.internal.schema.Schemas;
import dev.rampart.engine.internal.schema.TypeSchema;
import dev.rampart.engine.value.ParameterType;
import dev.rampart.engine.value.Severity;
import dev.rampart.spi.fact.FactType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Generates docs/rule-pack.schema.json, the JSON Schema (Draft 2020-12) editors check packs with,
 * from the fact model and the loader's grammar, so that it cannot drift from what the engine accepts.
 *
 * <p>Field paths are enumerated per rule target and per quantifier scope, so a misspelt path is
 * flagged. Every choice is made on the key that decides it (a condition's {@code all}, {@code
 * equals}, ...; a rule's {@code target}; a leaf's {@code field}) with {@code if}/{@code then}, never
 * with {@code oneOf}/{@code anyOf}, so a mistake gives one error at the value that is wrong. The
 * schema passes Ajv's strict mode: no union types, every {@code required} name declared beside it.
 */
final class PackJsonSchema {

  /** The command that rewrites the committed schema from this generator. */
  static final String REGENERATE = "mvn -o -q -pl rules-engine -am test -Dtest=PackJsonSchemaTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Drampart.regenerateSchema=true";

  private static final String DEFS = "#/$defs/";
  private static final String DURATION = "^-?P(-?[0-9]+[YMWDymwd])*([Tt](-?[0-9]+([.,][0-9]+)?[HMShms])+)?$";
  private static final String DATE_OR_TIME = "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt].+)?$";
  private static final List<String> COMBINATORS = List.of("all", "any", "not");
  private static final List<String> QUANTIFIERS = List.of("anyOf", "allOf", "noneOf");
  // the guide's nine; a pack may declare more under metadata.categories, which a schema cannot list
  private static final List<String> GUIDE_CATEGORIES = List.of(
      "procurement", "identity", "segmentation", "patching", "monitoring", "interfaces", "data", "resilience", "operations");

  private final Map<String, Object> defs = new LinkedHashMap<>();
  private final Deque<Runnable> pending = new ArrayDeque<>();

  private PackJsonSchema() {}

  /** The schema as the text committed in docs/rule-pack.schema.json. */
  static String generate() {
    return JsonText.write(new PackJsonSchema().document());
  }

  /** Where paths start: a rule's target fact, or a list element inside a quantifier. */
  private enum Mode {
    /** A rule's {@code when} (and the condition of {@code uniqueAmong}), where {@code ifAbsent} is allowed. */
    WHEN,
    ASSERT
  }

  /**
   * A place conditions stand in, as the loader's {@link PathScope}: the rule's target fact, an
   * element of a list of objects or of references, or a plain list element (no schema).
   */
  private record Scope(FactType target, @Nullable TypeSchema schema, @Nullable Field element, boolean root) {

    String name() {
      if (root) {
        return target.wireName();
      }
      if (schema != null) {
        return target.wireName() + "." + schema.name();
      }
      Field value = Objects.requireNonNull(element);
      return target.wireName() + ".value." + (value.kind() == FieldKind.ENUM
          ? Objects.requireNonNull(value.enumType()).getSimpleName().toLowerCase(java.util.Locale.ROOT)
          : value.kind().description());
    }

    /** The fields conditions here test: those of the target fact (and the facts it refers to), or of the element. */
    List<Entry> tested() {
      return schema == null ? List.of() : FieldPaths.tested(schema, root);
    }

    /** The scope of the elements of a list this scope can quantify over. */
    Scope elements(Field list) {
      return list.kind() == FieldKind.REF_MANY
          ? new Scope(target, Schemas.of(Objects.requireNonNull(list.target())), null, false)
          : new Scope(target, Objects.requireNonNull(list.element()).object(), list.element(), false);
    }
  }

  private Map<String, Object> document() {
    Map<String, Object> root = o(
        "$schema", "https://json-schema.org/draft/2020-12/schema",
        "$id", "https://rampart.dev/schemas/rule-pack/v1/rule-pack.schema.json",
        "title", "Rampart rule pack (rampart.dev/v1)",
        "description", "A rule pack: named, typed parameters and rules over the Rampart fact model, or a tailoring of a"
            + " base pack. Generated from the fact model and the pack loader by PackJsonSchema (do not edit; after a"
            + " change to either, regenerate it with: " + REGENERATE + "). It enumerates the field paths of each rule"
            + " target; the engine checks the rest when it loads a pack (regular expressions, parameters against their"
            + " uses, rule ids against the base pack) and reports every problem with file:line:column and a fix.",
        "type", "object",
        "required", List.of("apiVersion", "kind", "metadata"),
        "additionalProperties", false,
        "properties", o(
            "apiVersion", o("description", "The pack format version; this engine reads exactly rampart.dev/v1.",
                "const", "rampart.dev/v1"),
            "kind", o("description", "Always RulePack.", "const", "RulePack"),
            "metadata", metadata(),
            "extends", o(
                "description", "Tailors a base pack instead of starting from nothing: a built-in pack id such as"
                    + " iot-baseline, or the path of a pack file relative to this pack file's directory, optionally"
                    + " pinned to versions of the base with @, e.g. iot-baseline@1.0.0 or iot-baseline@^1. The result"
                    + " is one pack with this pack's id: the base's rules (without the disabled ones), then this pack's"
                    + " rules. Chains of bases are allowed, at most 5 deep.",
                "type", "string",
                "minLength", 1,
                "examples", List.of("iot-baseline", "iot-baseline@^1", "../common/company-policy.yaml")),
            "parameters", o(
                "description", "Named, typed settings that rules use as {param: NAME}; users override them without"
                    + " editing the pack. In a pack with 'extends', an entry named like a base parameter overrides its"
                    + " default (its type is the base's and may be left out); any other entry declares a new parameter"
                    + " and needs a type.",
                "type", "object",
                "propertyNames", ref("id"),
                "additionalProperties", ref("parameter")),
            "disable", o(
                "description", "Rules of the base pack that do not apply here, each with the reason; reports list"
                    + " them. Needs 'extends'.",
                "type", "array",
                "items", ref("disabledRule")),
            "rules", o(
                "description", "The rules, evaluated in this order. Required unless the pack has 'extends'; in a"
                    + " tailored pack these are added after the base's rules, and their ids must differ from the base's.",
                "type", "array",
                "items", ref("rule"))),
        "dependentRequired", o("disable", List.of("extends")),
        "if", has("extends"),
        "else", o(
            "properties", o(
                "rules", true,
                "parameters", o("type", "object", "additionalProperties", o(
                    "type", "object", "properties", o("type", true), "required", List.of("type")))),
            "required", List.of("rules")),
        "$defs", defs);
    staticDefinitions();
    for (FactType target : FactType.values()) {
      for (Mode mode : Mode.values()) {
        condition(new Scope(target, Schemas.of(target), null, true), mode);
      }
    }
    while (!pending.isEmpty()) {
      pending.removeFirst().run();
    }
    return root;
  }

  private static Map<String, Object> metadata() {
    return o(
        "description", "Who the pack is: its id, version and title; optionally its owner, the reference frameworks its"
            + " rules cite, the categories it adds and the rubric its severities follow.",
        "type", "object",
        "required", List.of("id", "version", "title"),
        "additionalProperties", false,
        "properties", o(
            "id", o("description", "The pack's id, unique among the packs evaluated together; a tailored pack has an"
                + " id of its own. Letters, digits, '.', '_' and '-'.", "$ref", DEFS + "id"),
            "version", o("description", "The pack's version, e.g. \"1.2.0\": text, so quote it (YAML reads 2.10 as the"
                + " number 2.1).", "type", "string", "minLength", 1),
            "title", o("description", "A one-line title that reports show.", "$ref", DEFS + "text"),
            "description", o("description", "What the pack checks and for whom.", "$ref", DEFS + "text"),
            "owner", o("description", "Who maintains the pack, e.g. a team.", "$ref", DEFS + "text"),
            "contact", o("description", "How to reach the owner, e.g. an e-mail address.", "$ref", DEFS + "text"),
            "frameworks", o(
                "description", "The reference frameworks the rules' 'references' cite, by the key they cite them with"
                    + " (e.g. etsi-en-303-645). Once a pack (or its base) declares frameworks, a rule may cite only a"
                    + " declared one, and only a listed control where the framework lists its controls. A tailored"
                    + " pack keeps its base's and may add others, not declare one again.",
                "type", "object",
                "propertyNames", ref("id"),
                "additionalProperties", ref("framework")),
            "categories", o(
                "description", "Categories the pack's rules may use besides the guide's nine (procurement, identity,"
                    + " segmentation, patching, monitoring, interfaces, data, resilience, operations), by id.",
                "type", "object",
                "propertyNames", ref("id"),
                "additionalProperties", o(
                    "description", "A category: its title, and optionally what it covers.",
                    "type", "object",
                    "required", List.of("title"),
                    "additionalProperties", false,
                    "properties", o(
                        "title", o("description", "The category's title, which reports print.", "$ref", DEFS + "text"),
                        "description", o("description", "What the category covers.", "$ref", DEFS + "text")))),
            "severities", o(
                "description", "The rubric the rules' severities follow: what each severity means in this pack;"
                    + " reports print it. Once stated, every rule's severity must be one it defines. A tailored pack"
                    + " without one keeps its base's.",
                "type", "object",
                "propertyNames", o("enum", severities()),
                "additionalProperties", ref("text"))));
  }

  private void staticDefinitions() {
    defs.put("id", o("type", "string", "pattern", "^" + DocumentParser.ID.pattern() + "$"));
    defs.put("text", o(
        "description", "Text (a number is read as its text).",
        "if", o("type", "number"),
        "else", o("type", "string", "pattern", "\\S")));
    defs.put("texts", o(
        "description", "One text or a list of texts.",
        "if", o("type", "array"),
        "then", o("type", "array", "items", ref("text")),
        "else", ref("text")));
    defs.put("duration", o(
        "description", "An ISO-8601 duration such as P30D, P6M, P1Y, PT12H or P1DT6H.",
        "type", "string",
        "pattern", DURATION));
    defs.put("parameter", parameter());
    defs.put("framework", o(
        "description", "A reference framework: its title, the edition the control ids are taken from, and optionally"
            + " where to read it, what each control requires and which controls no rule checks.",
        "type", "object",
        "required", List.of("title", "edition"),
        "additionalProperties", false,
        "properties", o(
            "title", o("description", "The framework's title.", "$ref", DEFS + "text"),
            "edition", o("description", "The edition cited, e.g. V2.1.1 (2020-06).", "$ref", DEFS + "text"),
            "url", o("description", "Where the edition can be read: an http or https address.", "type", "string",
                "pattern", "^https?://[^\\s]+$"),
            "controls", o(
                "description", "Control id to what the control requires. When given, rules may cite only these ids.",
                "type", "object",
                "additionalProperties", ref("text")),
            "notCovered", o(
                "description", "Control id to the reason no rule of the pack checks it; no rule may cite it. Reports"
                    + " list these under the framework.",
                "type", "object",
                "additionalProperties", ref("text")))));
    defs.put("disabledRule", o(
        "description", "A base rule switched off, and why.",
        "type", "object",
        "required", List.of("rule", "reason"),
        "additionalProperties", false,
        "properties", o(
            "rule", o("description", "The id of a rule of the base pack.", "$ref", DEFS + "id"),
            "reason", o("description", "Why the rule does not apply here, e.g. the compensating control; reports show"
                + " it.", "type", "string", "pattern", "\\S"))));
    defs.put("rule", rule());
    defs.put("ifAbsent", o("description", "Only in a rule's 'when': what the leaf counts as where its field (or the"
        + " field it is compared with) is absent, instead of UNKNOWN: true (holds) or false. In 'assert' it would let"
        + " missing data pass.", "type", "boolean"));
    defs.put("paramRef", o(
        "description", "The value of a pack parameter (its default, or the user's override).",
        "type", "object",
        "required", List.of("param"),
        "additionalProperties", false,
        "properties", o("param", o("description", "The parameter's name.", "$ref", DEFS + "id"))));
  }

  private static Map<String, Object> parameter() {
    List<Object> typed = new ArrayList<>();
    for (ParameterType type : ParameterType.values()) {
      typed.add(o("if", o("properties", o("type", o("const", type.wireName())), "required", List.of("type")),
          "then", o("properties", o(
              "default", defaultOf(type),
              "minimum", bound(type),
              "maximum", bound(type)))));
    }
    return o(
        "description", "A parameter: its type, its default, and what it tunes.",
        "type", "object",
        "required", List.of("default"),
        "additionalProperties", false,
        "properties", o(
            "type", o("description", "The parameter's type. An override of a base parameter may leave it out; if"
                + " given, it must be the base's.", "enum", ParameterType.wireNames()),
            "default", o("description", "The value used unless a user overrides it; it must fit every use of the"
                + " parameter."),
            "description", o("description", "What the parameter tunes; an override without one keeps the base's.",
                "$ref", DEFS + "text"),
            "minimum", o("description", "For integer, number and duration parameters: the smallest value the default"
                + " and every override may take. An override of a base parameter keeps the base's range."),
            "maximum", o("description", "For integer, number and duration parameters: the largest value the default"
                + " and every override may take.")),
        "allOf", typed);
  }

  private static Object defaultOf(ParameterType type) {
    return switch (type) {
      case STRING -> o("type", "string");
      case INTEGER -> o("type", "integer");
      case NUMBER -> o("type", "number");
      case BOOLEAN -> o("type", "boolean");
      case DURATION -> ref("duration");
      case DATE -> o("type", "string", "pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
      case LIST -> o("type", "array", "items", o("if", o("type", "number"), "else", o("type", "string")));
    };
  }

  /** The schema of a parameter's minimum and maximum: a value of its type where it has a range, else none. */
  private static Object bound(ParameterType type) {
    return switch (type) {
      case INTEGER, NUMBER -> o("type", "number");
      case DURATION -> ref("duration");
      default -> false;
    };
  }

  private Map<String, Object> rule() {
    List<Object> targets = new ArrayList<>();
    for (FactType target : FactType.values()) {
      targets.add(o(
          "if", o("properties", o("target", o("const", target.wireName())), "required", List.of("target")),
          "then", o("properties", o(
              "when", ref(conditionName(new Scope(target, Schemas.of(target), null, true), Mode.WHEN)),
              "assert", ref(conditionName(new Scope(target, Schemas.of(target), null, true), Mode.ASSERT))))));
    }
    return o(
        "description", "A rule: which facts it applies to and the condition a compliant fact satisfies. The field paths"
            + " of 'when' and 'assert' start at the target.",
        "type", "object",
        "required", List.of("id", "title", "category", "severity", "target", "assert"),
        "additionalProperties", false,
        "properties", o(
            "id", o("description", "The rule's id, unique in the pack (and different from every rule id of a base"
                + " pack), e.g. IDN-001.", "$ref", DEFS + "id"),
            "title", o("description", "A one-line summary a reviewer understands.", "$ref", DEFS + "text"),
            "rationale", o("description", "Why the rule matters.", "$ref", DEFS + "text"),
            "category", o("description", "The area of the guide the rule belongs to: one of the guide's nine, or a"
                + " category the pack (or its base) declares under metadata.categories.", "$ref", DEFS + "id",
                "examples", GUIDE_CATEGORIES),
            "severity", o("description", "How serious a violation is.", "enum", severities()),
            "target", o("description", "The type of fact the rule is evaluated for; field paths start there.",
                "enum", Arrays.stream(FactType.values()).map(FactType::wireName).toList()),
            "tags", o("description", "Free-form labels for selecting and grouping rules, e.g. [brownfield, quick-win].",
                "type", "array",
                "uniqueItems", true,
                "items", o("type", "string", "minLength", 1, "maxLength", 64, "pattern", "\\S")),
            "when", o("description", "Applicability: where it does not hold, the result is NOT_APPLICABLE. Its leaves"
                + " may say with 'ifAbsent' what an absent field counts as."),
            "assert", o("description", "The condition a compliant fact satisfies. 'ifAbsent' is refused here: it would"
                + " let missing data pass."),
            "message", o("description", "Shown for a FAIL; ${path} inserts a field of the target fact, e.g. \"Device"
                + " ${name} (${id}) ...\". Without one, the title is used.", "type", "string"),
            "remediation", o("description", "How to fix a violation.", "$ref", DEFS + "text"),
            "requirements", o("description", "Ids of the guide requirements the rule serves, e.g. [G11].",
                "$ref", DEFS + "texts"),
            "references", o("description", "Framework key to control ids, e.g. {etsi-en-303-645: [5.1-1]}.",
                "type", "object",
                "additionalProperties", ref("texts"))),
        "allOf", targets);
  }

  // ---- conditions ----

  private static String conditionName(Scope scope, Mode mode) {
    return "condition." + scope.name() + "." + mode.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The name of the definition of conditions in {@code scope}, generated once. */
  private String condition(Scope scope, Mode mode) {
    String name = conditionName(scope, mode);
    if (!defs.containsKey(name)) {
      defs.put(name, Map.of()); // reserved: conditions nest
      pending.add(() -> defs.put(name, conditionSchema(scope, mode, name)));
    }
    return name;
  }

  /**
   * A chain of if/then/else on the key that says what the condition is: the first combinator or
   * quantifier key present decides, else the condition is a leaf; each branch allows only the keys
   * that go with it.
   */
  private Map<String, Object> conditionSchema(Scope scope, Mode mode, String self) {
    List<String> keys = new ArrayList<>();
    List<Map<String, Object>> branches = new ArrayList<>();
    for (String combinator : COMBINATORS) {
      keys.add(combinator);
      branches.add(combination(combinator, self));
    }
    if (!quantifiable(scope).isEmpty()) {
      for (String quantifier : QUANTIFIERS) {
        keys.add(quantifier);
        branches.add(quantified(quantifier, scope, mode));
      }
    }
    Map<String, Object> chain = mode == Mode.WHEN ? ref(leaves(scope))
        : o("type", "object", "$ref", DEFS + leaves(scope), "properties", o("ifAbsent", false));
    for (int i = branches.size() - 1; i >= 0; i--) {
      chain = o("if", has(keys.get(i)), "then", branches.get(i), "else", chain);
    }
    Map<String, Object> schema = o(
        "description", scope.root
            ? "A condition on a " + scope.target.wireName() + ": one of all, any, not, a quantifier (anyOf, allOf,"
                + " noneOf with where) or a leaf (field and one operator)."
            : scope.schema != null
                ? "A condition on each element (a " + scope.schema.name() + "): paths start at the element."
                : "A condition on each plain element: a leaf without 'field' tests the element itself.",
        "type", "object");
    schema.putAll(chain);
    return schema;
  }

  /**
   * The leaves of a scope, for {@code when} and {@code assert} alike: a chain on the operator key
   * present, whose branch allows {@code field}, {@code ifAbsent} and that operator only.
   */
  private String leaves(Scope scope) {
    String name = "leaf." + scope.name();
    if (defs.containsKey(name)) {
      return name;
    }
    defs.put(name, Map.of());
    List<Operator> operators = operators(scope);
    Map<String, Object> chain = noOperator(scope, operators);
    for (int i = operators.size() - 1; i >= 0; i--) {
      chain = o("if", has(operators.get(i).wireName()), "then", ref(leaf(operators.get(i), scope)), "else", chain);
    }
    Map<String, Object> schema = o("type", "object");
    schema.putAll(chain);
    defs.put(name, schema);
    return name;
  }

  private static Map<String, Object> combination(String key, String self) {
    Object value = key.equals("not")
        ? o("description", "Holds when the condition does not.", "$ref", DEFS + self)
        : o("description", key.equals("all") ? "Holds when every condition holds." : "Holds when at least one holds.",
            "type", "array", "minItems", 1, "items", ref(self));
    return o("properties", o(key, value), "additionalProperties", false);
  }

  private Map<String, Object> quantified(String key, Scope scope, Mode mode) {
    Map<String, List<String>> byElements = new LinkedHashMap<>();
    Map<String, Scope> scopes = new LinkedHashMap<>();
    for (Entry list : quantifiable(scope)) {
      Scope elements = scope.elements(list.field());
      byElements.computeIfAbsent(elements.name(), k -> new ArrayList<>()).add(list.text());
      scopes.putIfAbsent(elements.name(), elements);
    }
    List<Object> wheres = new ArrayList<>();
    byElements.forEach((name, lists) -> wheres.add(o(
        "if", o("properties", o(key, o("enum", lists)), "required", List.of(key)),
        "then", o("properties", o("where", ref(condition(scopes.get(name), mode)))))));
    String holds = switch (key) {
      case "anyOf" -> "at least one element satisfies 'where'";
      case "allOf" -> "every element satisfies 'where' (an empty list does)";
      default -> "no element satisfies 'where' (an empty list does)";
    };
    return o(
        "properties", o(
            key, o("description", "A list field: holds when " + holds + ".", "$ref", DEFS + paths("lists", scope,
                () -> quantifiable(scope))),
            "where", o("description", "The condition each element is tested with; paths start at the element. For a"
                + " list of plain values, leave out 'field' to test the element itself.")),
        "required", List.of("where"),
        "additionalProperties", false,
        "allOf", wheres);
  }

  private static List<Entry> quantifiable(Scope scope) {
    return scope.schema == null ? List.of() : FieldPaths.quantifiable(scope.schema, scope.root);
  }

  /** The operators that apply to some field of the scope (to the element itself over plain values). */
  private static List<Operator> operators(Scope scope) {
    List<Field> fields = scope.schema == null ? List.of(Objects.requireNonNull(scope.element))
        : scope.tested().stream().map(Entry::field).toList();
    return Arrays.stream(Operator.values())
        .filter(operator -> scope.root || !operator.isFleetWide())
        .filter(operator -> fields.stream().anyMatch(field -> OperatorRules.check(operator, field) == null))
        .toList();
  }

  /**
   * The definition of a leaf with {@code operator} in {@code scope}, generated once and shared by
   * {@code when} and {@code assert} (which refuses its {@code ifAbsent}). Where the value depends on
   * the field's type, one {@code if} per type keyed on {@code field} says which value fits.
   */
  private String leaf(Operator operator, Scope scope) {
    String name = "leaf." + scope.name() + "." + operator.wireName();
    if (defs.containsKey(name)) {
      return name;
    }
    defs.put(name, Map.of());
    Map<String, Object> properties = new LinkedHashMap<>();
    List<Object> typed = new ArrayList<>();
    if (scope.schema != null) {
      properties.put("field", ref(operator.isFleetWide()
          ? paths("fleet", scope, () -> FieldPaths.comparableAcrossFacts(Objects.requireNonNull(scope.schema)))
          : paths("fields", scope, scope::tested)));
    }
    if (operator != Operator.EXISTS) {
      properties.put("ifAbsent", ref("ifAbsent"));
    }
    Map<String, Object> value = o("description", describe(operator));
    if (scope.schema == null) {
      value.putAll(operand(operator, scope, Objects.requireNonNull(scope.element)));
    } else if (dependsOnField(operator)) {
      Map<String, List<Entry>> byType = new LinkedHashMap<>();
      for (Entry entry : scope.tested()) {
        if (OperatorRules.check(operator, entry.field()) == null) {
          byType.computeIfAbsent(typeKey(entry.field()), k -> new ArrayList<>()).add(entry);
        }
      }
      byType.forEach((type, entries) -> typed.add(o(
          "if", o("properties", o("field", ref(typedPaths(scope, type, entries))), "required", List.of("field")),
          "then", o("properties", o(operator.wireName(), ref(typedValue(operator, scope, type, entries.get(0).field())))))));
    } else {
      value.putAll(operand(operator, scope, null));
    }
    properties.put(operator.wireName(), value);
    Map<String, Object> leaf = o("type", "object", "properties", properties, "additionalProperties", false);
    if (scope.schema != null) {
      leaf.put("required", List.of("field"));
    }
    if (!typed.isEmpty()) {
      leaf.put("allOf", typed);
    }
    defs.put(name, leaf);
    return name;
  }

  /** The value of a field-dependent operator for fields of one type, generated once per target. */
  private String typedValue(Operator operator, Scope scope, String type, Field field) {
    String shape = switch (operator) {
      case IN, NOT_IN -> "values";
      case CONTAINS -> field.kind() == FieldKind.LIST ? "value" : "text";
      default -> "value";
    };
    String name = shape + "." + scope.target.wireName() + "." + (operator == Operator.CONTAINS && field.kind() == FieldKind.LIST
        ? typeKey(Objects.requireNonNull(field.element())) : shape.equals("text") ? "string" : type);
    if (!defs.containsKey(name)) {
      defs.put(name, operand(operator, scope, field));
    }
    return name;
  }

  /** A name for the type of a field, the same for fields whose values are written alike. */
  private static String typeKey(Field field) {
    return switch (field.kind()) {
      case ENUM -> Objects.requireNonNull(field.enumType()).getSimpleName().toLowerCase(java.util.Locale.ROOT);
      case LIST -> "list." + typeKey(Objects.requireNonNull(field.element()));
      default -> field.kind().description().replace(' ', '-');
    };
  }

  /** The paths of a scope whose fields are of one type, e.g. every boolean field of a device. */
  private String typedPaths(Scope scope, String type, List<Entry> entries) {
    String name = "fields." + scope.name() + "." + type;
    defs.putIfAbsent(name, pathsSchema(entries));
    return name;
  }

  /** Whether the value an operator takes depends on the type of the field it tests. */
  private static boolean dependsOnField(Operator operator) {
    return switch (operator) {
      case EQUALS, NOT_EQUALS, IN, NOT_IN, GREATER_THAN, AT_LEAST, LESS_THAN, AT_MOST, CONTAINS -> true;
      default -> false;
    };
  }

  /** The value of {@code operator} on {@code field}: a literal, or a {param: NAME} (or {field: PATH} where one fits). */
  private Map<String, Object> operand(Operator operator, Scope scope, @Nullable Field field) {
    if (operator == Operator.UNIQUE_AMONG) {
      return ref(condition(new Scope(scope.target, Schemas.of(scope.target), null, true), Mode.WHEN));
    }
    Map<String, Object> literal = literal(operator, field);
    return o("if", o("type", "object"), "then", ref(acceptsFieldOperand(operator) ? operandName(scope) : "paramRef"),
        "else", literal);
  }

  private static boolean acceptsFieldOperand(Operator operator) {
    return switch (operator) {
      case EQUALS, NOT_EQUALS, GREATER_THAN, AT_LEAST, LESS_THAN, AT_MOST, IN, NOT_IN, VERSION_AT_LEAST, IN_CIDR,
          WITHIN_ANY, CONTAINS -> true;
      default -> false;
    };
  }

  /** {@code {param: NAME}} or {@code {field: PATH}} with a path of the rule's target fact, read at evaluation. */
  private String operandName(Scope scope) {
    String name = "operand." + scope.target.wireName();
    if (!defs.containsKey(name)) {
      defs.put(name, Map.of());
      String fields = paths("fields", new Scope(scope.target, Schemas.of(scope.target), null, true),
          () -> FieldPaths.tested(Schemas.of(scope.target), true));
      defs.put(name, o(
          "description", "{param: NAME}, a pack parameter; or {field: PATH}, another field of the rule's target fact"
              + " (also inside 'where'), read at evaluation.",
          "type", "object",
          "minProperties", 1,
          "maxProperties", 1,
          "additionalProperties", false,
          "properties", o(
              "param", o("description", "The parameter's name.", "$ref", DEFS + "id"),
              "field", o("description", "A field path from the rule's target fact.", "$ref", DEFS + fields))));
    }
    return name;
  }

  /** The literal an operator takes; for a field-dependent operator, of the field's type. */
  private static Map<String, Object> literal(Operator operator, @Nullable Field field) {
    return switch (operator) {
      case EXISTS, COVERS_ALL, REACHES_OTHER_DEVICES -> o("type", "boolean");
      case UNIQUE -> o("const", true);
      case EQUALS, NOT_EQUALS, GREATER_THAN, AT_LEAST, LESS_THAN, AT_MOST -> value(Objects.requireNonNull(field));
      case IN, NOT_IN -> o("type", "array", "minItems", 1, "items", value(Objects.requireNonNull(field)));
      case CONTAINS -> Objects.requireNonNull(field).kind() == FieldKind.LIST
          ? value(Objects.requireNonNull(field.element())) : o("type", "string");
      case MATCHES -> o("description", "An RE2 regular expression.", "type", "string");
      case VERSION_AT_LEAST -> o("type", "string", "pattern", "\\S");
      case OLDER_THAN, NEWER_THAN, WITHIN, BEYOND -> ref("duration");
      case IN_CIDR, WITHIN_ANY -> o(
          "if", o("type", "array"),
          "then", o("type", "array", "minItems", 1, "items", o("type", "string")),
          "else", o("type", "string"));
      case UNIQUE_AMONG -> throw new IllegalArgumentException("uniqueAmong takes a condition");
    };
  }

  /** A plain value of a field's type, as the loader converts it. */
  private static Map<String, Object> value(Field field) {
    return switch (field.kind()) {
      case BOOLEAN -> o("type", "boolean");
      case INTEGER -> o("type", "integer");
      case DECIMAL -> o("type", "number");
      case DATE, INSTANT -> o("type", "string", "pattern", DATE_OR_TIME);
      case ENUM -> o("enum", field.enumValues());
      case ANY -> textNumberOrBoolean();
      default -> o("type", "string");
    };
  }

  /** Text, a number or a boolean, without a union type (which Ajv's strict mode refuses). */
  private static Map<String, Object> textNumberOrBoolean() {
    return o("if", o("type", "number"), "else", o("if", o("type", "boolean"), "else", o("type", "string")));
  }

  /** The last branch: no key says what the leaf compares. */
  private static Map<String, Object> noOperator(Scope scope, List<Operator> operators) {
    List<String> leafKeys = scope.schema != null ? List.of("field", "ifAbsent") : List.of("ifAbsent");
    Map<String, Object> known = new LinkedHashMap<>();
    leafKeys.forEach(key -> known.put(key, true));
    String names = operators.stream().map(Operator::wireName).collect(Collectors.joining(", "));
    return o(
        "properties", known,
        "additionalProperties", false,
        "if", o("propertyNames", o("enum", leafKeys)),
        "then", o(
            "description", "A leaf needs an operator, one of: " + names + " (a validator reports it as a missing"
                + " property 'operator').",
            "properties", o("operator", false),
            "required", List.of("operator")));
  }

  // ---- paths ----

  /** The definition of the paths of one kind that a scope's conditions may write, generated once. */
  private String paths(String kind, Scope scope, Supplier<List<Entry>> entries) {
    String name = kind + "." + scope.name();
    if (!defs.containsKey(name)) {
      Map<String, Object> schema = pathsSchema(entries.get());
      schema.put("description", switch (kind) {
        case "lists" -> "A list field, as a path from " + (scope.root ? "the rule's target" : "the element") + ".";
        case "fleet" -> "A plain field of the target fact itself, compared with the other facts of its type.";
        default -> "A field path from " + (scope.root ? "the rule's target fact" : "the element")
            + ", e.g. credentials.certificate.keySize; attributes.KEY names a site-specific attribute.";
      });
      defs.put(name, schema);
    }
    return name;
  }

  /** The paths as an enumeration; the keys of map fields (attributes.KEY) as a pattern, keyed on the map's name. */
  private static Map<String, Object> pathsSchema(List<Entry> entries) {
    List<String> texts = entries.stream().map(Entry::text).toList();
    List<String> maps = entries.stream().filter(e -> e.field().kind() == FieldKind.MAP)
        .map(e -> e.text().replace(".", "\\.")).toList();
    if (maps.isEmpty()) {
      return o("type", "string", "enum", texts);
    }
    String prefix = "^(" + String.join("|", maps) + ")\\.";
    return o("type", "string",
        "if", o("pattern", prefix),
        "then", o("pattern", prefix + "[^.]+$"),
        "else", o("enum", texts));
  }

  // ---- helpers ----

  private static String describe(Operator operator) {
    return switch (operator) {
      case EQUALS -> "The field equals the value.";
      case NOT_EQUALS -> "The field does not equal the value.";
      case IN -> "The field is one of the values.";
      case NOT_IN -> "The field is none of the values.";
      case EXISTS -> "The field was (true) or was not (false) reported; never UNKNOWN.";
      case GREATER_THAN -> "A number, date or date-time is greater than the value.";
      case AT_LEAST -> "A number, date or date-time is at least the value.";
      case LESS_THAN -> "A number, date or date-time is less than the value.";
      case AT_MOST -> "A number, date or date-time is at most the value.";
      case MATCHES -> "An RE2 regular expression is found in the text (anchor with ^...$).";
      case CONTAINS -> "The text contains the value, or the list has it as an element.";
      case VERSION_AT_LEAST -> "A version compared segment-wise, as SemVer, is at least the value, e.g. \"2.4.1\":"
          + " build metadata (+build7) is ignored, pre-releases (-rc1) come before their release, vendor patch"
          + " suffixes (-p1, _r2) after it.";
      case OLDER_THAN -> "The date is more than the duration before now.";
      case NEWER_THAN -> "The date is less than the duration before now (or in the future).";
      case WITHIN -> "The date is within the duration of now, either side.";
      case BEYOND -> "The date is at least the duration after now (the day exactly that far ahead passes), e.g."
          + " beyond: P2Y for support ending two or more years out.";
      case IN_CIDR -> "The IP address or network lies in one of the networks; a {field: PATH} names a list of text"
          + " whose entries that are not networks are ignored.";
      case WITHIN_ANY -> "The address, network or host name is covered by an entry: by the networks, by the same host"
          + " name (case-insensitive, a trailing dot ignored), by a *.domain entry (names below the domain), or by *,"
          + " any or all.";
      case COVERS_ALL -> "A list of networks allows every destination (true) or not (false): the union of its networks"
          + " spans all of IPv4 or all of IPv6, or it has an entry *, any or all.";
      case REACHES_OTHER_DEVICES -> "An AWS IoT policy resource matches resources of other devices (true) or is"
          + " scoped to the device (false).";
      case UNIQUE -> "No other fact of the same type has the same value of this plain field of the target fact.";
      case UNIQUE_AMONG -> "No other fact of the same type that the condition selects has the same value of this"
          + " plain field, e.g. {field: credentials.fingerprint, uniqueAmong: {field: lifecycle.status, equals:"
          + " retired}}. The condition tests the other facts' own fields (no references, clock operators or unique)"
          + " and may use ifAbsent.";
    };
  }

  private static List<String> severities() {
    return Arrays.stream(Severity.values()).map(Severity::wireName).toList();
  }

  /** A schema that holds when the object has the key (declared beside it, as Ajv's strict mode asks). */
  private static Map<String, Object> has(String key) {
    return o("properties", o(key, true), "required", List.of(key));
  }

  private static Map<String, Object> ref(String definition) {
    return o("$ref", DEFS + definition);
  }

  /** An ordered map from alternating keys and values. */
  private static Map<String, Object> o(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
