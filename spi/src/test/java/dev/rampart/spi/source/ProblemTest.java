package dev.rampart.spi.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One problem model: the place, the path inside the input, what is wrong and the fix, rendered on one
 * line (that every error survives serialization with its problems is ErrorModelTest's, in rules-engine).
 */
class ProblemTest {

  private static final Problem UNKNOWN_FIELD = new Problem("site.yaml", 12, 7, "devices[2].credentials",
      "unknown field 'pasword'", "did you mean 'password'?");

  @Test
  void aProblemRendersAsFileLineColumnPathMessageAndFix() {
    assertEquals("site.yaml:12:7: devices[2].credentials: unknown field 'pasword' (did you mean 'password'?)",
        UNKNOWN_FIELD.render());
    assertEquals(UNKNOWN_FIELD.render(), UNKNOWN_FIELD.toString());
  }

  @Test
  void eachUnknownPartIsLeftOutWithItsSeparator() {
    assertEquals("""
        site.yaml: the file is empty
        site.yaml: devices: the list is empty (add a device)
        rule IDN-002: the rule has no title
        device 'cam-1' refers to vendor 'acme', which no source reported (add a vendor with id 'acme')
        cannot read 'ca.pem': no such file (check the path)""", String.join("\n",
        new Problem("site.yaml", 0, 0, "", "the file is empty", null).render(),
        new Problem("site.yaml", 0, 0, "devices", "the list is empty", "add a device").render(),
        new Problem("", 0, 0, "rule IDN-002", "the rule has no title", null).render(),
        new Problem("", 0, 0, "", "device 'cam-1' refers to vendor 'acme', which no source reported",
            "add a vendor with id 'acme'").render(),
        Problem.of("cannot read 'ca.pem': no such file (check the path)").render()));
  }

  @Test
  void aProblemAtARecordTakesTheRecordsPlace() {
    assertEquals("scan.xml:40:3: host[2]: no address (add one)",
        Problem.at(new Origin("nmap", "scan.xml", 40, 3), "host[2]", "no address", "add one").render());
    assertEquals("netbox.example/api/dcim/devices/: no address",
        Problem.at(Origin.of("netbox", "netbox.example/api/dcim/devices/"), "", "no address", null).render());
    assertEquals("no address", Problem.at(Origin.of("code", ""), "", "no address", null).render());
  }

  @Test
  void theStructuredFieldsAreKeptAsGiven() {
    assertEquals(List.of("site.yaml", 12, 7, "devices[2].credentials", "unknown field 'pasword'",
        "did you mean 'password'?"), List.of(UNKNOWN_FIELD.file(), UNKNOWN_FIELD.line(), UNKNOWN_FIELD.column(),
        UNKNOWN_FIELD.path(), UNKNOWN_FIELD.message(), UNKNOWN_FIELD.fix()));
    assertEquals(new Problem("", 0, 0, "", "cannot read 'ca.pem'", null), Problem.of("cannot read 'ca.pem'"));
  }

  @Test
  void aControlCharacterQuotedFromTheInputIsEscapedWhereverItIs() {
    Problem forged = new Problem("a\u001B]0;x\u0007.yaml", 3, 1, "devices[0].id\u202E",
        "unknown field 'a\nsite.yaml:1:1: all clear'", "remove it\r");

    assertEquals("a\\u001B]0;x\\u0007.yaml:3:1: devices[0].id\\u202E: unknown field 'a\\nsite.yaml:1:1: all clear'"
        + " (remove it\\r)", forged.render());
  }

  @Test
  void aLineOrColumnBelowZeroIsRefused() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> new Problem("site.yaml", -1, 0, "", "x", null));

    assertEquals("a problem's line and column are 1-based, or 0 when unknown: line -1, column 0",
        refused.getMessage());
  }

  @Test
  void aSourceExceptionKeepsEveryProblemAsDataAndAsItsLine() {
    SourceProblems collected = new SourceProblems("site.yaml");
    collected.add(new TextPosition(12, 7), "devices[2].credentials", "unknown field 'pasword'",
        "did you mean 'password'?");
    collected.add("cannot read 'ca.pem': no such file (check the path)");

    SourceException thrown = assertThrows(SourceException.class, collected::throwIfAny);

    assertEquals(List.of(UNKNOWN_FIELD, Problem.of("cannot read 'ca.pem': no such file (check the path)")),
        thrown.details());
    assertEquals(List.of(
        "site.yaml:12:7: devices[2].credentials: unknown field 'pasword' (did you mean 'password'?)",
        "cannot read 'ca.pem': no such file (check the path)"), thrown.problems());
  }
}
