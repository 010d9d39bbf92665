package dev.rampart.spi.source;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Creates fact sources of one type; found through {@link java.util.ServiceLoader}. */
@API(status = STABLE, since = "0.1")
public interface FactSourceProvider {

  /** Stable id users name on the command line, e.g. {@code inventory} or {@code nmap}. */
  String id();

  /** Creates a source for one location with its options. */
  FactSource create(SourceConfig config) throws SourceException;

  /**
   * What the devices this type of source reports say about their management, unless a user's
   * {@value SourceRole#OPTION} option says otherwise for one source. The default is
   * {@link SourceRole#DISCOVERY}: a source that does not say is not trusted to vouch that the devices
   * it reports are managed, so they are reported as unmanaged rather than passed silently.
   */
  default SourceRole role() {
    return SourceRole.DISCOVERY;
  }
}
