package dev.rampart.packtesting;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.engine.RulePack;
import dev.rampart.engine.value.Rule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Writes pack tests as JUnit XML for CI servers: per pack, one suite per rule with a test case per
 * fixture case (a mismatch fails with the expected and actual outcome and the case's place), and a
 * {@code coverage} suite with one case per rule that fails when the rule was not seen PASS and FAIL.
 * A pack whose tests could not run is one suite with one case in error that lists the problems.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PackTestJunit {

  /** The {@code type} of the failure of a case whose outcome was not the expected one. */
  public static final String MISMATCH_TYPE = "mismatch";

  /** The {@code type} of the failure of a rule not seen PASS and FAIL. */
  public static final String NOT_COVERED_TYPE = "not-covered";

  /** The {@code type} of the error of a pack whose tests could not run. */
  public static final String INPUT_ERROR_TYPE = "input-error";

  private static final String INDENT = "  ";
  // characters XML 1.0 cannot carry at all (most control characters) become U+FFFD
  private static final String NOT_IN_XML = "[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]";

  private PackTestJunit() {}

  /** Writes the tests of every pack, in the order given, as one {@code testsuites} document. */
  public static void write(List<PackTestResult> results, Writer out) throws IOException {
    List<Suite> suites = new ArrayList<>();
    results.forEach(result -> suites.addAll(suites(result)));
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      newLine(xml, 0);
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "rampart test");
      writeCounts(xml, suites.stream().flatMap(suite -> suite.cases().stream()).toList());
      for (Suite suite : suites) {
        writeSuite(xml, suite);
      }
      newLine(xml, 0);
      xml.writeEndElement();
      newLine(xml, 0);
      xml.writeEndDocument();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the JUnit XML: " + e.getMessage(), e);
    }
    out.flush();
  }

  private static List<Suite> suites(PackTestResult result) {
    if (result.pack().isEmpty() || !result.problems().isEmpty()) {
      String name = result.pack().map(RulePack::id).orElse(result.given());
      // the same text as standard error shows
      StringWriter body = new StringWriter();
      PackTestReport.writeProblems(result, new PrintWriter(body));
      String message = body.toString().lines().findFirst().orElse("").replaceFirst(":$", "");
      return List.of(new Suite(name, List.of(new Case("the tests can be read", name,
          new Problem("error", INPUT_ERROR_TYPE, message, body.toString())))));
    }
    RulePack pack = result.pack().get();
    List<Suite> suites = new ArrayList<>();
    for (Rule rule : pack.rules()) {
      String suiteName = pack.id() + "/" + rule.id();
      List<Case> cases = result.cases().stream().filter(c -> c.expectation().ruleId().equals(rule.id()))
          .map(c -> testCase(pack, suiteName, c)).toList();
      if (!cases.isEmpty()) {
        suites.add(new Suite(suiteName, cases));
      }
    }
    // a base's cases of the rules a tailored pack disabled: skipped, each with the reason
    Map<String, List<Case>> skipped = new LinkedHashMap<>();
    for (SkippedCase skippedCase : result.skipped()) {
      String suiteName = pack.id() + "/" + skippedCase.rule().ruleId();
      Expectation expectation = skippedCase.expectation();
      skipped.computeIfAbsent(suiteName, name -> new ArrayList<>()).add(new Case(expectation.factId() + ": "
          + expectation.expected() + " (" + skippedCase.file().shortName() + ")", suiteName, new Problem("skipped", "",
          PackTestReport.skippedLine(pack, skippedCase).replaceFirst("^skipped: ", ""), "")));
    }
    skipped.forEach((name, cases) -> suites.add(new Suite(name, cases)));
    String coverageName = pack.id() + "/coverage";
    suites.add(new Suite(coverageName, result.coverage().orElseThrow().rules().stream().map(rule -> new Case(
        rule.rule().id() + " is seen PASS and FAIL", coverageName, rule.covered() ? null : new Problem("failure",
            NOT_COVERED_TYPE, PackTestReport.missingCoverage(rule) + " (add a fixture case for each)", ""))).toList()));
    return suites;
  }

  private static Case testCase(RulePack pack, String suiteName, TestCase testCase) {
    Expectation expectation = testCase.expectation();
    String name = expectation.factId() + ": " + expectation.expected() + " (" + testCase.file().shortName() + ")";
    if (testCase.passed()) {
      return new Case(name, suiteName, null);
    }
    String message = "expected " + expectation.expected() + " but was " + testCase.actual().outcome() + " at "
        + expectation.place();
    return new Case(name, suiteName, new Problem("failure", MISMATCH_TYPE, message,
        String.join("\n", PackTestReport.mismatch(pack, testCase)) + "\n"));
  }

  private static void writeSuite(XMLStreamWriter xml, Suite suite) throws XMLStreamException {
    newLine(xml, 1);
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", attribute(suite.name()));
    writeCounts(xml, suite.cases());
    for (Case testCase : suite.cases()) {
      newLine(xml, 2);
      Problem problem = testCase.problem();
      if (problem == null) {
        xml.writeEmptyElement("testcase");
        writeCaseAttributes(xml, testCase);
        continue;
      }
      xml.writeStartElement("testcase");
      writeCaseAttributes(xml, testCase);
      newLine(xml, 3);
      if (problem.element().equals("skipped")) {
        // Surefire's skipped element has a message only
        xml.writeEmptyElement("skipped");
        xml.writeAttribute("message", attribute(problem.message()));
        newLine(xml, 2);
        xml.writeEndElement();
        continue;
      }
      xml.writeStartElement(problem.element());
      xml.writeAttribute("message", attribute(problem.message()));
      xml.writeAttribute("type", problem.type());
      xml.writeCharacters(text(problem.body()));
      xml.writeEndElement();
      newLine(xml, 2);
      xml.writeEndElement();
    }
    newLine(xml, 1);
    xml.writeEndElement();
  }

  private static void writeCaseAttributes(XMLStreamWriter xml, Case testCase) throws XMLStreamException {
    xml.writeAttribute("name", attribute(testCase.name()));
    xml.writeAttribute("classname", attribute(testCase.classname()));
    xml.writeAttribute("time", "0");
  }

  // Surefire's attributes in Surefire's order
  private static void writeCounts(XMLStreamWriter xml, List<Case> cases) throws XMLStreamException {
    xml.writeAttribute("time", "0");
    xml.writeAttribute("tests", String.valueOf(cases.size()));
    xml.writeAttribute("errors", String.valueOf(count(cases, "error")));
    xml.writeAttribute("skipped", String.valueOf(count(cases, "skipped")));
    xml.writeAttribute("failures", String.valueOf(count(cases, "failure")));
  }

  private static long count(List<Case> cases, String element) {
    return cases.stream().map(Case::problem).filter(p -> p != null && p.element().equals(element)).count();
  }

  private static void newLine(XMLStreamWriter xml, int depth) throws XMLStreamException {
    xml.writeCharacters("\n" + INDENT.repeat(depth));
  }

  // Parsers turn line breaks in attribute values into spaces; say so explicitly and keep one line.
  private static String attribute(String value) {
    return text(value).replaceAll("\\s+", " ").strip();
  }

  private static String text(String value) {
    return value.replaceAll(NOT_IN_XML, "\uFFFD");
  }

  private record Suite(String name, List<Case> cases) {}

  private record Case(String name, String classname, @Nullable Problem problem) {}

  private record Problem(String element, String type, String message, String body) {}
}
