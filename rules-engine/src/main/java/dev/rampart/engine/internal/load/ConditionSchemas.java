package dev.rampart.engine.internal.load;

import static dev.rampart.engine.internal.load.PackJsonSchema.DEFS;
import static dev.rampart.engine.internal.load.PackJsonSchema.has;
import static dev.rampart.engine.internal.load.PackJsonSchema.o;
import static dev.rampart.engine.internal.load.PackJsonSchema.ref;

import dev.rampart.engine.internal.ast.Operator;
import dev.rampart.engine.internal.schema.Field;
import dev.rampart.engine.internal.schema.FieldKind;
import dev.rampart.engine.internal.schema.FieldPaths;
import dev.rampart.engine.internal.schema.FieldPaths.Entry;
import dev.rampart.engine.internal.schema.Schemas;
import dev.rampart.engine.internal.schema.TypeSchema;
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
 * The conditions part of the pack JSON Schema ({@link PackJsonSchema}): for each rule target and each
 * quantifier scope, the definitions of its conditions, leaves, field paths and typed values, added to
 * the schema's {@code $defs} as they are first referred to.
 */
final class ConditionSchemas {

  private static final String DATE_OR_TIME = "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt].+)?$";
  private static final List<String> COMBINATORS = List.of("all", "any", "not");
  private static final List<String> QUANTIFIERS = List.of("anyOf", "allOf", "noneOf");

  private final Map<String, Object> defs;
  private final Deque<Runnable> pending = new ArrayDeque<>();

  ConditionSchemas(Map<String, Object> defs) {
    this.defs = defs;
  }

  /** The name of the definition of a rule's {@code when} ({@code when} true) or {@code assert} on a target. */
  static String root(FactType target, boolean when) {
    return conditionName(new Scope(target, Schemas.of(target), null, true), when ? Mode.WHEN : Mode.ASSERT);
  }

  /** Generates the conditions of every rule target, and every definition they refer to. */
  void finish() {
    for (FactType target : FactType.values()) {
      for (Mode mode : Mode.values()) {
        condition(new Scope(target, Schemas.of(target), null, true), mode);
      }
    }
    while (!pending.isEmpty()) {
      pending.removeFirst().run();
    }
  }

  /** Which part of a rule a condition stands in: {@code when} (and the condition of {@code uniqueAmong}) allows {@code ifAbsent}. */
  private enum Mode {
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
}
