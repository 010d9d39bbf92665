package dev.rampart.spi.source;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** A configured source of facts: one inventory file, one scan, one CMDB endpoint. */
@API(status = STABLE, since = "0.1")
public interface FactSource {

  /**
   * Reads every fact of this source into the sink.
   *
   * @throws SourceException when the source cannot be read or holds invalid data; the message names
   *     the place (file:line:column or URL) and the fix
   */
  void read(FactSink sink) throws SourceException;

  /** A short description for reports and messages, e.g. {@code inventory:examples/site.yaml}. */
  String describe();
}
