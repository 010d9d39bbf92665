package dev.rampart.example.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.value.PackLoadException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/**
 * The example inside a Spring Boot application, on the versions Boot's BOM manages (this module imports
 * it, so Jackson, SLF4J and Logback are Boot's): the engine is a bean of an auto-configured application.
 */
@SpringBootTest(classes = SpringBootEmbeddingTest.RampartApplication.class)
class SpringBootEmbeddingTest {

  @TempDir Path dir;

  @Autowired ComplianceEngine engine;

  @Test
  void theEngineBeanGivesTheDocumentedResult() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path report = dir.resolve("rampart.json");

    int status = EvaluateInventory.run(engine, EvaluateInventoryTest.EXAMPLE_INVENTORY, report,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(EvaluateInventoryTest.DOCUMENTED_OUTPUT, EvaluateInventoryTest.text(out));
    assertEquals("", EvaluateInventoryTest.text(err));
    assertEquals(1, status);
    JsonNode summary = new ObjectMapper().readTree(report.toFile()).get("summary");
    assertEquals("2026-11-25T00:00:00Z", summary.get("evaluatedAt").asText());
  }

  /** An application that makes the engine a bean, with Boot's auto-configuration. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class RampartApplication {

    @Bean
    ComplianceEngine complianceEngine() throws PackLoadException {
      return EvaluateInventory.engine(EvaluateInventoryTest.DOCUMENTED_DAY);
    }
  }
}
