package dev.rampart.adapter.nmap;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.fact.Exposure;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceRole;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Creates {@link NmapScanSource}s for the source id {@value #ID}; the location is the path of an
 * {@code nmap -oX} file or a masscan {@code -oX}/{@code -oJ} file, and the one option, {@value #EXPOSURE},
 * says where the scan was run from.
 */
@API(status = STABLE, since = "0.1")
public final class NmapScanProvider implements FactSourceProvider {

  /** The stable id of this source type, also the {@code sourceId} of every {@code Origin} it reports. */
  public static final String ID = "nmap";

  /**
   * The option {@code exposure=internet} (the scan ran from the internet, so every open port is
   * reachable from it) or {@code exposure=internal} (the scan ran inside, from where the ports are
   * meant to be reached). A scan cannot tell on its own, so without the option exposure stays unknown.
   */
  public static final String EXPOSURE = "exposure";

  @Override
  public String id() {
    return ID;
  }

  /** Discovery: a scan sees every host that answers, managed or not. */
  @Override
  public SourceRole role() {
    return SourceRole.DISCOVERY;
  }

  @Override
  public FactSource create(SourceConfig config) throws SourceException {
    config.refuseUnknownOptions(ID, List.of(EXPOSURE));
    Exposure scannedFrom = null;
    String exposure = config.option(EXPOSURE).orElse(null);
    if (exposure != null) {
      scannedFrom = switch (exposure.trim().toLowerCase(Locale.ROOT)) {
        case "internet" -> Exposure.INTERNET;
        case "internal" -> Exposure.INTERNAL;
        default -> throw new SourceException("nmap source '" + config.location() + "': option " + EXPOSURE
            + " is '" + exposure + "' (write " + EXPOSURE + "=internet when the scan ran from the internet, or "
            + EXPOSURE + "=internal when it ran inside the network)");
      };
    }
    Path file = config.file();
    return scannedFrom == null ? NmapScanSource.of(file) : NmapScanSource.scannedFrom(file, scannedFrom);
  }
}
