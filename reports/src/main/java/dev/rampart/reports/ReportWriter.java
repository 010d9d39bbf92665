package dev.rampart.reports;

import static org.apiguardian.api.API.Status.STABLE;

import java.io.IOException;
import java.io.Writer;
import org.apiguardian.api.API;

/** Writes an evaluation in one format. */
@API(status = STABLE, since = "0.1")
public interface ReportWriter {

  /** Writes the whole report; leaves {@code out} open. */
  void write(Evaluation evaluation, Writer out) throws IOException;
}
