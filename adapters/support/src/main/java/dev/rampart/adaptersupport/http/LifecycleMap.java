package dev.rampart.adaptersupport.http;

import dev.rampart.spi.fact.LifecycleStatus;
import dev.rampart.spi.fact.WireNames;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the values of a system of record's status field mean for a device's lifecycle: the values the
 * system ships with, changed by an option {@code VALUE:STATUS,…} for the values an administrator
 * added or gave another meaning. A value may be known and say nothing of the lifecycle
 * ({@code VALUE:unknown}); a value that is not known at all is for the adapter to refuse, never to
 * guess at. Values are compared without regard to case.
 */
public final class LifecycleMap {

  /** What an option maps a value to when it says nothing of the lifecycle. */
  public static final String UNKNOWN = "unknown";

  private final Map<String, LifecycleStatus> statuses;
  private final Set<String> known;

  private LifecycleMap(Map<String, LifecycleStatus> statuses, Set<String> known) {
    this.statuses = Map.copyOf(statuses);
    this.known = Set.copyOf(known);
  }

  /**
   * The system's own values, changed by the option {@code key}; each mistake in the option is added
   * to {@code options}.
   *
   * @param defaults the values the system ships with that say where a device is in its life
   * @param sayNothing the values the system ships with that say nothing of it
   * @param value what a value looks like, so that a typo in the option is caught
   * @param form how one pair is written, for messages, e.g. {@code code:status}
   * @param example a valid option value, for messages, e.g. {@code 6:planned,101:active}
   */
  public static LifecycleMap parse(Options options, String key, Map<String, LifecycleStatus> defaults,
      Collection<String> sayNothing, Pattern value, String form, String example) {
    Map<String, LifecycleStatus> statuses = new LinkedHashMap<>();
    defaults.forEach((code, status) -> statuses.put(normal(code), status));
    Set<String> known = new HashSet<>(statuses.keySet());
    sayNothing.forEach(code -> known.add(normal(code)));
    String option = options.text(key);
    if (option != null) {
      String choices = String.join(", ", WireNames.all(LifecycleStatus.class)) + " or " + UNKNOWN;
      for (String pair : option.split(",")) {
        String entry = pair.strip();
        int colon = entry.lastIndexOf(':');
        String code = colon < 0 ? "" : normal(entry.substring(0, colon));
        String name = colon < 0 ? "" : entry.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
        if (!value.matcher(code).matches()) {
          options.add("option " + key + ": '" + entry + "' is not " + form + " (e.g. " + key + "=" + example + ")");
          continue;
        }
        if (name.equals(UNKNOWN)) {
          statuses.remove(code);
          known.add(code);
          continue;
        }
        Optional<LifecycleStatus> status = WireNames.parse(LifecycleStatus.class, name);
        if (status.isEmpty()) {
          options.add("option " + key + ": '" + entry + "': '" + name + "' is not a lifecycle status (use " + choices + ")");
          continue;
        }
        statuses.put(code, status.get());
        known.add(code);
      }
    }
    return new LifecycleMap(statuses, known);
  }

  /** Whether the value is one this map knows: the system's own, or one the option names. */
  public boolean knows(String value) {
    return known.contains(normal(value));
  }

  /** The lifecycle status a value means; {@code null} when it says nothing of the lifecycle or is not known. */
  public @Nullable LifecycleStatus status(String value) {
    return statuses.get(normal(value));
  }

  private static String normal(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }
}
