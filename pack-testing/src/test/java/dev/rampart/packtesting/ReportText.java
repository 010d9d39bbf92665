package dev.rampart.packtesting;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What {@link PackTestReport} writes for a result, with {@code \n} line ends, for tests to compare. */
final class ReportText {

  private ReportText() {}

  /** The cases, coverage and summary of a pack test that ran. */
  static String of(PackTestResult result) {
    StringWriter text = new StringWriter();
    PackTestReport.write(result, new PrintWriter(text));
    return lines(text);
  }

  /** Why a pack test could not run. */
  static String problemsOf(PackTestResult result) {
    StringWriter text = new StringWriter();
    PackTestReport.writeProblems(result, new PrintWriter(text));
    return lines(text);
  }

  private static String lines(StringWriter text) {
    return text.toString().replace(System.lineSeparator(), "\n");
  }
}
