package dev.rampart.adapter.netbox;

import dev.rampart.adaptersupport.http.Options;
import dev.rampart.spi.fact.WireNames;
import dev.rampart.spi.fact.Zone;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which security zone a NetBox role or tag slug stands for: the pairs of the option
 * {@code zoneMap=slug:zone,…}, and every slug that is itself a zone's name ({@code iot}, {@code dmz}…).
 */
final class ZoneMap {

  private final Map<String, Zone> bySlug;

  private ZoneMap(Map<String, Zone> bySlug) {
    this.bySlug = Map.copyOf(bySlug);
  }

  /** Parses {@code slug:zone,slug:zone}, adding a problem to {@code options} for each bad pair. */
  static ZoneMap parse(@Nullable String option, String key, Options options) {
    Map<String, Zone> bySlug = new LinkedHashMap<>();
    if (option == null) {
      return new ZoneMap(bySlug);
    }
    for (String pair : option.split(",")) {
      String entry = pair.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int colon = entry.indexOf(':');
      if (colon <= 0 || colon == entry.length() - 1) {
        options.add("option " + key + ": '" + entry + "' is not slug:zone (e.g. " + key + "=cameras:iot,office:corporate)");
        continue;
      }
      String slug = entry.substring(0, colon).strip();
      String name = entry.substring(colon + 1).strip();
      Optional<Zone> zone = WireNames.parse(Zone.class, name.toLowerCase(Locale.ROOT));
      if (zone.isEmpty()) {
        options.add("option " + key + ": '" + entry + "': '" + name + "' is not a zone (use one of "
            + String.join(", ", WireNames.all(Zone.class)) + ")");
        continue;
      }
      Zone previous = bySlug.putIfAbsent(slug, zone.get());
      if (previous != null && previous != zone.get()) {
        options.add("option " + key + ": '" + slug + "' is mapped to both " + WireNames.of(previous) + " and "
            + WireNames.of(zone.get()) + " (keep one)");
      }
    }
    return new ZoneMap(bySlug);
  }

  /** The zone of the first slug that has one, in the order given; {@code null} when none has. */
  @Nullable Zone first(List<String> slugs) {
    for (String slug : slugs) {
      Zone zone = bySlug.get(slug);
      if (zone == null) {
        zone = WireNames.parse(Zone.class, slug).orElse(null);
      }
      if (zone != null) {
        return zone;
      }
    }
    return null;
  }
}
