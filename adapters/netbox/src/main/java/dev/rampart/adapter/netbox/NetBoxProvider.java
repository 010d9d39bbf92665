package dev.rampart.adapter.netbox;

import dev.rampart.adaptersupport.http.HttpPolicy;
import dev.rampart.adaptersupport.http.JsonClient;
import dev.rampart.adaptersupport.http.Sleeper;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Creates sources for the id {@value #ID} that read a NetBox server's REST API; the location is the
 * NetBox base URL, e.g. {@code https://netbox.example.com}. The API token is read from the
 * environment variable named by {@value #TOKEN_ENV} (default {@code NETBOX_TOKEN}) or from the file
 * named by {@value #TOKEN_FILE}, never from the location or another option.
 */
public final class NetBoxProvider implements FactSourceProvider {

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

  /** The option setting how many objects each page holds (default 1000). */
  public static final String PAGE_SIZE = JsonClient.PAGE_SIZE;

  /** The option setting how many times each request is tried in all (default 3). */
  public static final String RETRIES = HttpPolicy.RETRIES;

  /** The option setting how long to wait for a connection, in seconds or ISO-8601 (default 10 s). */
  public static final String CONNECT_TIMEOUT = HttpPolicy.CONNECT_TIMEOUT;

  /** The option setting how long to wait for a whole answer, in seconds or ISO-8601 (default 30 s). */
  public static final String REQUEST_TIMEOUT = HttpPolicy.REQUEST_TIMEOUT;

  private final Function<String, @Nullable String> environment;
  private final Sleeper sleeper;
  private final Clock clock;

  /** The provider that {@link java.util.ServiceLoader} creates: real environment, real time. */
  public NetBoxProvider() {
    this(System::getenv, Sleeper.REAL, Clock.systemUTC());
  }

  NetBoxProvider(Function<String, @Nullable String> environment, Sleeper sleeper, Clock clock) {
    this.environment = Objects.requireNonNull(environment, "environment");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String id() {
    return ID;
  }

  /**
   * Checks the location and options and reads the token; nothing is requested from NetBox until
   * the source is read.
   *
   * @throws SourceException naming every mistake in the configuration, or a token that cannot be read
   */
  @Override
  public FactSource create(SourceConfig config) throws SourceException {
    return new NetBoxSource(NetBoxSettings.parse(Objects.requireNonNull(config, "config"), environment), sleeper, clock);
  }
}
