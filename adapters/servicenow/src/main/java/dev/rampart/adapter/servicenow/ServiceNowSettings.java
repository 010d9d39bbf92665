package dev.rampart.adapter.servicenow;

import static dev.rampart.adapter.servicenow.ServiceNowProvider.DEVICE_IDS;
import static dev.rampart.adapter.servicenow.ServiceNowProvider.END_OF_SUPPORT_FIELD;
import static dev.rampart.adapter.servicenow.ServiceNowProvider.FIRMWARE_FIELD;
import static dev.rampart.adapter.servicenow.ServiceNowProvider.INSTALL_STATUS_MAP;
import static dev.rampart.adapter.servicenow.ServiceNowProvider.OPERATIONAL_STATUS_MAP;
import static dev.rampart.adapter.servicenow.ServiceNowProvider.OWNER_FIELDS;
import static dev.rampart.adapter.servicenow.ServiceNowProvider.PAGE_SIZE;
import static dev.rampart.adapter.servicenow.ServiceNowProvider.PASSWORD_ENV;
import static dev.rampart.adapter.servicenow.ServiceNowProvider.QUERY;
import static dev.rampart.adapter.servicenow.ServiceNowProvider.TABLES;
import static dev.rampart.adapter.servicenow.ServiceNowProvider.TOKEN_ENV;
import static dev.rampart.adapter.servicenow.ServiceNowProvider.USER;

import dev.rampart.adaptersupport.http.BaseUrl;
import dev.rampart.adaptersupport.http.HttpPolicy;
import dev.rampart.adaptersupport.http.LifecycleMap;
import dev.rampart.adaptersupport.http.Options;
import dev.rampart.adaptersupport.http.Secret;
import dev.rampart.adaptersupport.http.WebApiSettings;
import dev.rampart.spi.fact.LifecycleStatus;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A ServiceNow source's configuration, checked as a whole.
 *
 * @param base the instance URL
 * @param credentials basic or bearer
 * @param http timeouts and retries
 * @param tables the tables to read, in order
 * @param query the encoded query that selects records, or {@code null} for all
 * @param pageSize records per page ({@code sysparm_limit})
 * @param ownerFields reference fields to sys_user, the first set one names the owner
 * @param firmwareField the field with the firmware version
 * @param endOfSupportField the field with the end-of-support date
 * @param statuses which {@code install_status} codes mean which lifecycle status; a code it does not know is a problem
 * @param operationalStatuses which {@code operational_status} codes mean which lifecycle status, in the same way
 * @param deviceIds how devices are given ids that stay unique when CI names repeat
 */
record ServiceNowSettings(
    BaseUrl base,
    Credentials credentials,
    HttpPolicy http,
    List<String> tables,
    @Nullable String query,
    int pageSize,
    List<String> ownerFields,
    String firmwareField,
    String endOfSupportField,
    LifecycleMap statuses,
    LifecycleMap operationalStatuses,
    DeviceIds deviceIds) implements WebApiSettings {

  static final String DEFAULT_PASSWORD_ENV = "SERVICENOW_PASSWORD";

  /** ServiceNow's install_status choices on cmdb_ci that say where a CI is in its life. */
  static final Map<String, LifecycleStatus> INSTALL_STATUSES = Map.of(
      "1", LifecycleStatus.ACTIVE, // Installed
      "2", LifecycleStatus.PLANNED, // On Order
      "3", LifecycleStatus.MAINTENANCE, // In Maintenance
      "4", LifecycleStatus.PLANNED, // Pending Install
      "5", LifecycleStatus.MAINTENANCE, // Pending Repair
      "7", LifecycleStatus.RETIRED); // Retired

  /** install_status choices that say nothing of the lifecycle: In Stock, Stolen, Absent. */
  static final List<String> SILENT_INSTALL_STATUSES = List.of("6", "8", "100");

  /** ServiceNow's operational_status choices on cmdb_ci that say whether a CI is in service. */
  static final Map<String, LifecycleStatus> OPERATIONAL_STATUSES = Map.of(
      "1", LifecycleStatus.ACTIVE, // Operational
      "2", LifecycleStatus.MAINTENANCE, // Non-Operational
      "3", LifecycleStatus.MAINTENANCE, // Repair in Progress
      "4", LifecycleStatus.ACTIVE, // DR Standby
      "5", LifecycleStatus.PLANNED, // Ready
      "6", LifecycleStatus.RETIRED, // Retired
      "7", LifecycleStatus.PLANNED); // Pipeline

  /** operational_status choices that say nothing of the lifecycle: Catalog. */
  static final List<String> SILENT_OPERATIONAL_STATUSES = List.of("8");

  static final List<String> OPTIONS = List.of(USER, PASSWORD_ENV, TOKEN_ENV, TABLES, QUERY, OWNER_FIELDS,
      FIRMWARE_FIELD, END_OF_SUPPORT_FIELD, INSTALL_STATUS_MAP, OPERATIONAL_STATUS_MAP, DEVICE_IDS, PAGE_SIZE, HttpPolicy.RETRIES, HttpPolicy.CONNECT_TIMEOUT,
      HttpPolicy.REQUEST_TIMEOUT);

  private static final String EXAMPLE = "https://acme.service-now.com";
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern VARIABLE = Pattern.compile("[A-Z_][A-Z0-9_]*");
  private static final Pattern CODE = Pattern.compile("-?\\d+");

  ServiceNowSettings {
    tables = List.copyOf(tables);
    ownerFields = List.copyOf(ownerFields);
  }

  /**
   * Reads the location and options.
   *
   * @param environment the process environment, by variable name
   * @throws SourceException with every mistake found, each naming the source and the fix
   */
  static ServiceNowSettings parse(SourceConfig config, Function<String, @Nullable String> environment)
      throws SourceException {
    Options options = new Options(config, "servicenow source '" + BaseUrl.display(config.location()) + "'", OPTIONS);
    BaseUrl base = BaseUrl.parse(config.location(), options, EXAMPLE);
    if (base != null && (base.path().endsWith("/api") || base.path().contains("/api/now"))) {
      options.add("give the instance URL without the API's path (e.g. " + EXAMPLE + "; tables are chosen with the"
          + " option " + TABLES + ")");
    }
    Credentials credentials = credentials(options, environment);
    HttpPolicy http = HttpPolicy.from(options);
    List<String> tables = names(options, TABLES, "cmdb_ci_hardware");
    String query = options.text(QUERY);
    int pageSize = options.wholeNumber(PAGE_SIZE, 500, 1, 10_000);
    List<String> ownerFields = names(options, OWNER_FIELDS, "owned_by,assigned_to");
    String firmwareField = names(options, FIRMWARE_FIELD, "u_firmware_version").get(0);
    String endOfSupportField = names(options, END_OF_SUPPORT_FIELD, "u_end_of_support").get(0);
    LifecycleMap statuses = LifecycleMap.parse(options, INSTALL_STATUS_MAP, INSTALL_STATUSES, SILENT_INSTALL_STATUSES,
        CODE, "code:status", "6:planned,101:active");
    LifecycleMap operationalStatuses = LifecycleMap.parse(options, OPERATIONAL_STATUS_MAP, OPERATIONAL_STATUSES,
        SILENT_OPERATIONAL_STATUSES, CODE, "code:status", "6:planned,101:active");
    DeviceIds deviceIds = options.choice(DEVICE_IDS, DeviceIds.NAME, ids -> ids.option,
        DEVICE_IDS + "=sys-id for ids that survive renaming");
    if (!options.problems().isEmpty() || base == null || credentials == null) {
      throw new SourceException(options.problems());
    }
    return new ServiceNowSettings(base, credentials, http, tables, query, pageSize, ownerFields, firmwareField,
        endOfSupportField, statuses, operationalStatuses, deviceIds);
  }

  /** Every field the mapping reads, for {@code sysparm_fields}. */
  List<String> fields() {
    LinkedHashSet<String> fields = new LinkedHashSet<>(List.of("sys_id", "sys_class_name", "name", "serial_number",
        "mac_address", "ip_address", "model_id", "model_number", "manufacturer", "install_status", "operational_status",
        "asset_tag",
        "location"));
    fields.addAll(ownerFields);
    fields.add(firmwareField);
    fields.add(endOfSupportField);
    return List.copyOf(fields);
  }

  @Override
  public String authorization() {
    return credentials.authorization();
  }

  @Override
  public String redact(String text) {
    return credentials.redact(text);
  }

  /** Table and field names: lower-case words joined by '_', so that they are safe in a URL. */
  private static List<String> names(Options options, String key, String fallback) {
    String value = options.text(key, fallback);
    List<String> names = new ArrayList<>();
    for (String name : value.split(",")) {
      String trimmed = name.strip();
      if (!NAME.matcher(trimmed).matches()) {
        options.add("option " + key + ": '" + trimmed + "' is not a table or field name (use ServiceNow's"
            + " names, lower-case words joined by '_', e.g. " + key + "=" + fallback + ")");
      } else if (!names.contains(trimmed)) {
        names.add(trimmed);
      }
    }
    return names.isEmpty() ? List.of(fallback.split(",")[0]) : names;
  }

  private static @Nullable Credentials credentials(Options options, Function<String, @Nullable String> environment) {
    String user = options.text(USER);
    String passwordEnv = options.text(PASSWORD_ENV);
    String tokenEnv = options.text(TOKEN_ENV);
    if (tokenEnv != null && (user != null || passwordEnv != null)) {
      options.add("give either " + USER + " (with " + PASSWORD_ENV + ") for basic authentication or " + TOKEN_ENV
          + " for a bearer token, not both");
      return null;
    }
    if (tokenEnv != null) {
      Secret token = secret(tokenEnv, TOKEN_ENV, "an OAuth access token for the instance", environment, options);
      return token == null ? null : Credentials.bearer(token);
    }
    if (user == null) {
      options.add("no credentials (give the option " + USER + "=NAME, whose password is read from $"
          + DEFAULT_PASSWORD_ENV + ", or " + TOKEN_ENV + "=VARIABLE for an OAuth bearer token)");
      return null;
    }
    if (user.contains(":")) {
      options.add("option " + USER + " contains ':' (give only the user name; the password is read from $"
          + DEFAULT_PASSWORD_ENV + " or the variable named by " + PASSWORD_ENV + ")");
      return null;
    }
    Secret password = secret(passwordEnv == null ? DEFAULT_PASSWORD_ENV : passwordEnv, PASSWORD_ENV,
        "the password of " + user, environment, options);
    return password == null ? null : Credentials.basic(user, password);
  }

  private static @Nullable Secret secret(
      String variable, String key, String what, Function<String, @Nullable String> environment, Options options) {
    // Only a conventional name is repeated in messages, in case a secret was given by mistake.
    String place = VARIABLE.matcher(variable).matches() ? "$" + variable : "the environment variable named by " + key;
    String value = environment.apply(variable);
    if (value == null || value.isEmpty()) {
      options.add(place + " is not set (set it to " + what + ", or name another variable with the option " + key + ")");
      return null;
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      options.add("the secret in " + place + " has line breaks or control characters inside (set it to the secret alone)");
      return null;
    }
    return new Secret(value, place);
  }

  /** How devices get ids: CI names are not unique in most CMDBs. */
  enum DeviceIds {
    /** The name; where several CIs share it, {@code name@<sys_id>}; {@code servicenow-<sys_id>} for a CI without one. */
    NAME("name"),
    /** Always {@code servicenow-<sys_id>}; the name stays the device's name. */
    SYS_ID("sys-id");

    final String option;

    DeviceIds(String option) {
      this.option = option;
    }
  }
}
