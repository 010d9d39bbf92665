package dev.rampart.engine;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.internal.ast.Version;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The lowest version of each pack id that may be loaded, so that an older signed copy of a pack (or
 * of a base) is refused. Versions are compared as versions: {@code 1.10 > 1.9}, {@code 1.2 = 1.2.0},
 * a pre-release such as {@code 1.2.0-rc1} is below {@code 1.2.0}.
 */
@API(status = STABLE, since = "0.1")
public final class MinimumVersions {

  private static final Pattern PACK_ID = Pattern.compile("[A-Za-z0-9._-]+");
  private static final MinimumVersions NONE = new MinimumVersions(Map.of());

  private final Map<String, String> minimum;

  private MinimumVersions(Map<String, String> minimum) {
    this.minimum = Map.copyOf(minimum);
  }

  /** No minimum for any pack. */
  public static MinimumVersions none() {
    return NONE;
  }

  /**
   * These minimums, and {@code version} for {@code packId}: a pack or base with that id and a lower
   * version is refused. A second minimum for the same id replaces the first.
   *
   * @throws IllegalArgumentException if the id is not a pack id or the version is blank
   */
  public MinimumVersions require(String packId, String version) {
    Objects.requireNonNull(packId, "packId");
    Objects.requireNonNull(version, "version");
    if (!PACK_ID.matcher(packId).matches()) {
      throw new IllegalArgumentException("'" + packId + "' is not a pack id: pack ids are letters, digits, '.', '_'"
          + " and '-'");
    }
    if (version.isBlank()) {
      throw new IllegalArgumentException("the minimum version of pack '" + packId + "' is blank: give a version,"
          + " e.g. 1.0.0");
    }
    Map<String, String> more = new TreeMap<>(minimum);
    more.put(packId, version.strip());
    return new MinimumVersions(more);
  }

  /** The minimum version of {@code packId}, if one is set. */
  public Optional<String> of(String packId) {
    return Optional.ofNullable(minimum.get(packId));
  }

  /** Whether {@code version} of {@code packId} is below its minimum. */
  public boolean refuses(String packId, String version) {
    String lowest = minimum.get(packId);
    return lowest != null && Version.parse(version).compareTo(Version.parse(lowest)) < 0;
  }

  /** The minimums by pack id, sorted. */
  public SortedMap<String, String> asMap() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(minimum));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MinimumVersions other && minimum.equals(other.minimum);
  }

  @Override
  public int hashCode() {
    return minimum.hashCode();
  }

  @Override
  public String toString() {
    return new TreeMap<>(minimum).toString();
  }
}
