package dev.rampart.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.rampart.spi.source.SkippedRecord;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * What sources could not read is in every report: the records skipped under --allow-partial (each
 * with its place and every problem), the sources left out, and the sources' warnings. The run read
 * compliant.yaml and two exports ({@link ExportSourceProvider}): twins.json gave cam-07, skipped
 * cam-03 and a record without an id, and warned; gone.json could not be read.
 */
class SkippedRecordsReportTest {

  private static final Evaluations.Run PARTIAL = Evaluations.partial();
  private static final Evaluations.Run HOSTILE = Evaluations.hostilePartial();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Nested
  class TheEvaluation {

    @Test
    void takesTheSkippedRecordsAndWarningsFromTheInventory() {
      Evaluation evaluation = PARTIAL.evaluation();

      assertEquals(List.of("device 'cam-03'", "a record"),
          evaluation.skippedRecords().stream().map(SkippedRecord::describeFact).toList());
      assertEquals(List.of("export:twins.json: device 'cam-07': its tags were refused (403); they stay unknown"
          + " (grant the reader the tags permission)"), evaluation.warnings());
      assertEquals("export:gone.json", evaluation.failedSources().get(0).source());
      assertFalse(evaluation.sourcesReadInFull());
    }

    @Test
    void everyRuleOfTheSkippedDeviceIsUnknown() {
      List<String> ofCam03 = PARTIAL.evaluation().report().results().stream()
          .filter(result -> result.factId().equals("cam-03"))
          .map(result -> result.rule().id() + " " + result.outcome())
          .toList();

      assertEquals(List.of("TST-001 UNKNOWN", "TST-002 UNKNOWN", "TST-003 UNKNOWN", "TST-004 UNKNOWN"), ofCam03,
          "its owner is not known to be missing (TST-003 would FAIL on the empty field): nobody could read its entry");
    }

    @Test
    void sourcesReadInFullWhenNothingWasSkippedOrLeftOut() {
      Evaluation evaluation = Evaluations.of(Evaluations.SITE, Evaluations.PACK).evaluation();

      assertEquals(List.of(), evaluation.skippedRecords());
      assertEquals(List.of(), evaluation.warnings());
      assertTrue(evaluation.sourcesReadInFull());
    }
  }

  @Nested
  class Text {

    @Test
    void hasASectionOfSkippedRecordsAndOneOfWarnings() {
      String text = PARTIAL.write(TextReport.plain());

      assertTrue(text.contains("""

          Records skipped (2, --allow-partial)
            device 'cam-03'  export:twins.json:9:3
                     twins.json:9:3: devices[1] (id 'cam-03'): status 'sideways' is not a status (write
                       enabled or disabled)
            a record  export:twins.json:14:3
                     twins.json:14:3: devices[2]: not an object (write each device as a JSON object)
                     the rules of a skipped record with an id are UNKNOWN; fix the records and run again

          Source warnings (1)
            export:twins.json: device 'cam-07': its tags were refused (403); they stay unknown (grant the
                     reader the tags permission)
          """), text);
    }

    @Test
    void theSummaryCountsThemWithTheSourcesNotRead() {
      String text = PARTIAL.write(TextReport.plain());

      assertTrue(text.contains("""
            Sources   1 source not read (--allow-partial); 2 records skipped (--allow-partial); 1 warning
          """), text);
    }

    @Test
    void aHostileRecordCannotDriveTheTerminal() {
      String text = HOSTILE.write(TextReport.plain());

      assertFalse(text.contains("\u001B"), text);
      assertTrue(text.contains("onerror=alert(2)>\\u001B[31m' is not a status"), text);
    }
  }

  @Nested
  class Json {

    @Test
    void listsEachSkippedRecordWithItsPlaceFactAndProblems() throws Exception {
      JsonNode summary = JSON.readTree(PARTIAL.write(JsonReport.allResults())).get("summary");

      assertEquals("""
          [{"source":"export","location":"twins.json","line":9,"column":3,"factType":"device","factId":"cam-03",\
          "problems":["twins.json:9:3: devices[1] (id 'cam-03'): status 'sideways' is not a status (write enabled or\
           disabled)"]},\
          {"source":"export","location":"twins.json","line":14,"column":3,\
          "problems":["twins.json:14:3: devices[2]: not an object (write each device as a JSON object)"]}]""",
          summary.get("skippedRecords").toString());
      assertEquals("""
          ["export:twins.json: device 'cam-07': its tags were refused (403); they stay unknown (grant the reader the\
           tags permission)"]""", summary.get("warnings").toString());
    }

    @Test
    void validatesAgainstTheReportSchema() throws Exception {
      for (Evaluations.Run run : List.of(PARTIAL, HOSTILE)) {
        JsonNode report = JSON.readTree(run.write(JsonReport.allResults()));

        assertEquals(List.of(), schemaProblems(report));
      }
    }

    @Test
    void theSchemaRefusesASkippedRecordWithoutProblems() throws Exception {
      JsonNode report = JSON.readTree(PARTIAL.write(JsonReport.allResults()));
      ((ObjectNode) report.at("/summary/skippedRecords/0")).remove("problems");

      assertEquals(1, schemaProblems(report).size(), schemaProblems(report).toString());
    }

    private static List<String> schemaProblems(JsonNode report) {
      return ReportSchema.problems(report);
    }
  }

  @Nested
  class Sarif {

    @Test
    void eachSkippedRecordAndSourceNotReadIsAnErrorNotificationAndEachWarningAWarning() {
      JsonNode invocation = SarifSchema.parse(PARTIAL.write(SarifReport.of(PARTIAL.rules()))).at("/runs/0/invocations/0");

      assertEquals("""
          [{"level":"error","message":{"text":"export:gone.json could not be read; evaluated without it\
           (--allow-partial): gone.json: no such file (check the path)"},\
          "properties":{"kind":"sourceNotRead","source":"export:gone.json"}},\
          {"level":"error","locations":[{"physicalLocation":{"artifactLocation":{"uri":"twins.json","uriBaseId":"%SRCROOT%"},\
          "region":{"startLine":9,"startColumn":3}}}],\
          "message":{"text":"Skipped device 'cam-03' (--allow-partial), its rules UNKNOWN:\
           twins.json:9:3: devices[1] (id 'cam-03'): status 'sideways' is not a status (write enabled or disabled)"},\
          "properties":{"kind":"recordSkipped","source":"export","factType":"device","factId":"cam-03"}},\
          {"level":"error","locations":[{"physicalLocation":{"artifactLocation":{"uri":"twins.json","uriBaseId":"%SRCROOT%"},\
          "region":{"startLine":14,"startColumn":3}}}],\
          "message":{"text":"Skipped a record (--allow-partial): twins.json:14:3: devices[2]: not an object (write each\
           device as a JSON object)"},\
          "properties":{"kind":"recordSkipped","source":"export"}},\
          {"level":"warning","message":{"text":"export:twins.json: device 'cam-07': its tags were refused (403); they\
           stay unknown (grant the reader the tags permission)"},"properties":{"kind":"sourceWarning"}}]""",
          invocation.get("toolExecutionNotifications").toString());
    }

    @Test
    void theRunIsNotSuccessfulWhenRecordsWereSkippedOrSourcesLeftOut() {
      JsonNode log = SarifSchema.parse(PARTIAL.write(SarifReport.of(PARTIAL.rules())));
      Evaluations.Run clean = Evaluations.of(Evaluations.SITE, Evaluations.PACK);
      JsonNode cleanLog = SarifSchema.parse(clean.write(SarifReport.of(clean.rules())));

      assertFalse(log.at("/runs/0/invocations/0/executionSuccessful").asBoolean(true));
      assertTrue(cleanLog.at("/runs/0/invocations/0/executionSuccessful").asBoolean(false));
      assertTrue(cleanLog.at("/runs/0/invocations/0/toolExecutionNotifications").isMissingNode());
    }

    @Test
    void isValidAgainstTheOasisSchema() {
      assertEquals(List.of(), SarifSchema.problems(PARTIAL.write(SarifReport.of(PARTIAL.rules()))));
      assertEquals(List.of(), SarifSchema.problems(HOSTILE.write(SarifReport.of(HOSTILE.rules()))));
    }
  }

  @Nested
  class Junit {

    @Test
    void eachSkippedRecordAndSourceNotReadIsAnErrorInTheSourcesSuite() throws Exception {
      Document xml = parse(PARTIAL.write(JunitReport.unknownAsSkipped()));
      Element sources = suite(xml, JunitReport.SOURCES_SUITE);

      assertEquals("3 3 0 0", sources.getAttribute("tests") + " " + sources.getAttribute("errors") + " "
          + sources.getAttribute("failures") + " " + sources.getAttribute("skipped"));
      Element error = (Element) sources.getElementsByTagName("error").item(1);
      Element testcase = (Element) error.getParentNode();
      assertEquals("device 'cam-03' at export:twins.json:9:3 skipped", testcase.getAttribute("name"));
      assertEquals("rampart.sources", testcase.getAttribute("classname"));
      assertEquals(JunitReport.RECORD_SKIPPED_TYPE, error.getAttribute("type"));
      assertEquals("twins.json:9:3: devices[1] (id 'cam-03'): status 'sideways' is not a status (write enabled or"
          + " disabled)", error.getAttribute("message"));
      assertEquals("""
          twins.json:9:3: devices[1] (id 'cam-03'): status 'sideways' is not a status (write enabled or disabled)
          The record was skipped (--allow-partial): device 'cam-03' has every rule UNKNOWN.
          Defined at: export:twins.json:9:3""", error.getTextContent());
      Element notRead = (Element) sources.getElementsByTagName("error").item(0);
      assertEquals(JunitReport.SOURCE_NOT_READ_TYPE, notRead.getAttribute("type"));
      assertEquals("export:gone.json not read", ((Element) notRead.getParentNode()).getAttribute("name"));
      assertEquals("export:twins.json: device 'cam-07': its tags were refused (403); they stay unknown (grant the"
          + " reader the tags permission)", sources.getElementsByTagName("system-err").item(0).getTextContent());
    }

    @Test
    void theRootCountsThemAsErrors() throws Exception {
      Element root = parse(PARTIAL.write(JunitReport.unknownAsSkipped())).getDocumentElement();

      assertEquals("15 3", root.getAttribute("tests") + " " + root.getAttribute("errors"),
          "12 results and 3 errors of the sources");
    }

    @Test
    void hasTheShapeCiServersRead() throws Exception {
      for (Evaluations.Run run : List.of(PARTIAL, HOSTILE)) {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(Path.of(Evaluations.FIXTURES, "schemas", "junit-xml-shape.xsd").toFile())
            .newValidator()
            .validate(new StreamSource(new StringReader(run.write(JunitReport.unknownAsSkipped()))));
      }
    }

    @Test
    void aRunWithoutSkippedRecordsHasNoSourcesSuite() throws Exception {
      Document xml = parse(Evaluations.of(Evaluations.SITE, Evaluations.PACK).write(JunitReport.unknownAsSkipped()));

      for (int i = 0; i < xml.getElementsByTagName("testsuite").getLength(); i++) {
        assertFalse(((Element) xml.getElementsByTagName("testsuite").item(i)).getAttribute("name")
            .equals(JunitReport.SOURCES_SUITE));
      }
    }

    private static Element suite(Document xml, String name) {
      for (int i = 0; i < xml.getElementsByTagName("testsuite").getLength(); i++) {
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(i);
        if (suite.getAttribute("name").equals(name)) {
          return suite;
        }
      }
      throw new AssertionError("no testsuite " + name);
    }

    private static Document parse(String xml) throws Exception {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
  }

  @Nested
  class Html {

    @Test
    void listsEachSkippedRecordAndWarningBesideTheSourcesNotRead() {
      String html = PARTIAL.write(HtmlReport.create());

      assertTrue(html.contains("""
          <li>Record skipped (--allow-partial): <span class="mono">device &#39;cam-03&#39;</span> at <span\
           class="mono">export:twins.json:9:3</span>: twins.json:9:3: devices[1] (id &#39;cam-03&#39;): status\
           &#39;sideways&#39; is not a status (write enabled or disabled)</li>"""), html);
      assertTrue(html.contains("""
          <li>Record skipped (--allow-partial): <span class="mono">a record</span> at <span\
           class="mono">export:twins.json:14:3</span>: twins.json:14:3: devices[2]: not an object (write each device\
           as a JSON object)</li>"""), html);
      assertTrue(html.contains("""
          <li>Source warning: export:twins.json: device &#39;cam-07&#39;: its tags were refused (403); they stay\
           unknown (grant the reader the tags permission)</li>"""), html);
    }

    @Test
    void escapesTheRecordsIdAndProblems() {
      String html = HOSTILE.write(HtmlReport.create());

      assertFalse(html.contains("<script>alert(1)"), html);
      assertFalse(html.contains("<img"), html);
      assertTrue(html.contains("<span class=\"mono\">device &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;</span>"),
          html);
    }
  }
}
