package dev.rampart.sources;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceRole;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * One source of facts as a user named it: {@code --source TYPE:LOCATION} with its
 * {@code --source-option KEY=VALUE}s, or an inventory FILE.
 *
 * @param type the id of the fact source provider, e.g. {@code inventory}
 * @param location what the provider reads: a file path or a URL
 * @param options the provider's settings, in the order given
 */
@API(status = STABLE, since = "0.1")
public record SourceSpec(String type, String location, Map<String, String> options) {

  /**
   * The option every source takes that says whether records it cannot read may be skipped:
   * {@code partial=true} evaluates the others (and lists the skipped ones), {@code partial=false}
   * fails the source at any skipped record; without it, {@code --allow-partial} decides.
   */
  public static final String PARTIAL_OPTION = "partial";

  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*");

  public SourceSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(location, "location");
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /**
   * Parses {@code TYPE:LOCATION}; the location may itself hold colons, as a URL does.
   *
   * @throws IllegalArgumentException saying what the value should look like
   */
  public static SourceSpec parse(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1 || !TYPE.matcher(text.substring(0, colon)).matches()) {
      throw new IllegalArgumentException("'" + text + "' is not TYPE:LOCATION (e.g. inventory:site.yaml;"
          + " 'rampart adapters' lists the types)");
    }
    return new SourceSpec(text.substring(0, colon), text.substring(colon + 1), Map.of());
  }

  /** This source with one more option; a key given twice keeps the last value. */
  public SourceSpec withOption(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(options);
    more.put(key, value);
    return new SourceSpec(type, location, more);
  }

  /**
   * What the provider is created with: the options but {@value SourceRole#OPTION} and
   * {@value #PARTIAL_OPTION}, which every source takes and {@link Sources} and {@link Inventory} read.
   */
  public SourceConfig config() {
    Map<String, String> forProvider = new LinkedHashMap<>(options);
    forProvider.remove(SourceRole.OPTION);
    forProvider.remove(PARTIAL_OPTION);
    return new SourceConfig(location, forProvider);
  }

  /** {@code TYPE:LOCATION}. */
  @Override
  public String toString() {
    return type + ":" + location;
  }
}
