package dev.rampart.oscal;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The guide's requirements G01..G44 as an OSCAL catalog: one group per category of the guide, one
 * control per requirement with its title and statement, and the crosswalk to ETSI EN 303 645,
 * NISTIR 8259A/B, IEC 62443-4-2 and the OWASP IoT Top 10 as properties and links. The requirements a
 * pack cites ({@code requirements: [G01]}) are its controls.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class GuideCatalog {

  /** Where the guide's data lives on the class path: beside the built-in pack that implements it. */
  static final String RESOURCE = "dev/rampart/packs/iot-baseline/guide.json";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private final Guide guide;

  private GuideCatalog(Guide guide) {
    this.guide = guide;
  }

  /**
   * The guide as rampart ships it.
   *
   * @throws IllegalStateException when rampart-rule-packs, which holds the guide's data, is not on the class path
   */
  public static GuideCatalog builtIn() {
    try (InputStream in = GuideCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the guide's requirements (" + RESOURCE + ") are not on the class path:"
            + " add rampart-rule-packs, which holds them, as a dependency");
      }
      return new GuideCatalog(MAPPER.readValue(in, Guide.class));
    } catch (IOException e) {
      throw new UncheckedIOException("the guide's requirements (" + RESOURCE + ") cannot be read", e);
    }
  }

  /** The requirement ids, {@code G01} to {@code G44}, in the guide's order. */
  public List<String> requirementIds() {
    return guide.requirements().stream().map(Requirement::id).toList();
  }

  /** The title of requirement {@code id}, e.g. {@code Hardware root of trust} for {@code G01}. */
  public Optional<String> title(String id) {
    return requirement(id).map(Requirement::title);
  }

  /** The catalog's title. */
  public String title() {
    return guide.title();
  }

  /** The catalog's version. */
  public String version() {
    return guide.version();
  }

  /** Writes the catalog as OSCAL 1.1.2 JSON. */
  public void write(Writer out) throws IOException {
    try (JsonGenerator json = OscalJson.generator(out)) {
      json.writeStartObject();
      json.writeObjectFieldStart("catalog");
      OscalJson.uuid(json, StableUuids.of("catalog", "guide", guide.version()));
      OscalJson.startMetadata(json, guide.title(), Instant.parse(guide.lastModified()), guide.version());
      json.writeStringField("remarks", guide.remarks());
      json.writeEndObject();
      json.writeArrayFieldStart("groups");
      for (Category category : guide.categories()) {
        writeGroup(json, category);
      }
      json.writeEndArray();
      json.writeObjectFieldStart("back-matter");
      json.writeArrayFieldStart("resources");
      for (Framework framework : guide.frameworks()) {
        OscalJson.resource(json, frameworkResource(framework.key()), framework.title() + ", " + framework.edition(),
            "The edition of " + framework.title() + " whose ids the crosswalk properties named "
                + framework.key() + " cite.",
            framework.url(), null);
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndObject();
    }
    out.write("\n");
  }

  /** The back-matter resource of a crosswalk framework; component definitions use the same uuid for it. */
  static java.util.UUID frameworkResource(String key) {
    return StableUuids.of("framework", key);
  }

  /** Where the crosswalk's framework {@code key} (as packs cite it) can be read, if the guide names it. */
  Optional<String> frameworkUrl(String key) {
    return guide.frameworks().stream().filter(f -> f.key().equals(key)).findFirst().map(Framework::url);
  }

  Optional<Requirement> requirement(String id) {
    return guide.requirements().stream().filter(r -> r.id().equals(id)).findFirst();
  }

  private void writeGroup(JsonGenerator json, Category category) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", OscalIds.token(category.id()));
    json.writeStringField("class", "category");
    json.writeStringField("title", category.title());
    json.writeArrayFieldStart("parts");
    json.writeStartObject();
    json.writeStringField("id", OscalIds.token(category.id()) + "_ovw");
    json.writeStringField("name", "overview");
    json.writeStringField("prose", category.description());
    json.writeEndObject();
    json.writeEndArray();
    json.writeArrayFieldStart("controls");
    for (Requirement requirement : guide.requirements()) {
      if (requirement.category().equals(category.id())) {
        writeControl(json, requirement);
      }
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private void writeControl(JsonGenerator json, Requirement requirement) throws IOException {
    String id = OscalIds.token(requirement.id());
    json.writeStartObject();
    json.writeStringField("id", id);
    json.writeStringField("class", "requirement");
    json.writeStringField("title", requirement.title());
    json.writeArrayFieldStart("props");
    OscalJson.oscalProp(json, "label", requirement.id());
    OscalJson.oscalProp(json, "sort-id", id);
    for (Map.Entry<String, List<String>> cited : requirement.crosswalk().entrySet()) {
      for (String control : cited.getValue()) {
        OscalJson.prop(json, cited.getKey(), control);
      }
    }
    json.writeEndArray();
    if (!requirement.crosswalk().isEmpty()) {
      json.writeArrayFieldStart("links");
      for (String key : requirement.crosswalk().keySet()) {
        json.writeStartObject();
        json.writeStringField("href", "#" + frameworkResource(key));
        json.writeStringField("rel", "reference");
        json.writeStringField("text", key + ": " + String.join(", ", requirement.crosswalk().get(key)));
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeArrayFieldStart("parts");
    json.writeStartObject();
    json.writeStringField("id", id + "_smt");
    json.writeStringField("name", "statement");
    json.writeStringField("prose", requirement.statement());
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
  }

  /** The guide's data as guide.json holds it. */
  record Guide(String title, String version, String lastModified, String remarks, List<Category> categories,
      List<Framework> frameworks, List<Requirement> requirements) {

    Guide {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(lastModified, "lastModified");
      Objects.requireNonNull(remarks, "remarks");
      categories = List.copyOf(categories);
      frameworks = List.copyOf(frameworks);
      requirements = List.copyOf(requirements);
    }
  }

  /** A category of the guide, e.g. {@code procurement}. */
  record Category(String id, String title, String description) {}

  /** A framework the crosswalk cites, keyed as packs cite it. */
  record Framework(String key, String title, String edition, @Nullable String url) {}

  /** One requirement: its id, category, title, statement and crosswalk (framework key to control ids). */
  record Requirement(String id, String category, String title, String statement,
      @Nullable Map<String, List<String>> crosswalk) {

    Requirement {
      Objects.requireNonNull(id, "id");
      crosswalk = crosswalk == null ? Map.of() : copy(crosswalk);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> crosswalk) {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      crosswalk.forEach((key, ids) -> copy.put(key, List.copyOf(ids)));
      return java.util.Collections.unmodifiableMap(copy);
    }
  }
}
