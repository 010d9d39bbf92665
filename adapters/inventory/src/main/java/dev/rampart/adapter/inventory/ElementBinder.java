package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.rampart.adaptersupport.json.Json;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.SourceProblems;
import dev.rampart.spi.source.TextPosition;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Binds inventory elements to their fact records with Jackson databind, one at a time, on one
 * thread: the reader's own, or one of the threads that bind a large file's devices.
 */
final class ElementBinder {

  private final String file;
  private final PendingReference reference = new PendingReference();
  // One reader per fact type for the whole read: making one per element costs more than binding it.
  private final Map<FactType, ObjectReader> readers = new EnumMap<>(FactType.class);

  /** @param file the file's name, for the problem lines */
  ElementBinder(String file) {
    this.file = file;
  }

  /**
   * Binds the object under the parser; {@code container} is the list (or root) it sits in. An
   * element that cannot be bound comes back with its problems, and the parser stands at its end.
   *
   * @throws IOException when the stream itself cannot be read further (syntax, limits, encoding)
   */
  BoundElement bind(TrackingParser parser, ElementPlace place, FactType type, JsonStreamContext container)
      throws IOException {
    TextPosition start = here(parser);
    parser.startElement();
    reference.startElement(parser);
    Fact fact;
    try {
      fact = reader(type).readValue(parser);
    } catch (JsonMappingException e) {
      IOException streamFailure = streamFailureIn(e);
      if (streamFailure != null) {
        throw streamFailure;
      }
      BindingError error = BindingError.of(e, parser, type, start);
      parser.skipUntilBackIn(container);
      ElementPlace named = new ElementPlace(place.section(), place.index(), parser.elementId());
      SourceProblems record = new SourceProblems(file);
      record.add(error.position(), named.append(error.path()), error.what(), error.fix());
      return new BoundElement.Unbound(start, blankToNull(parser.elementId()), record);
    }
    return new BoundElement.Bound(start, fact, reference.take());
  }

  /** Jackson wraps parse errors met while binding; those end the whole read, not just one element. */
  static @Nullable IOException streamFailureIn(JsonMappingException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException io && !(cause instanceof DatabindException)) {
        return io;
      }
    }
    return null;
  }

  /** Where the parser's current token starts. */
  static TextPosition here(TrackingParser parser) {
    TextPosition position = Json.positionOf(parser.currentTokenLocation());
    return position != null ? position : new TextPosition(1, 1);
  }

  private ObjectReader reader(FactType type) {
    ObjectReader reader = readers.get(type);
    if (reader == null) {
      reader = FactReaders.forType(type).withAttribute(PendingReference.class, reference);
      readers.put(type, reader);
    }
    return reader;
  }

  private static @Nullable String blankToNull(@Nullable String id) {
    return id == null || id.isBlank() ? null : id;
  }
}
