package dev.rampart.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The JSON report's schema, {@code docs/report-schema.json}, as a validator. */
final class ReportSchema {

  private static final Path SCHEMA = Path.of("../docs/report-schema.json");
  private static final JsonSchema VALIDATOR = load();

  private ReportSchema() {}

  /** What the schema finds wrong with a JSON report, one line each; empty when it is valid. */
  static List<String> problems(JsonNode report) {
    return VALIDATOR.validate(report).stream().map(ValidationMessage::toString).toList();
  }

  private static JsonSchema load() {
    try (InputStream in = Files.newInputStream(SCHEMA)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SCHEMA, e);
    }
  }
}
