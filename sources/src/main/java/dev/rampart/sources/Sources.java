package dev.rampart.sources;

import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The fact source providers on the class path, by id: the one place that uses {@link ServiceLoader}. */
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
}
