package dev.rampart.adapter.netbox;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.adaptersupport.http.Sleeper;
import dev.rampart.adaptersupport.http.WebApiEnvironment;
import dev.rampart.adaptersupport.http.WebApiProvider;
import dev.rampart.adaptersupport.http.WebApiSource;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceRole;
import java.time.Clock;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Creates sources for the id {@value #ID} that read a NetBox server's REST API; the location is the
 * NetBox base URL, e.g. {@code https://netbox.example.com}. The API token is read from the
 * environment variable named by {@value #TOKEN_ENV} (default {@code NETBOX_TOKEN}) or from the file
 * named by {@value #TOKEN_FILE}, never from the location or another option.
 */
@API(status = STABLE, since = "0.1")
public final class NetBoxProvider extends WebApiProvider {

  /** The stable id of this source type, also the {@code sourceId} of every {@code Origin} it reports. */
  public static final String ID = "netbox";

  /** The option naming the environment variable that holds the API token (default {@code NETBOX_TOKEN}). */
  public static final String TOKEN_ENV = "tokenEnv";

  /** The option naming a file that holds the API token, instead of an environment variable. */
  public static final String TOKEN_FILE = "tokenFile";

  /** The option naming the device custom field that holds the owner (default {@code owner}). */
  public static final String OWNER_FIELD = "ownerField";

  /** The option naming the device custom field that holds the end-of-support date (default {@code end_of_support}). */
  public static final String END_OF_SUPPORT_FIELD = "endOfSupportField";

  /** The option mapping VLAN and prefix role slugs or tag slugs to zones, e.g. {@code cameras:iot,office:corporate}. */
  public static final String ZONE_MAP = "zoneMap";

  /**
   * The option choosing device ids: {@code name} (the default: the name, qualified by the site slug
   * where the name repeats), {@code site-name} (always {@code name@site}) or {@code netbox-id}
   * ({@code netbox-<id>}).
   */
  public static final String DEVICE_IDS = "deviceIds";

  /**
   * The option mapping device statuses an administrator added (NetBox's {@code FIELD_CHOICES}), or
   * NetBox's own, to lifecycle statuses, e.g. {@code retired:retired,in-repair:maintenance,failed:unknown}.
   */
  public static final String STATUS_MAP = "statusMap";

  /** The provider that {@link java.util.ServiceLoader} creates: real environment, real time. */
  public NetBoxProvider() {
    super(ID, WebApiEnvironment.REAL);
  }

  NetBoxProvider(Function<String, @Nullable String> environment, Sleeper sleeper, Clock clock) {
    super(ID, new WebApiEnvironment(environment, sleeper, clock));
  }

  /** System of record: NetBox is where its users document the devices they manage. */
  @Override
  public SourceRole role() {
    return SourceRole.SYSTEM_OF_RECORD;
  }

  @Override
  protected WebApiSource<NetBoxSettings> create(SourceConfig config, WebApiEnvironment environment) throws SourceException {
    return new NetBoxSource(NetBoxSettings.parse(config, environment.variables()), environment);
  }
}
