package dev.rampart.adaptersupport.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Creates the sources of one web API: the options every such source takes, the stable id, and the
 * {@link WebApiEnvironment} that each source created reads with. An adapter says only how its
 * settings are read and checked.
 */
@API(status = INTERNAL, since = "0.1")
public abstract class WebApiProvider implements FactSourceProvider {

  /** The option setting how many objects each page holds (each source has its own default). */
  public static final String PAGE_SIZE = JsonClient.PAGE_SIZE;

  /** The option setting how many times each request is tried in all (default 3). */
  public static final String RETRIES = HttpPolicy.RETRIES;

  /** The option setting how long to wait for a connection, in seconds or ISO-8601 (default 10 s). */
  public static final String CONNECT_TIMEOUT = HttpPolicy.CONNECT_TIMEOUT;

  /** The option setting how long to wait for a whole answer, in seconds or ISO-8601 (default 30 s). */
  public static final String REQUEST_TIMEOUT = HttpPolicy.REQUEST_TIMEOUT;

  private final String id;
  private final WebApiEnvironment environment;

  /**
   * @param id the stable id of the source type, also the {@code sourceId} of every {@code Origin} it reports
   * @param environment what the sources read secrets from, wait with and tell the time by
   */
  protected WebApiProvider(String id, WebApiEnvironment environment) {
    this.id = Objects.requireNonNull(id, "id");
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public final String id() {
    return id;
  }

  /**
   * Checks the location and options and reads the secret; nothing is requested from the server
   * until the source is read.
   *
   * @throws SourceException naming every mistake in the configuration, or a secret that cannot be read
   */
  @Override
  public final FactSource create(SourceConfig config) throws SourceException {
    return create(Objects.requireNonNull(config, "config"), environment);
  }

  /**
   * The source for one configuration, its settings checked as a whole.
   *
   * @throws SourceException with every mistake found, each naming the source and the fix
   */
  protected abstract WebApiSource<?> create(SourceConfig config, WebApiEnvironment environment) throws SourceException;
}
