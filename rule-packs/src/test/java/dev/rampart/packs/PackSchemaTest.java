package dev.rampart.packs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.PackLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/rule-pack.schema.json, the JSON Schema editors use for packs: it is a valid Draft 2020-12
 * schema, it accepts every pack in the repository that the engine accepts, and it rejects the
 * mistakes an editor should underline.
 */
class PackSchemaTest {

  private static final Path SCHEMA = Path.of("../docs/rule-pack.schema.json");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(SCHEMA.toFile()));
  }

  @Test
  void isAValidDraft202012Schema() throws IOException {
    JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(SchemaLocation.of(SchemaId.V202012));

    assertEquals(List.of(), messages(metaSchema.validate(JSON.readTree(SCHEMA.toFile()))));
  }

  @Test
  void acceptsEveryPackInTheRepositoryThatTheEngineAccepts() throws IOException {
    List<Path> packs = new ArrayList<>();
    packs.addAll(yamlFiles(Path.of("src/main/resources")));
    packs.addAll(yamlFiles(Path.of("../examples")));
    packs.addAll(yamlFiles(Path.of("../rules-engine/src/test/resources")));

    Map<String, List<String>> rejected = new TreeMap<>();
    List<Path> checked = new ArrayList<>();
    for (Path pack : packs) {
      if (!isRulePack(pack) || !loads(pack)) {
        continue;
      }
      checked.add(pack);
      List<String> messages = messages(schema.validate(YAML.readTree(pack.toFile())));
      if (!messages.isEmpty()) {
        rejected.put(pack.toString(), messages);
      }
    }
    assertEquals(Map.of(), rejected);
    assertTrue(checked.contains(Path.of("src/main/resources/dev/rampart/packs/iot-baseline/pack.yaml")), checked.toString());
    assertTrue(checked.contains(Path.of("../examples/tailored-pack.yaml")), checked.toString());
    assertTrue(checked.contains(Path.of("../rules-engine/src/test/resources/dev/rampart/engine/load/tailoring/middle.yaml")),
        checked.toString());
  }

  @Test
  void rejectsAnUnknownKeyInARule() throws IOException {
    assertTrue(messages(schema.validate(YAML.readTree(PACK.replace("severity: high", "severity: high\n    severty: high"))))
        .stream().anyMatch(m -> m.contains("severty")));
  }

  @Test
  void rejectsASeverityThatIsNotOneOfTheFive() throws IOException {
    assertTrue(messages(schema.validate(YAML.readTree(PACK.replace("severity: high", "severity: severe"))))
        .stream().anyMatch(m -> m.contains("$.rules[0].severity")));
  }

  @Test
  void rejectsAConditionWithTwoOperatorsOrTwoForms() throws IOException {
    assertEquals(List.of(), messages(schema.validate(YAML.readTree(PACK))));
    assertTrue(messages(schema.validate(YAML.readTree(PACK.replace("equals: false}", "equals: false, exists: true}"))))
        .stream().anyMatch(m -> m.contains("$.rules[0].assert")));
    assertTrue(messages(schema.validate(YAML.readTree(PACK.replace("{field: credentials.defaultPassword, equals: false}",
            "{not: {field: owner, exists: true}, all: [{field: owner, exists: true}]}"))))
        .stream().anyMatch(m -> m.contains("$.rules[0].assert")));
  }

  @Test
  void acceptsIfAbsentInWhenAndRejectsItInAssert() throws IOException {
    String guarded = PACK.replace("target: device\n", "target: device\n    when: {all: [{field: lifecycle.status,"
        + " notEquals: retired, ifAbsent: true}]}\n");
    assertEquals(List.of(), messages(schema.validate(YAML.readTree(guarded))));
    assertTrue(messages(schema.validate(YAML.readTree(PACK.replace("equals: false}", "equals: false, ifAbsent: true}"))))
        .stream().anyMatch(m -> m.contains("$.rules[0].assert")));
    assertTrue(messages(schema.validate(YAML.readTree(PACK.replace("{field: credentials.defaultPassword, equals: false}",
            "{noneOf: services, where: {not: {field: port, equals: 23, ifAbsent: false}}}"))))
        .stream().anyMatch(m -> m.contains("$.rules[0].assert")));
  }

  @Test
  void rejectsDisablingWithoutAReasonOrWithoutABase() throws IOException {
    String tailored = PACK.replace("rules:", """
        extends: iot-baseline
        disable:
          - rule: IDN-006
        rules:""");
    assertTrue(messages(schema.validate(YAML.readTree(tailored))).stream().anyMatch(m -> m.contains("reason")));
    assertTrue(messages(schema.validate(YAML.readTree(tailored.replace("extends: iot-baseline\n", ""))))
        .stream().anyMatch(m -> m.contains("extends")));
  }

  @Test
  void acceptsFrameworksAndASeverityRubricAndRejectsAFrameworkWithoutEditionOrAnUnknownSeverity() throws IOException {
    String declared = PACK.replace("metadata: {id: test, version: \"1.0\", title: Test pack}", """
        metadata:
          id: test
          version: "1.0"
          title: Test pack
          frameworks:
            etsi-en-303-645:
              title: ETSI EN 303 645
              edition: V2.1.1 (2020-06)
              url: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/02.01.01_60/en_303645v020101p.pdf
              controls: {5.1-1: no universal default passwords}
              notCovered: {5.1-4: not a fact of the inventory}
          severities: {high: a weakness a skilled attacker exploits}""");
    assertEquals(List.of(), messages(schema.validate(YAML.readTree(declared))));
    assertTrue(messages(schema.validate(YAML.readTree(declared.replace("edition: V2.1.1 (2020-06)", "editon: V2.1.1"))))
        .stream().anyMatch(m -> m.contains("edition")), "a framework needs an edition");
    assertTrue(messages(schema.validate(YAML.readTree(declared.replace("url: https://", "url: "))))
        .stream().anyMatch(m -> m.contains("url")), "a url is an http or https address");
    assertTrue(messages(schema.validate(YAML.readTree(declared.replace("{high: a weakness", "{severe: a weakness"))))
        .stream().anyMatch(m -> m.contains("severities")), "a rubric defines severities");
  }

  @Test
  void acceptsOwnerContactDeclaredCategoriesAndTagsAndRejectsADuplicateTag() throws IOException {
    String open = PACK.replace("metadata: {id: test, version: \"1.0\", title: Test pack}", """
        metadata:
          id: test
          version: "1.0"
          title: Test pack
          owner: IoT platform security
          contact: iot-security@acme.example
          categories:
            governance: {title: Governance and risk, description: who answers for a device}""")
        .replace("category: identity", "category: governance\n    tags: [passwords, pci-dss]");
    assertEquals(List.of(), messages(schema.validate(YAML.readTree(open))));
    assertTrue(messages(schema.validate(YAML.readTree(open.replace("[passwords, pci-dss]", "[passwords, passwords]"))))
        .stream().anyMatch(m -> m.contains("tags")), "a tag is given once");
  }

  private static final String PACK = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata: {id: test, version: "1.0", title: Test pack}
      rules:
        - id: R1
          title: No default password
          category: identity
          severity: high
          target: device
          assert: {field: credentials.defaultPassword, equals: false}
      """;

  private static List<Path> yamlFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static boolean isRulePack(Path file) throws IOException {
    return Files.readAllLines(file).stream().anyMatch(line -> line.strip().equals("kind: RulePack"));
  }

  /** Test resources include packs with deliberate mistakes; the schema need only accept the valid ones. */
  private static boolean loads(Path pack) {
    try {
      RulePacks.load(pack);
      return true;
    } catch (PackLoadException e) {
      return false;
    }
  }

  private static List<String> messages(java.util.Set<ValidationMessage> messages) {
    return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}
