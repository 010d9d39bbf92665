package dev.rampart.adapter.netbox;

import static dev.rampart.adapter.netbox.NetBoxProvider.DEVICE_IDS;
import static dev.rampart.adapter.netbox.NetBoxProvider.END_OF_SUPPORT_FIELD;
import static dev.rampart.adapter.netbox.NetBoxProvider.OWNER_FIELD;
import static dev.rampart.adapter.netbox.NetBoxProvider.PAGE_SIZE;
import static dev.rampart.adapter.netbox.NetBoxProvider.STATUS_MAP;
import static dev.rampart.adapter.netbox.NetBoxProvider.TOKEN_ENV;
import static dev.rampart.adapter.netbox.NetBoxProvider.TOKEN_FILE;
import static dev.rampart.adapter.netbox.NetBoxProvider.ZONE_MAP;

import dev.rampart.adaptersupport.http.BaseUrl;
import dev.rampart.adaptersupport.http.HttpPolicy;
import dev.rampart.adaptersupport.http.LifecycleMap;
import dev.rampart.adaptersupport.http.Options;
import dev.rampart.adaptersupport.http.Secret;
import dev.rampart.adaptersupport.http.WebApiSettings;
import dev.rampart.spi.source.InputFileException;
import dev.rampart.spi.source.InputFiles;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A NetBox source's configuration, checked as a whole.
 *
 * @param base the NetBox base URL
 * @param token the API token
 * @param http timeouts and retries
 * @param pageSize objects per page ({@code limit})
 * @param ownerField the custom field that names a device's owner
 * @param endOfSupportField the custom field with a device's end-of-support date
 * @param zones which role and tag slugs stand for which zone
 * @param deviceIds how devices are given ids that stay unique across sites
 * @param statuses which device statuses mean which lifecycle status, NetBox's own and those of the option statusMap
 */
record NetBoxSettings(
    BaseUrl base,
    Secret token,
    HttpPolicy http,
    int pageSize,
    String ownerField,
    String endOfSupportField,
    ZoneMap zones,
    DeviceIds deviceIds,
    LifecycleMap statuses) implements WebApiSettings {

  static final String DEFAULT_TOKEN_ENV = "NETBOX_TOKEN";
  static final List<String> OPTIONS = List.of(TOKEN_ENV, TOKEN_FILE, OWNER_FIELD, END_OF_SUPPORT_FIELD, ZONE_MAP,
      DEVICE_IDS, STATUS_MAP, PAGE_SIZE, HttpPolicy.RETRIES, HttpPolicy.CONNECT_TIMEOUT, HttpPolicy.REQUEST_TIMEOUT);

  private static final String EXAMPLE = "https://netbox.example.com";
  // a choice value or, for NetBox 2.0 to 2.5, a label: anything but the option's separators
  private static final Pattern STATUS = Pattern.compile("[^,:\\s][^,:]*");
  private static final Pattern VARIABLE = Pattern.compile("[A-Z_][A-Z0-9_]*");
  private static final Pattern LOOKS_LIKE_TOKEN = Pattern.compile("[0-9a-fA-F]{40}|nbt_.*");
  private static final long LONGEST_TOKEN_FILE = 64 * 1024;

  /**
   * Reads the location and options.
   *
   * @param environment the process environment, by variable name
   * @throws SourceException with every mistake found, each naming the source and the fix
   */
  static NetBoxSettings parse(SourceConfig config, Function<String, @Nullable String> environment)
      throws SourceException {
    Options options = new Options(config, "netbox source '" + BaseUrl.display(config.location()) + "'", OPTIONS);
    BaseUrl base = BaseUrl.parse(config.location(), options, EXAMPLE);
    if (base != null && base.path().endsWith("/api")) {
      options.add("give the NetBox base URL without /api (e.g. " + EXAMPLE + ")");
    }
    Secret token = token(options, environment);
    HttpPolicy http = HttpPolicy.from(options);
    int pageSize = options.wholeNumber(PAGE_SIZE, 1000, 1, 10_000);
    String ownerField = options.text(OWNER_FIELD, "owner");
    String endOfSupportField = options.text(END_OF_SUPPORT_FIELD, "end_of_support");
    ZoneMap zones = ZoneMap.parse(options.text(ZONE_MAP), ZONE_MAP, options);
    DeviceIds deviceIds = options.choice(DEVICE_IDS, DeviceIds.NAME, ids -> ids.option,
        DEVICE_IDS + "=netbox-id for NetBox's numeric ids");
    LifecycleMap statuses = LifecycleMap.parse(options, STATUS_MAP, NetBoxFacts.STATUSES, NetBoxFacts.SILENT_STATUSES,
        STATUS, "status:lifecycle", "retired:retired,in-repair:maintenance");
    if (!options.problems().isEmpty() || base == null || token == null) {
      throw new SourceException(options.problems());
    }
    return new NetBoxSettings(base, token, http, pageSize, ownerField, endOfSupportField, zones, deviceIds, statuses);
  }

  /**
   * The {@code Authorization} header: {@code Bearer} for NetBox 4.5's v2 tokens ({@code nbt_…}),
   * {@code Token} for the 40-character v1 tokens.
   */
  @Override
  public String authorization() {
    return (token.value().startsWith("nbt_") ? "Bearer " : "Token ") + token.value();
  }

  @Override
  public String redact(String text) {
    return token.redact(text);
  }

  private static @Nullable Secret token(Options options, Function<String, @Nullable String> environment) {
    String variable = options.text(TOKEN_ENV);
    String file = options.text(TOKEN_FILE);
    if (variable != null && file != null) {
      options.add("give either the option " + TOKEN_ENV + " or " + TOKEN_FILE + ", not both");
      return null;
    }
    if (file != null) {
      return fromFile(file, options);
    }
    return fromEnvironment(variable == null ? DEFAULT_TOKEN_ENV : variable, environment, options);
  }

  private static @Nullable Secret fromEnvironment(
      String variable, Function<String, @Nullable String> environment, Options options) {
    if (LOOKS_LIKE_TOKEN.matcher(variable).matches()) {
      options.add("option " + TOKEN_ENV + " looks like a token itself (name the environment variable that holds"
          + " the token instead, e.g. " + TOKEN_ENV + "=" + DEFAULT_TOKEN_ENV + ", and consider the token exposed)");
      return null;
    }
    // Only a conventional name is repeated in messages, in case a secret was given by mistake.
    String place = VARIABLE.matcher(variable).matches() ? "$" + variable : "the environment variable named by " + TOKEN_ENV;
    String value = environment.apply(variable);
    if (value == null || value.isBlank()) {
      options.add("no API token: " + place + " is not set (set it to a NetBox API token with read permission,"
          + " or name another variable with the option " + TOKEN_ENV + ", or a file with " + TOKEN_FILE + ")");
      return null;
    }
    return checked(new Secret(value.strip(), place), options);
  }

  private static @Nullable Secret fromFile(String file, Options options) {
    String place = "the file '" + file + "'";
    String value;
    try {
      value = InputFiles.readUtf8(Path.of(file), LONGEST_TOKEN_FILE);
    } catch (InvalidPathException e) {
      options.add("option " + TOKEN_FILE + " is not a valid file path (" + e.getReason() + ")");
      return null;
    } catch (InputFileException e) {
      String cannot = "cannot read the token from " + place + ": ";
      options.add(cannot + switch (e.kind()) {
        case MISSING -> "no such file (check the path given with " + TOKEN_FILE + ")";
        case DIRECTORY -> "it is a directory (name the file that holds the token)";
        case TOO_LARGE -> "it is larger than 64 KiB (it should hold only the token)";
        case NOT_UTF8 -> "it is not UTF-8 text";
        case NOT_REGULAR, UNREADABLE -> "it " + e.reason() + " (" + e.fix() + ")";
      });
      return null;
    }
    if (value.isBlank()) {
      options.add("no API token: " + place + " is empty (write the NetBox API token into it)");
      return null;
    }
    return checked(new Secret(value.strip(), place), options);
  }

  private static @Nullable Secret checked(Secret token, Options options) {
    if (token.value().chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      options.add("the token in " + token.place() + " has spaces, line breaks or control characters inside"
          + " (a NetBox token is one word: 40 hexadecimal characters, or nbt_… for a v2 token)");
      return null;
    }
    return token;
  }

  /** How devices get ids: NetBox requires a device name to be unique only per site (and tenant). */
  enum DeviceIds {
    /** The name; where several devices share it, {@code name@site-slug}, and where that repeats too, {@code name@netbox-<id>}. */
    NAME("name"),
    /** Always {@code name@site-slug} (and {@code name@netbox-<id>} where that repeats). */
    SITE_NAME("site-name"),
    /** Always {@code netbox-<id>}, NetBox's own numeric id; the name stays the device's name. */
    NETBOX_ID("netbox-id");

    final String option;

    DeviceIds(String option) {
      this.option = option;
    }
  }
}
