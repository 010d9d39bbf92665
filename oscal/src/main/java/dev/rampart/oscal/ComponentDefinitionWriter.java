package dev.rampart.oscal;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rampart.engine.Parameter;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.value.DisabledRule;
import dev.rampart.engine.value.Framework;
import dev.rampart.engine.value.Rule;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Writes a rule pack as an OSCAL 1.1.2 component definition: the pack is one component, with one
 * control implementation per framework its rules cite (the guide's catalog for their {@code
 * requirements}, then each framework of their {@code references}), each cited control an implemented
 * requirement, and each rule that cites it a statement naming the rule's id, title, severity and
 * target, with the values of the pack's parameters the rule uses as set-parameters. Every uuid is
 * derived from the pack, framework, control and rule ids, so two runs write the same bytes.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ComponentDefinitionWriter {

  /** The key of the guide's requirements among the frameworks, as the component definition names its source. */
  static final String GUIDE = "guide";

  /**
   * Frameworks with an official OSCAL catalog, by the key packs cite them with: the control
   * implementation's source points at that catalog, and the control ids map onto its ids.
   */
  private static final Map<String, String> OFFICIAL_CATALOGS = Map.of(
      "nist-sp-800-53",
      "https://raw.githubusercontent.com/usnistgov/oscal-content/main/nist.gov/SP800-53/rev5/json/"
          + "NIST_SP-800-53_rev5_catalog.json");

  private static final String CATALOG_MEDIA_TYPE = "application/oscal.catalog+json";

  private ComponentDefinitionWriter() {}

  /**
   * Writes {@code pack} as an OSCAL component definition.
   *
   * @param guide the catalog the rules' requirements resolve against
   * @param lastModified when the pack last changed, the document's {@code last-modified}
   * @throws IllegalArgumentException when two control ids a framework of the pack cites become the same OSCAL id
   */
  public static void write(RulePack pack, GuideCatalog guide, Instant lastModified, Writer out) throws IOException {
    List<Source> sources = sources(pack, guide);
    try (JsonGenerator json = OscalJson.generator(out)) {
      json.writeStartObject();
      json.writeObjectFieldStart("component-definition");
      OscalJson.uuid(json, StableUuids.of("component-definition", pack.id(), pack.version()));
      OscalJson.startMetadata(json, pack.title(), lastModified, pack.version());
      json.writeStringField("remarks", "The rule pack " + pack.id() + " " + pack.version()
          + " as an OSCAL component definition, written by `rampart rules --format oscal`.");
      json.writeEndObject();
      json.writeArrayFieldStart("components");
      writeComponent(json, pack, sources);
      json.writeEndArray();
      json.writeObjectFieldStart("back-matter");
      json.writeArrayFieldStart("resources");
      for (Source source : sources) {
        OscalJson.resource(json, source.resource(), source.title(), source.description(), source.href(),
            source.mediaType());
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndObject();
    }
    out.write("\n");
  }

  private static void writeComponent(JsonGenerator json, RulePack pack, List<Source> sources) throws IOException {
    json.writeStartObject();
    OscalJson.uuid(json, StableUuids.of("component", pack.id()));
    json.writeStringField("type", "policy");
    json.writeStringField("title", pack.title());
    json.writeStringField("description", pack.description().isBlank() ? pack.title() : pack.description().strip());
    json.writeArrayFieldStart("props");
    OscalJson.prop(json, "pack-id", pack.id());
    OscalJson.prop(json, "pack-version", pack.version());
    if (pack.base().isPresent()) {
      String base = pack.base().get();
      int at = base.lastIndexOf('@');
      OscalJson.prop(json, "base-pack", at < 0 ? base : base.substring(0, at));
      if (at >= 0) {
        OscalJson.prop(json, "base-pack-version", base.substring(at + 1));
      }
    }
    OscalJson.prop(json, "rule-count", Integer.toString(pack.rules().size()));
    for (DisabledRule disabled : pack.disabledRules()) {
      OscalJson.prop(json, "disabled-rule", disabled.ruleId(), disabled.title() + ": " + disabled.reason());
    }
    json.writeEndArray();
    json.writeArrayFieldStart("control-implementations");
    for (Source source : sources) {
      writeControlImplementation(json, pack, source);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeControlImplementation(JsonGenerator json, RulePack pack, Source source) throws IOException {
    json.writeStartObject();
    OscalJson.uuid(json, StableUuids.of("control-implementation", pack.id(), source.key()));
    json.writeStringField("source", "#" + source.resource());
    json.writeStringField("description", "The rules of " + pack.id() + " that check controls of " + source.title()
        + ", one statement per rule under each control it cites.");
    json.writeArrayFieldStart("props");
    OscalJson.prop(json, "framework", source.key());
    json.writeEndArray();
    json.writeArrayFieldStart("implemented-requirements");
    for (Map.Entry<String, List<Rule>> control : source.controls().entrySet()) {
      writeImplementedRequirement(json, pack, source, control.getKey(), control.getValue());
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeImplementedRequirement(JsonGenerator json, RulePack pack, Source source, String control,
      List<Rule> rules) throws IOException {
    String controlId = OscalIds.token(control);
    json.writeStartObject();
    OscalJson.uuid(json, StableUuids.of("implemented-requirement", pack.id(), source.key(), control));
    json.writeStringField("control-id", controlId);
    String what = source.describe().apply(control);
    json.writeStringField("description", control + (what == null ? "" : " (" + what + ")") + " is checked by "
        + (rules.size() == 1 ? "rule " : "rules ") + String.join(", ", rules.stream().map(Rule::id).toList()) + ".");
    json.writeArrayFieldStart("props");
    OscalJson.prop(json, "cited-as", control);
    json.writeEndArray();
    Set<Parameter> parameters = new LinkedHashSet<>();
    rules.forEach(rule -> parameters.addAll(pack.parametersUsedBy(rule.id())));
    if (!parameters.isEmpty()) {
      json.writeArrayFieldStart("set-parameters");
      for (Parameter parameter : parameters.stream().sorted(Comparator.comparing(Parameter::name)).toList()) {
        json.writeStartObject();
        json.writeStringField("param-id", OscalIds.parameterToken(parameter.name()));
        json.writeArrayFieldStart("values");
        json.writeString(parameter.defaultValue());
        json.writeEndArray();
        json.writeStringField("remarks", "The pack's parameter " + parameter.name() + " (" + parameter.type().wireName()
            + (parameter.description().isBlank() ? "" : ": " + parameter.description().strip()) + "), used by "
            + String.join(", ", rules.stream().filter(r -> pack.parametersUsedBy(r.id()).contains(parameter))
                .map(Rule::id).toList())
            + "; override it with --param " + parameter.name() + "=VALUE.");
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeArrayFieldStart("statements");
    for (Rule rule : rules) {
      json.writeStartObject();
      json.writeStringField("statement-id", controlId + "_smt." + rule.id());
      OscalJson.uuid(json, StableUuids.of("statement", pack.id(), source.key(), control, rule.id()));
      json.writeStringField("description", "Rule " + rule.id() + " (severity " + rule.severity().wireName()
          + ", checks each " + rule.target().wireName() + "): " + rule.title()
          + (rule.rationale().isBlank() ? "" : "\n\n" + rule.rationale().strip()));
      json.writeArrayFieldStart("props");
      OscalJson.prop(json, "rule-id", rule.id());
      OscalJson.prop(json, "severity", rule.severity().wireName());
      OscalJson.prop(json, "target", rule.target().wireName());
      OscalJson.prop(json, "category", rule.category().wireName());
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** The frameworks the pack's rules cite, the guide first, each with its cited controls and their rules. */
  private static List<Source> sources(RulePack pack, GuideCatalog guide) {
    List<Source> sources = new ArrayList<>();
    Map<String, List<Rule>> requirements = new LinkedHashMap<>();
    pack.rules().forEach(rule -> rule.requirements().forEach(
        id -> requirements.computeIfAbsent(id, k -> new ArrayList<>()).add(rule)));
    if (!requirements.isEmpty()) {
      sources.add(new Source(GUIDE, guide.title() + " (requirements G01..G44)",
          "Rampart's catalog of the guide's requirements, version " + guide.version()
              + ": printed by `rampart rules --format oscal-catalog`, and docs/oscal/guide-catalog.json in Rampart's"
              + " sources.",
          "guide-catalog.json", CATALOG_MEDIA_TYPE, StableUuids.of("catalog-resource", GUIDE),
          ordered(pack, GUIDE, requirements, guide.requirementIds()), id -> guide.title(id).orElse(null)));
    }
    Map<String, Map<String, List<Rule>>> cited = new LinkedHashMap<>();
    pack.frameworks().forEach(framework -> cited.put(framework.key(), new LinkedHashMap<>()));
    for (Rule rule : pack.rules()) {
      rule.references().forEach((key, controls) -> controls.forEach(control -> cited
          .computeIfAbsent(key, k -> new LinkedHashMap<>())
          .computeIfAbsent(control, k -> new ArrayList<>()).add(rule)));
    }
    cited.forEach((key, controls) -> {
      if (controls.isEmpty()) {
        return;
      }
      Framework framework = pack.framework(key).orElse(null);
      String official = OFFICIAL_CATALOGS.get(key);
      String title = framework == null ? key : framework.title() + ", " + framework.edition();
      String description = official != null
          ? "NIST's official OSCAL catalog of " + title + ": the control ids are its own."
          : title + " has no official OSCAL catalog: the control ids are the framework's own, made OSCAL tokens"
              + " as docs/oscal.md#component-definition-and-catalog describes, and the link is to the framework's text.";
      String href = location(key, official, framework, guide);
      sources.add(new Source(key, title, description, href,
          official != null ? CATALOG_MEDIA_TYPE : href.endsWith(".pdf") ? "application/pdf" : null,
          GuideCatalog.frameworkResource(key),
          ordered(pack, key, controls, framework == null ? List.of() : List.copyOf(framework.controls().keySet())),
          control -> framework == null ? null : framework.control(control).orElse(null)));
    });
    return sources;
  }

  /**
   * Where a framework can be read: its official OSCAL catalog, else the url the pack or the guide
   * gives, else a URN that names the framework without claiming a place (OSCAL requires a link).
   */
  private static String location(String key, @Nullable String official, @Nullable Framework framework,
      GuideCatalog guide) {
    if (official != null) {
      return official;
    }
    if (framework != null && framework.url() != null) {
      return framework.url();
    }
    return guide.frameworkUrl(key).orElse("urn:rampart:framework:" + key);
  }

  /**
   * The controls in the order their framework declares them, undeclared ones after in the order the
   * rules cite them; refuses two controls that become the same OSCAL id.
   */
  private static Map<String, List<Rule>> ordered(RulePack pack, String key, Map<String, List<Rule>> controls,
      List<String> declared) {
    Map<String, String> byToken = new HashMap<>();
    for (String control : controls.keySet()) {
      String other = byToken.putIfAbsent(OscalIds.token(control), control);
      if (other != null) {
        throw new IllegalArgumentException("pack " + pack.id() + " cites controls '" + other + "' and '" + control
            + "' of " + key + ", which are both the OSCAL control id '" + OscalIds.token(control)
            + "': OSCAL ids ignore case and punctuation, so cite one spelling of each control");
      }
    }
    Map<String, List<Rule>> ordered = new LinkedHashMap<>();
    declared.stream().filter(controls::containsKey).forEach(control -> ordered.put(control, controls.get(control)));
    controls.forEach(ordered::putIfAbsent);
    return ordered;
  }

  /**
   * A framework the component definition cites, as a back-matter resource.
   *
   * @param describe what a control requires, or null when the pack does not say
   */
  private record Source(String key, String title, String description, String href, @Nullable String mediaType,
      UUID resource,
      Map<String, List<Rule>> controls, Function<String, @Nullable String> describe) {}
}
