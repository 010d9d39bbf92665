package dev.rampart.engine.value;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A reference framework a pack cites in its rules' {@code references}, as the pack declares it: which
 * edition the control ids are taken from, and which of its controls no rule checks, and why.
 *
 * @param key the name rules cite it by, e.g. {@code etsi-en-303-645}
 * @param title the framework's title, e.g. {@code ETSI EN 303 645 Cyber Security for Consumer IoT}
 * @param edition the edition the control ids are taken from, e.g. {@code V2.1.1 (2020-06)}
 * @param url where the edition can be read; {@code null} when the pack names none
 * @param controls control id to what the control requires, in the pack's order; when not empty,
 *     rules may cite only these ids
 * @param notCovered control id to the reason no rule of the pack checks it, in the pack's order
 */
@API(status = STABLE, since = "0.1")
public record Framework(
    String key, String title, String edition, @Nullable String url, Map<String, String> controls,
    Map<String, String> notCovered) {

  public Framework {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(edition, "edition");
    controls = ordered(controls);
    notCovered = ordered(notCovered);
  }

  /** Where the edition can be read, if the pack names it. */
  public Optional<String> link() {
    return Optional.ofNullable(url);
  }

  /** What the control requires, if the pack states it. */
  public Optional<String> control(String id) {
    return Optional.ofNullable(controls.get(id));
  }

  private static Map<String, String> ordered(Map<String, String> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
