package dev.rampart.oscal;

import gov.nist.secauto.metaschema.model.common.constraint.IConstraint;
import gov.nist.secauto.metaschema.model.common.validation.IValidationFinding;
import gov.nist.secauto.metaschema.model.common.validation.IValidationResult;
import gov.nist.secauto.metaschema.model.common.validation.JsonSchemaContentValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.nist.secauto.oscal.lib.OscalBindingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * Validates an OSCAL 1.1.2 JSON document with NIST's liboscal-java: first against the model's JSON
 * Schema as the library ships it ({@code schema/json/oscal-*_schema.json}), then, when the shape is
 * right, by loading it with the library's bindings and checking the Metaschema constraints (allowed
 * values, references between parts, uniqueness) that a JSON Schema cannot express.
 */
public final class OscalValidation {

  /** The OSCAL models Rampart writes, each with the schema the library ships for it. */
  public enum OscalModel {
    ASSESSMENT_RESULTS("oscal-ar"),
    COMPONENT_DEFINITION("oscal-component-definition"),
    CATALOG("oscal-catalog");

    private final String schemaName;

    OscalModel(String schemaName) {
      this.schemaName = schemaName;
    }
  }

  private static final URI DOCUMENT = URI.create("file:/oscal-under-test.json");
  private static final Map<OscalModel, JsonSchemaContentValidator> SCHEMAS = new EnumMap<>(OscalModel.class);

  private OscalValidation() {}

  /**
   * Every problem of {@code json} as an OSCAL document of {@code model}, one line each with the
   * place in the document; empty when it is valid.
   */
  public static List<String> problems(String json, OscalModel model) {
    JSONObject document;
    try {
      document = new JSONObject(json);
    } catch (JSONException e) {
      return List.of("not JSON: " + e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    collect(schema(model).validate(document, DOCUMENT), "schema", problems);
    if (problems.isEmpty()) {
      collect(constraints(json), "constraint", problems);
    }
    return List.copyOf(problems);
  }

  /**
   * Every reference by UUID in {@code json} ({@code subject-uuid}, {@code observation-uuid}, {@code
   * party-uuids}, a {@code #uuid} href, ...) that names nothing the document itself defines, one line
   * each with its path; empty when the document is self-contained. liboscal-java 3.0.3 checks few of
   * these, since OSCAL allows them to point into imported documents; Rampart's documents import none.
   */
  public static List<String> danglingReferences(String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      return List.of("not JSON: " + e.getMessage());
    }
    Set<String> defined = new HashSet<>();
    root.findValues("uuid").forEach(uuid -> defined.add(uuid.asText()));
    List<String> dangling = new ArrayList<>();
    references(root, "", defined, dangling);
    return List.copyOf(dangling);
  }

  private static void references(JsonNode node, String path, Set<String> defined, List<String> dangling) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        references(node.get(i), path + "[" + i + "]", defined, dangling);
      }
      return;
    }
    node.fields().forEachRemaining(field -> {
      String name = field.getKey();
      String place = path.isEmpty() ? name : path + "." + name;
      JsonNode value = field.getValue();
      if (name.endsWith("-uuid") && value.isTextual()) {
        check(value.asText(), place, defined, dangling);
      } else if (name.endsWith("-uuids") && value.isArray()) {
        value.forEach(uuid -> check(uuid.asText(), place, defined, dangling));
      } else if (name.equals("href") && value.asText().startsWith("#")) {
        check(value.asText().substring(1), place, defined, dangling);
      } else if (value.isContainerNode()) {
        references(value, place, defined, dangling);
      }
    });
  }

  private static void check(String uuid, String place, Set<String> defined, List<String> dangling) {
    if (!defined.contains(uuid)) {
      dangling.add(place + ": " + uuid + " names nothing in the document");
    }
  }

  private static IValidationResult constraints(String json) {
    // the library's loader reads the document from its URL itself, so it is given a file of its own
    Path file = null;
    try {
      file = Files.createTempFile("oscal-under-test", ".json");
      Files.writeString(file, json, StandardCharsets.UTF_8);
      return OscalBindingContext.instance().validateWithConstraints(file);
    } catch (RuntimeException e) {
      // liboscal-java 3.0.3 fails this way on some dangling references (a link to a missing back-matter resource)
      return failed(e);
    } catch (IOException e) {
      throw new UncheckedIOException("liboscal-java could not load a document its schema accepts", e);
    } finally {
      if (file != null) {
        file.toFile().delete();
      }
    }
  }

  private static IValidationResult failed(RuntimeException e) {
    IValidationFinding finding = new IValidationFinding() {
      @Override
      public IConstraint.Level getSeverity() {
        return IConstraint.Level.ERROR;
      }

      @Override
      public URI getDocumentUri() {
        return DOCUMENT;
      }

      @Override
      public CharSequence getMessage() {
        return "liboscal-java could not check the constraints (" + e + "): often a reference to nothing";
      }

      @Override
      public Throwable getCause() {
        return e;
      }
    };
    return new IValidationResult() {
      @Override
      public IConstraint.Level getHighestSeverity() {
        return IConstraint.Level.ERROR;
      }

      @Override
      public List<? extends IValidationFinding> getFindings() {
        return List.of(finding);
      }
    };
  }

  private static void collect(IValidationResult result, String kind, List<String> problems) {
    for (IValidationFinding finding : result.getFindings()) {
      if (finding.getSeverity().ordinal() >= IConstraint.Level.WARNING.ordinal()) {
        problems.add(kind + " " + finding.getSeverity() + ": " + finding.getMessage());
      }
    }
  }

  private static synchronized JsonSchemaContentValidator schema(OscalModel model) {
    return SCHEMAS.computeIfAbsent(model, m -> {
      String resource = "/schema/json/" + m.schemaName + "_schema.json";
      try (InputStream in = OscalBindingContext.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("liboscal-java has no " + resource + " on the class path");
        }
        return new JsonSchemaContentValidator(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
