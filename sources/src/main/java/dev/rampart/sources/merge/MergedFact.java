package dev.rampart.sources.merge;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.source.Origin;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One fact combined from every source that reported it.
 *
 * @param fact the merged fact
 * @param origin the origin of the highest-precedence record (its place is where the fact "is")
 * @param sources the origins of every record merged into it, in precedence order
 * @param fieldOrigins for every reported field path (e.g. {@code credentials.defaultPassword},
 *     {@code services}, {@code attributes.site}), the origin of the value kept; for each element of a
 *     list merged as a union, its own (e.g. {@code services[3]}, {@code networkIds[corp]})
 * @param conflicts fields whose sources disagreed
 */
@API(status = STABLE, since = "0.1")
public record MergedFact(
    Fact fact, Origin origin, List<Origin> sources, Map<FieldPath, Origin> fieldOrigins, List<Conflict> conflicts) {

  public MergedFact {
    Objects.requireNonNull(fact, "fact");
    Objects.requireNonNull(origin, "origin");
    sources = List.copyOf(sources);
    fieldOrigins = Collections.unmodifiableMap(new LinkedHashMap<>(fieldOrigins));
    conflicts = List.copyOf(conflicts);
  }

  /**
   * The origin of the value at a path: the closest recorded path with its indexes and keys first (an
   * element of a list merged from several sources has its own origin: {@code services[2].port} is
   * looked up as {@code services[2].port}, then {@code services[2]}), then without them ({@code
   * services.port}, then {@code services}: a list one source reported is reported whole); the fact's
   * own origin when no field-level origin is known.
   */
  public Origin originOf(FieldPath path) {
    for (FieldPath key = path; !key.isRoot(); key = key.parent()) {
      Origin found = fieldOrigins.get(key);
      if (found != null && !key.equals(key.withoutSelectors())) {
        return found;
      }
    }
    for (FieldPath key = path.withoutSelectors(); !key.isRoot(); key = key.parent()) {
      Origin found = fieldOrigins.get(key);
      if (found != null) {
        return found;
      }
    }
    return origin;
  }

  /** The conflict on a field, if sources disagreed on it. */
  public Optional<Conflict> conflictOn(FieldPath field) {
    return conflicts.stream().filter(c -> c.field().equals(field)).findFirst();
  }
}
