package dev.rampart.adapter.netbox;

import dev.rampart.adaptersupport.http.Sleeper;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.SourceException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** One NetBox server, read as vendors (manufacturers), networks (VLANs and prefixes) and devices. */
final class NetBoxSource implements FactSource {

  static final String DEVICES = "/api/dcim/devices/";
  static final String INTERFACES = "/api/dcim/interfaces/";
  static final String IP_ADDRESSES = "/api/ipam/ip-addresses/";
  static final String VLANS = "/api/ipam/vlans/";
  static final String PREFIXES = "/api/ipam/prefixes/";

  private final NetBoxSettings settings;
  private final Sleeper sleeper;
  private final Clock clock;

  NetBoxSource(NetBoxSettings settings, Sleeper sleeper, Clock clock) {
    this.settings = settings;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /**
   * Reads every endpoint completely, then hands vendors, networks and devices to the sink; each
   * fact's origin is the object's API URL and the time NetBox sent it.
   *
   * @throws SourceException when NetBox cannot be read (naming the URL, the HTTP status and the fix),
   *     or with every invalid value found; facts already handed to the sink must then be discarded
   */
  @Override
  public void read(FactSink sink) throws SourceException {
    Objects.requireNonNull(sink, "sink");
    NetBoxApi api = new NetBoxApi(settings, sleeper, clock);
    String limit = "?limit=" + settings.pageSize();
    NetBoxObjects objects = new NetBoxObjects(
        // config_context can be large and is not used
        api.list(DEVICES + limit + "&exclude=config_context"),
        api.list(INTERFACES + limit),
        api.list(IP_ADDRESSES + limit + "&assigned_object_type=dcim.interface"),
        api.list(VLANS + limit),
        api.list(PREFIXES + limit));
    List<String> problems = new NetBoxFacts(settings, sink).emit(objects);
    if (!problems.isEmpty()) {
      throw new SourceException(problems);
    }
  }

  @Override
  public String describe() {
    return NetBoxProvider.ID + ":" + settings.base();
  }
}
