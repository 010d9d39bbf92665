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
public abstract class WebApiSource implements FactSource {

  private final String sourceId;
  private final BaseUrl base;

  /**
   * @param sourceId the id of the source type, e.g. {@code netbox}
   * @param base the server's base URL, as the user gave it
   */
  protected WebApiSource(String sourceId, BaseUrl base) {
    this.sourceId = Objects.requireNonNull(sourceId, "sourceId");
    this.base = Objects.requireNonNull(base, "base");
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
    List<String> problems = emit(Objects.requireNonNull(sink, "sink"));
    if (!problems.isEmpty()) {
      throw new SourceException(problems);
    }
  }

  /** {@code ID:BASE-URL}, e.g. {@code netbox:https://netbox.example.com}. */
  @Override
  public final String describe() {
    return sourceId + ":" + base;
  }

  /**
   * Reads the server and hands every valid fact to the sink.
   *
   * @return every invalid value found, each naming the object's URL and the fix; empty when there is none
   * @throws SourceException when the server cannot be read
   */
  protected abstract List<String> emit(FactSink sink) throws SourceException;
}
