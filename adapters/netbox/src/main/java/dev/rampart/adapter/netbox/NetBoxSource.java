package dev.rampart.adapter.netbox;

import dev.rampart.adaptersupport.http.JsonClient;
import dev.rampart.adaptersupport.http.WebApiEnvironment;
import dev.rampart.adaptersupport.http.WebApiSource;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.SourceException;
import java.util.List;

/** One NetBox server, read as vendors (manufacturers), networks (VLANs and prefixes) and devices. */
final class NetBoxSource extends WebApiSource<NetBoxSettings> {

  static final String DEVICES = "/api/dcim/devices/";
  static final String INTERFACES = "/api/dcim/interfaces/";
  static final String IP_ADDRESSES = "/api/ipam/ip-addresses/";
  static final String VLANS = "/api/ipam/vlans/";
  static final String PREFIXES = "/api/ipam/prefixes/";

  NetBoxSource(NetBoxSettings settings, WebApiEnvironment environment) {
    super(NetBoxProvider.ID, settings, environment);
  }

  /**
   * Reads every endpoint completely, then hands vendors, networks and devices to the sink, and each
   * object it cannot read as a skipped record.
   */
  @Override
  protected List<String> emit(NetBoxSettings settings, JsonClient.Builder client, FactSink sink) throws SourceException {
    NetBoxApi api = new NetBoxApi(settings, client);
    String limit = "?limit=" + settings.pageSize();
    NetBoxObjects objects = new NetBoxObjects(
        // config_context can be large and is not used
        api.list(DEVICES + limit + "&exclude=config_context"),
        api.list(INTERFACES + limit),
        api.list(IP_ADDRESSES + limit + "&assigned_object_type=dcim.interface"),
        api.list(VLANS + limit),
        api.list(PREFIXES + limit));
    new NetBoxFacts(settings, sink).emit(objects);
    return List.of();
  }
}
