package dev.rampart.spi.source;

/** Creates fact sources of one type; found through {@link java.util.ServiceLoader}. */
public interface FactSourceProvider {

  /** Stable id users name on the command line, e.g. {@code inventory} or {@code nmap}. */
  String id();

  /** Creates a source for one location with its options. */
  FactSource create(SourceConfig config) throws SourceException;
}
