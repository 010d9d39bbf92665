package dev.rampart.reports;

import java.io.IOException;
import java.io.Writer;

/** Writes an evaluation in one format. */
public interface ReportWriter {

  /** Writes the whole report; leaves {@code out} open. */
  void write(Evaluation evaluation, Writer out) throws IOException;
}
