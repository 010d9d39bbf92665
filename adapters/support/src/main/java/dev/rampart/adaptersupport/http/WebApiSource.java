package dev.rampart.adaptersupport.http;

import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.SourceException;
import java.util.List;
import java.util.Objects;

/**
 * One server of a web API, read whole as facts; the adapter says which endpoints it reads and how
 * their objects become facts, and every invalid value it finds is reported together.
 */
public abstract class WebApiSource<S extends WebApiSettings> implements FactSource {

  private final String sourceId;
  private final S settings;
  private final WebApiEnvironment environment;

  /**
   * @param sourceId the id of the source type, e.g. {@code netbox}
   * @param settings the source's settings, checked as a whole
   * @param environment what the source reads with
   */
  protected WebApiSource(String sourceId, S settings, WebApiEnvironment environment) {
    this.sourceId = Objects.requireNonNull(sourceId, "sourceId");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  /**
   * Reads every endpoint completely, then hands the facts to the sink; each fact's origin is the
   * object's API URL and the time the server sent it.
   *
   * @throws SourceException when the server cannot be read (naming the URL, the HTTP status and the
   *     fix), or with every invalid value found; facts already handed to the sink must then be discarded
   */
  @Override
  public final void read(FactSink sink) throws SourceException {
    List<String> problems = emit(settings, JsonClient.builder(settings, environment), Objects.requireNonNull(sink, "sink"));
    if (!problems.isEmpty()) {
      throw new SourceException(problems);
    }
  }

  /** {@code ID:BASE-URL}, e.g. {@code netbox:https://netbox.example.com}. */
  @Override
  public final String describe() {
    return sourceId + ":" + settings.base();
  }

  /**
   * Reads the server and hands every valid fact to the sink.
   *
   * @param settings the source's settings
   * @param client a client for the server with the credential and the environment set; it needs
   *     only what messages say about the server
   * @return every invalid value found, each naming the object's URL and the fix; empty when there is none
   * @throws SourceException when the server cannot be read
   */
  protected abstract List<String> emit(S settings, JsonClient.Builder client, FactSink sink) throws SourceException;
}
