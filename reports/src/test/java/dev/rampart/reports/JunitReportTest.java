package dev.rampart.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Report;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.Severity;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Firmware;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The JUnit XML report, parsed back as a CI server would read it. */
class JunitReportTest {

  private static final String PACK = Evaluations.PACK;
  private static final String HOSTILE_PACK = Evaluations.HOSTILE_PACK;
  private static final String SITE = Evaluations.SITE;
  private static final String HOSTILE = Evaluations.HOSTILE;
  private static final Path SHAPE = Path.of(Evaluations.FIXTURES, "schemas", "junit-xml-shape.xsd");

  @Nested
  class Counts {

    @Test
    void theRootCountsEveryResult() throws Exception {
      Element root = evaluate(SITE, PACK).getDocumentElement();

      assertEquals("testsuites", root.getTagName());
      assertEquals("rampart", root.getAttribute("name"));
      assertEquals("12", root.getAttribute("tests"));
      assertEquals("3", root.getAttribute("failures"));
      assertEquals("0", root.getAttribute("errors"));
      assertEquals("2", root.getAttribute("skipped"), "the two UNKNOWN results");
    }

    @Test
    void eachCategoryWithResultsIsASuiteWithItsOwnCounts() throws Exception {
      List<Element> suites = elements(evaluate(SITE, PACK), "testsuite");

      assertEquals(List.of("identity", "patching", "operations"),
          suites.stream().map(suite -> suite.getAttribute("name")).toList());
      Element patching = suites.get(1);
      assertEquals("6", patching.getAttribute("tests"));
      assertEquals("1", patching.getAttribute("failures"));
      assertEquals("0", patching.getAttribute("errors"));
      assertEquals("2", patching.getAttribute("skipped"));
      assertEquals("2026-11-25T00:00:00", patching.getAttribute("timestamp"));
      assertEquals(6, elements(patching, "testcase").size());
    }

    @Test
    void suiteCountsAddUpToTheRoot() throws Exception {
      Document xml = evaluate(HOSTILE, HOSTILE_PACK);

      for (String count : List.of("tests", "failures", "errors", "skipped")) {
        int sum = elements(xml, "testsuite").stream().mapToInt(s -> Integer.parseInt(s.getAttribute(count))).sum();
        assertEquals(Integer.parseInt(xml.getDocumentElement().getAttribute(count)), sum, count);
      }
    }
  }

  @Nested
  class TestCases {

    @Test
    void areNamedByFactWithTheRuleAsClass() throws Exception {
      Element testcase = testcase(evaluate(SITE, PACK), "rampart.identity.TST-001", "device/cam-01");

      assertEquals("0", testcase.getAttribute("time"));
    }

    @Test
    void aFailIsAFailureTypedBySeverityWithEvidenceAndRemediation() throws Exception {
      Element failure = child(testcase(evaluate(SITE, PACK), "rampart.patching.TST-002", "device/cam-02"), "failure");

      assertEquals("cam-02 runs unsigned firmware 3.0.0", failure.getAttribute("message"));
      assertEquals("high", failure.getAttribute("type"));
      assertEquals("""
          cam-02 runs unsigned firmware 3.0.0
            firmware.signed = false (expected equals true)
          Remediation: Install vendor-signed firmware.
          Rule: TST-002 Signed firmware (pack cli-test, severity high)
          Defined at: src/test/resources/inventories/site.yaml:19:5""", failure.getTextContent());
    }

    @Test
    void aWaiverNotAppliedIsInTheFailureTextWithTheSourceAndTheFix() throws Exception {
      Evaluations.Run run = Evaluations.waiverTrust("inventory-only.yaml");
      Document xml = parse(run.write(JunitReport.unknownAsSkipped()));

      assertTrue(run.evaluation().gate().failed(run.evaluation().report()), "the FAIL still fails the gate");
      assertEquals("""
          cam-lab-01 still accepts its factory default password
            credentials.defaultPassword = true (expected equals false)
          waiver at src/test/resources/waivers/trust/inventory-only.yaml:5:5 not applied: attributes.env came from \
          azure-iot-hub:src/test/resources/waivers/trust/lab.json:2:3, which this waiver does not trust (add \
          azure-iot-hub to its trustedSources)
          Remediation: Set a unique password on every device.
          Rule: TRU-001 No default password (pack trust-test, severity critical)
          Defined at: src/test/resources/waivers/trust/site.yaml:3:5""",
          child(testcase(xml, "rampart.identity.TRU-001", "device/cam-lab-01"), "failure").getTextContent());
    }

    @Test
    void anUnknownIsSkippedNamingTheMissingEvidence() throws Exception {
      Element testcase = testcase(evaluate(SITE, PACK), "rampart.patching.TST-002", "device/cam-03");

      assertEquals("evidence missing: firmware.signed", child(testcase, "skipped").getAttribute("message"));
      assertEquals(1, testcase.getElementsByTagName("*").getLength());
    }

    @Test
    void anUnknownIsAFailureWhenTheReportFailsOnUnknown() throws Exception {
      Device camera = Device.builder("cam-05").firmware(new Firmware("3.1.0", null, null, null)).build();
      Report report = ComplianceEngine.builder().pack(RulePacks.load(Path.of(PACK))).build().evaluate(List.of(camera));
      Evaluation evaluation = new Evaluation(report, List.of(), Map.of(), Gate.atLeast(Severity.HIGH), "dev");
      StringWriter out = new StringWriter();
      JunitReport.unknownAsFailure().write(evaluation, out);

      Document xml = parse(out.toString());
      Element failure = child(testcase(xml, "rampart.patching.TST-002", "device/cam-05"), "failure");
      assertEquals("evidence missing: firmware.signed", failure.getAttribute("message"));
      assertEquals(JunitReport.UNKNOWN_FAILURE_TYPE, failure.getAttribute("type"));
      assertEquals("0", xml.getDocumentElement().getAttribute("skipped"));
      assertEquals("3", xml.getDocumentElement().getAttribute("failures"),
          "two UNKNOWN (password, signature), one FAIL (owner)");
    }

    @Test
    void anErrorIsAnError() throws Exception {
      // the control character U+0001 in the fact id cannot be written in XML 1.0: it becomes U+FFFD
      String name = "device/cam \"quoted\" & 'apostrophe' ]]> \uFFFDbell";
      Element error = child(testcase(evaluate(HOSTILE, HOSTILE_PACK), "rampart.operations.HOS-002", name), "error");

      assertEquals("evaluation failed: attributes.rack: cannot order A7 against 3: they are not of one kind",
          error.getAttribute("message"));
      assertEquals("evaluation", error.getAttribute("type"));
    }

    @Test
    void aPassIsAnEmptyTestCase() throws Exception {
      Element testcase = testcase(evaluate(SITE, PACK), "rampart.identity.TST-001", "device/cam-02");

      assertEquals(0, testcase.getChildNodes().getLength());
    }
  }

  @Nested
  class Shape {

    @Test
    void matchesTheJunitXmlShapeCiServersRead() throws Exception {
      for (String[] run : List.of(new String[] {SITE, PACK}, new String[] {HOSTILE, HOSTILE_PACK})) {
        String xml = write(run[0], run[1]);
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(SHAPE.toFile())
            .newValidator()
            .validate(new StreamSource(new StringReader(xml)));
      }
    }

    @Test
    void usesSurefiresAttributeNamesInSurefiresOrder() throws Exception {
      String xml = write(SITE, PACK);

      assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<testsuites name=\"rampart\" time=\"0\" tests=\"12\" errors=\"0\" skipped=\"2\" failures=\"3\">\n"
          + "  <testsuite name=\"identity\" time=\"0\" tests=\"3\" errors=\"0\" skipped=\"0\" failures=\"1\""
          + " timestamp=\"2026-11-25T00:00:00\">\n"), xml);
      assertTrue(xml.contains("<testcase name=\"device/cam-02\" classname=\"rampart.identity.TST-001\" time=\"0\"/>"), xml);
      assertTrue(xml.contains("<skipped message=\"evidence missing: firmware.version\"/>"), xml);
    }

    @Test
    void markupAndControlCharactersInFactsAndPacksStayText() throws Exception {
      Document xml = evaluate(HOSTILE, HOSTILE_PACK);

      Element failure = child(testcase(xml, "rampart.identity.HOS-001", "device/<script>alert(1)</script>"), "failure");
      assertEquals("<script>alert(1)</script> accepts the default password; owner says"
          + " </script><script>document.body.setAttribute('data-pwned','owner')</script>", failure.getAttribute("message"));
      assertTrue(failure.getTextContent().contains(
          "Remediation: </script><script>document.body.setAttribute('data-pwned','remediation')</script> Set a password."));
    }

    @Test
    void theSameInputGivesTheSameBytes() throws Exception {
      assertEquals(write(SITE, PACK), write(SITE, PACK));
    }
  }

  private static String write(String inventory, String pack) {
    return Evaluations.of(inventory, pack).write(JunitReport.unknownAsSkipped());
  }

  private Document evaluate(String inventory, String pack) throws Exception {
    return parse(write(inventory, pack));
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static Element testcase(Document xml, String classname, String name) {
    for (Element testcase : elements(xml, "testcase")) {
      if (testcase.getAttribute("classname").equals(classname) && testcase.getAttribute("name").equals(name)) {
        return testcase;
      }
    }
    throw new AssertionError("no testcase " + classname + " " + name);
  }

  private static Element child(Element parent, String tag) {
    List<Element> children = elements(parent, tag);
    assertEquals(1, children.size(), () -> "<" + tag + "> in testcase " + parent.getAttribute("name"));
    return children.get(0);
  }

  private static List<Element> elements(Document xml, String tag) {
    return elements(xml.getElementsByTagName(tag));
  }

  private static List<Element> elements(Element parent, String tag) {
    return elements(parent.getElementsByTagName(tag));
  }

  private static List<Element> elements(NodeList nodes) {
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }
}
