package dev.rampart.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Report;
import dev.rampart.engine.RulePacks;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * The embedding path: an application that evaluates its own facts with a {@link ComplianceEngine}
 * writes every report format from the engine's {@link Report} in a few lines, with no CLI, no
 * sources and no files, and each report is complete and valid.
 */
class EmbeddingTest {

  private static final String PACK = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata: {id: embedded, version: 1.0.0, title: Embedded pack}
      rules:
        - id: EMB-001
          title: No default password
          category: identity
          severity: critical
          target: device
          assert: {field: credentials.defaultPassword, equals: false}
          message: "${id} still accepts its factory default password"
          remediation: Set a unique password.
      """;

  private static ComplianceEngine engine;
  private static Evaluation evaluation;

  @BeforeAll
  static void evaluateInCode() throws Exception {
    engine = ComplianceEngine.builder()
        .pack(RulePacks.parse(PACK, "embedded.yaml"))
        .clock(Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC))
        .build();
    Report report = engine.evaluate(List.of(
        Device.builder("cam-1").credentials(new Credentials(true, null, null, null, null, null)).build(),
        Device.builder("cam-2").credentials(new Credentials(false, null, null, null, null, null)).build()));
    evaluation = Evaluation.builder(report).build();
  }

  @Test
  void theDefaultsAreAnEvaluationOfNothingButTheReport() {
    assertEquals(List.of(), evaluation.inputs());
    assertEquals(0, evaluation.conflictCount());
    assertEquals(List.of(), evaluation.failedSources());
    assertTrue(evaluation.origin(evaluation.report().findings().get(0)).isEmpty());
    assertTrue(evaluation.gate().failed(evaluation.report()), "a critical FAIL fails the default gate (high)");
    assertEquals("dev", evaluation.toolVersion(), "the version of the classes, not of a jar");
  }

  @Test
  void text() throws IOException {
    assertEquals("""
        rampart dev: evaluated 2 facts (2 devices) at 2026-11-25T00:00:00Z
        Pack: embedded 1.0.0 (Embedded pack) from embedded.yaml

        CRITICAL (1 finding)
          FAIL     EMB-001  device/cam-1  cam-1 still accepts its factory default password
                   credentials.defaultPassword = true (expected equals false)

        Summary
          Results   2: 1 PASS, 1 FAIL, 0 UNKNOWN, 0 NOT_APPLICABLE, 0 ERROR
          Findings  identity 1
          Gate      FAILED: 1 FAIL or ERROR result at severity high or above (--fail-on high)
        """, write(TextReport.plain()));
  }

  @Test
  void json() throws IOException {
    JsonNode json = new ObjectMapper().readTree(write(JsonReport.allResults()));

    assertEquals(List.of(), validate(json, Path.of("../docs/report-schema.json"), SpecVersion.VersionFlag.V202012));
    assertEquals(2, json.get("results").size());
    JsonNode fail = json.get("results").get(0);
    assertEquals("EMB-001 cam-1 FAIL", fail.get("ruleId").asText() + " " + fail.get("factId").asText() + " "
        + fail.get("outcome").asText());
    assertEquals("""
        [{"field":"credentials.defaultPassword","actual":"true","expected":"equals false","absent":false,\
        "operator":"equals","operand":{"kind":"literal","text":"false"},"negated":false}]""",
        fail.get("evidence").toString());
  }

  @Test
  void sarif() throws IOException {
    String log = write(SarifReport.of(engine.rules()));

    assertEquals(List.of(), SarifSchema.problems(log));
    JsonNode result = SarifSchema.parse(log).at("/runs/0/results/0");
    assertEquals("EMB-001", result.get("ruleId").asText());
    assertEquals("cam-1", result.at("/properties/factId").asText());
    assertEquals("credentials.defaultPassword", result.at("/properties/evidence/0/field").asText());
    assertEquals(1, SarifSchema.parse(log).at("/runs/0/results").size(), "the PASS is left out");
  }

  @Test
  void junit() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document xml = factory.newDocumentBuilder()
        .parse(new InputSource(new StringReader(write(JunitReport.unknownAsSkipped()))));

    Element root = xml.getDocumentElement();
    assertEquals("2 1", root.getAttribute("tests") + " " + root.getAttribute("failures"));
    Element failure = (Element) xml.getElementsByTagName("failure").item(0);
    assertEquals("cam-1 still accepts its factory default password", failure.getAttribute("message"));
  }

  @Test
  void html() throws IOException {
    String html = write(HtmlReport.create());

    assertTrue(html.startsWith("<!DOCTYPE html>"), html);
    assertTrue(html.contains("<span class=\"value\" id=\"count-FAIL\">1</span>"), html);
    assertTrue(html.contains("<span class=\"value\" id=\"count-PASS\">1</span>"), html);
    assertTrue(html.contains("\"field\":\"credentials.defaultPassword\""), "the evidence is in the page's data");
  }

  private static String write(ReportWriter writer) {
    return new Evaluations.Run(evaluation, engine.rules()).write(writer);
  }

  private static List<String> validate(JsonNode json, Path schema, SpecVersion.VersionFlag version) throws IOException {
    try (InputStream in = Files.newInputStream(schema)) {
      return JsonSchemaFactory.getInstance(version).getSchema(in).validate(json).stream()
          .map(ValidationMessage::toString)
          .toList();
    }
  }
}
