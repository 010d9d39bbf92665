package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.cli.command.ReportTarget.Format;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ConvertersTest {

  private final ReportTarget.Converter format = new ReportTarget.Converter();
  private final InstantConverter now = new InstantConverter();

  @Test
  void formatWithoutFileWritesToStandardOutput() {
    assertEquals(new ReportTarget(Format.TEXT, null), format.convert("text"));
    assertEquals(new ReportTarget(Format.JSON, null), format.convert("json"));
  }

  @Test
  void formatWithFileWritesThere() {
    assertEquals(new ReportTarget(Format.JSON, Path.of("out/report.json")), format.convert("json:out/report.json"));
    assertEquals(new ReportTarget(Format.TEXT, Path.of("report.txt")), format.convert("text:report.txt"));
  }

  @Test
  void formatsForCiToolsAndBrowsers() {
    assertEquals(new ReportTarget(Format.SARIF, Path.of("rampart.sarif")), format.convert("sarif:rampart.sarif"));
    assertEquals(new ReportTarget(Format.JUNIT, Path.of("TEST-rampart.xml")), format.convert("junit:TEST-rampart.xml"));
    assertEquals(new ReportTarget(Format.HTML, null), format.convert("html"));
  }

  @Test
  void oscalAssessmentResultsForGrcTools() {
    assertEquals(new ReportTarget(Format.OSCAL, Path.of("assessment-results.json")),
        format.convert("oscal:assessment-results.json"));
    assertEquals("json", Format.OSCAL.extension());
  }

  @Test
  void unknownFormatIsRejected() {
    TypeConversionException e = assertThrows(TypeConversionException.class, () -> format.convert("pdf"));

    assertEquals(
        "'pdf' is not a report format (use text, json, sarif, junit, html or oscal, optionally followed by :FILE)",
        e.getMessage());
  }

  @Test
  void formatWithEmptyFileIsRejected() {
    TypeConversionException e = assertThrows(TypeConversionException.class, () -> format.convert("json:"));

    assertEquals("'json:' names no file after the colon (use json:FILE)", e.getMessage());
  }

  @Test
  void nowAcceptsAnInstant() {
    assertEquals(Instant.parse("2026-11-25T13:45:00Z"), now.convert("2026-11-25T13:45:00Z"));
  }

  @Test
  void nowAcceptsADateAsTheStartOfThatDayInUtc() {
    assertEquals(Instant.parse("2026-11-25T00:00:00Z"), now.convert("2026-11-25"));
  }

  @Test
  void nowRejectsAnythingElse() {
    TypeConversionException e = assertThrows(TypeConversionException.class, () -> now.convert("25/11/2026"));

    assertEquals(
        "'25/11/2026' is neither an ISO-8601 instant such as 2026-11-25T00:00:00Z nor a date such as 2026-11-25",
        e.getMessage());
  }
}
