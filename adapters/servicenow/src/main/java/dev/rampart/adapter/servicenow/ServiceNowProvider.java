package dev.rampart.adapter.servicenow;

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
 * Creates sources for the id {@value #ID} that read configuration items from a ServiceNow
 * instance's Table API; the location is the instance URL, e.g. {@code https://acme.service-now.com}.
 * Requests authenticate with the user named by {@value #USER} and the password in the environment
 * variable named by {@value #PASSWORD_ENV} (default {@code SERVICENOW_PASSWORD}), or with the OAuth
 * bearer token in the environment variable named by {@value #TOKEN_ENV}; secrets never come from
 * the location or an option.
 */
@API(status = STABLE, since = "0.1")
public final class ServiceNowProvider extends WebApiProvider {

  /** The stable id of this source type, also the {@code sourceId} of every {@code Origin} it reports. */
  public static final String ID = "servicenow";

  /** The option naming the user for HTTP basic authentication. */
  public static final String USER = "user";

  /** The option naming the environment variable with the user's password (default {@code SERVICENOW_PASSWORD}). */
  public static final String PASSWORD_ENV = "passwordEnv";

  /** The option naming the environment variable with an OAuth bearer token, instead of a user and password. */
  public static final String TOKEN_ENV = "tokenEnv";

  /** The option listing the tables to read, comma-separated (default {@code cmdb_ci_hardware}). */
  public static final String TABLES = "tables";

  /** The option with an encoded query that selects the records, sent as {@code sysparm_query}. */
  public static final String QUERY = "query";

  /** The option listing the reference fields to the owning user, first set wins (default {@code owned_by,assigned_to}). */
  public static final String OWNER_FIELDS = "ownerFields";

  /** The option naming the field with the firmware version (default {@code u_firmware_version}). */
  public static final String FIRMWARE_FIELD = "firmwareField";

  /** The option naming the field with the end-of-support date (default {@code u_end_of_support}). */
  public static final String END_OF_SUPPORT_FIELD = "endOfSupportField";

  /** The option changing what {@code install_status} codes mean, e.g. {@code 6:planned,101:active}. */
  public static final String INSTALL_STATUS_MAP = "installStatusMap";

  /** The option changing what {@code operational_status} codes mean, e.g. {@code 5:active,101:retired}. */
  public static final String OPERATIONAL_STATUS_MAP = "operationalStatusMap";

  /**
   * The option choosing device ids: {@code name} (the default: the CI's name, qualified by its sys_id
   * where the name repeats) or {@code sys-id} ({@code servicenow-<sys_id>}).
   */
  public static final String DEVICE_IDS = "deviceIds";

  /** The provider that {@link java.util.ServiceLoader} creates: real environment, real time. */
  public ServiceNowProvider() {
    super(ID, WebApiEnvironment.REAL);
  }

  ServiceNowProvider(Function<String, @Nullable String> environment, Sleeper sleeper, Clock clock) {
    super(ID, new WebApiEnvironment(environment, sleeper, clock));
  }

  /** System of record: a CMDB's configuration items are the devices its owners manage. */
  @Override
  public SourceRole role() {
    return SourceRole.SYSTEM_OF_RECORD;
  }

  @Override
  protected WebApiSource<ServiceNowSettings> create(SourceConfig config, WebApiEnvironment environment) throws SourceException {
    return new ServiceNowSource(ServiceNowSettings.parse(config, environment.variables()), environment);
  }
}
