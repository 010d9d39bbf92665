package dev.rampart.sources;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.fact.WireNames;
import dev.rampart.spi.source.DidYouMean;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceRole;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The fact source providers on the class path, by id: the one place that uses {@link ServiceLoader}. */
@API(status = STABLE, since = "0.1")
public final class Sources {

  private static final Logger LOG = LoggerFactory.getLogger(Sources.class);

  private final Map<String, FactSourceProvider> providers;

  private Sources(Map<String, FactSourceProvider> providers) {
    this.providers = providers;
  }

  /** Finds every {@link FactSourceProvider} registered with {@link ServiceLoader}. */
  public static Sources discover() {
    return of(ServiceLoader.load(FactSourceProvider.class));
  }

  /**
   * The given providers, by id.
   *
   * @throws IllegalStateException when two providers share an id, naming both classes
   */
  public static Sources of(Iterable<? extends FactSourceProvider> providers) {
    Map<String, FactSourceProvider> byId = new TreeMap<>();
    for (FactSourceProvider provider : providers) {
      FactSourceProvider previous = byId.putIfAbsent(provider.id(), provider);
      if (previous != null) {
        throw new IllegalStateException(
            "two fact source providers have the id '" + provider.id() + "': "
                + previous.getClass().getName() + " and " + provider.getClass().getName()
                + "; remove one of them from the class path");
      }
      LOG.debug("found fact source '{}' ({})", provider.id(), provider.getClass().getName());
    }
    LOG.debug("fact sources on the class path: {}", byId.isEmpty() ? "none" : String.join(", ", byId.keySet()));
    return new Sources(byId);
  }

  /** The ids of the providers found, in alphabetical order. */
  public Set<String> ids() {
    return Collections.unmodifiableSet(providers.keySet());
  }

  /** The providers found, in the alphabetical order of their ids. */
  public List<FactSourceProvider> providers() {
    return List.copyOf(providers.values());
  }

  /**
   * A source's role in this run: the {@value SourceRole#OPTION} option when given
   * ({@code systemOfRecord}, {@code discovery} or {@code description}, in any case, with or without
   * {@code -} or {@code _}), else its provider's.
   *
   * @throws SourceException when the type is unknown, or the option names no role
   */
  public SourceRole role(SourceSpec spec) throws SourceException {
    FactSourceProvider provider = provider(spec.type());
    String given = spec.options().get(SourceRole.OPTION);
    if (given == null) {
      return provider.role();
    }
    List<String> names = WireNames.all(SourceRole.class);
    for (SourceRole role : SourceRole.values()) {
      if (comparable(WireNames.of(role)).equals(comparable(given))) {
        return role;
      }
    }
    throw new SourceException(spec + ": option " + SourceRole.OPTION + " is '" + given + "', not a role ("
        + DidYouMean.hint(given, names, "write " + SourceRole.OPTION + "=" + names.get(0) + ", " + SourceRole.OPTION
            + "=" + names.get(1) + " or " + SourceRole.OPTION + "=" + names.get(2))
        + "; the " + spec.type() + " source is " + WireNames.of(provider.role()) + " unless the option says otherwise)");
  }

  /**
   * The provider with the given id.
   *
   * @throws SourceException when there is none, listing the ids that are available
   */
  public FactSourceProvider provider(String id) throws SourceException {
    FactSourceProvider provider = providers.get(id);
    if (provider == null) {
      String available = providers.isEmpty() ? "none" : String.join(", ", providers.keySet());
      throw new SourceException(
          "unknown fact source '" + id + "' (available: " + available
              + "; add the adapter's jar to the class path to use another)");
    }
    return provider;
  }

  private static String comparable(String name) {
    return name.replace("-", "").replace("_", "").strip().toLowerCase(Locale.ROOT);
  }
}
