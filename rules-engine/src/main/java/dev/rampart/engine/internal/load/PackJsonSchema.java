package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.schema.Field;
import dev.rampart.engine.value.ParameterType;
import dev.rampart.engine.value.Severity;
import dev.rampart.spi.fact.FactType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  static final String DEFS = "#/$defs/";
  private static final String DURATION = "^-?P(-?[0-9]+[YMWDymwd])*([Tt](-?[0-9]+([.,][0-9]+)?[HMShms])+)?$";
  // the guide's nine; a pack may declare more under metadata.categories, which a schema cannot list
  private static final List<String> GUIDE_CATEGORIES = List.of(
      "procurement", "identity", "segmentation", "patching", "monitoring", "interfaces", "data", "resilience", "operations");

  private final Map<String, Object> defs = new LinkedHashMap<>();
  private final ConditionSchemas conditions = new ConditionSchemas(defs);

  private PackJsonSchema() {}

  /** The schema as the text committed in docs/rule-pack.schema.json. */
  static String generate() {
    return JsonText.write(new PackJsonSchema().document());
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
    conditions.finish();
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
              "when", ref(ConditionSchemas.root(target, true)),
              "assert", ref(ConditionSchemas.root(target, false))))));
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

  private static List<String> severities() {
    return Arrays.stream(Severity.values()).map(Severity::wireName).toList();
  }

  /** A schema that holds when the object has the key (declared beside it, as Ajv's strict mode asks). */
  static Map<String, Object> has(String key) {
    return o("properties", o(key, true), "required", List.of(key));
  }

  static Map<String, Object> ref(String definition) {
    return o("$ref", DEFS + definition);
  }

  /** An ordered map from alternating keys and values. */
  static Map<String, Object> o(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
