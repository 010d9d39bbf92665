package dev.rampart.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The OASIS SARIF 2.1.0 schema in {@code src/test/resources/schemas} (see the README there), as a validator. */
final class SarifSchema {

  private static final Path SCHEMA = Path.of("src/test/resources/schemas/sarif-schema-2.1.0.json");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema VALIDATOR = load();

  private SarifSchema() {}

  /** What the schema finds wrong with a SARIF log, one line each; empty when it is valid. */
  static List<String> problems(String log) {
    try {
      JsonNode node = JSON.readTree(log);
      return VALIDATOR.validate(node).stream().map(ValidationMessage::toString).sorted().toList();
    } catch (IOException e) {
      return List.of("not JSON: " + e.getMessage());
    }
  }

  static JsonNode parse(String log) {
    try {
      return JSON.readTree(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonSchema load() {
    // formats (uri, uri-reference, date-time) are checked too, not only the structure
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    try (InputStream in = Files.newInputStream(SCHEMA)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SCHEMA, e);
    }
  }
}
