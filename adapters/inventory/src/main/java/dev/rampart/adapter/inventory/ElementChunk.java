package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.TextPosition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Consecutive elements of one inventory list, as the bytes of the file from the first one's start
 * to the last one's end, with the commas between them blanked out: a sequence of JSON objects
 * that one parser reads in turn, its positions moved to where the first one starts in the file.
 */
final class ElementChunk {

  private final byte[] bytes;
  private final long startByte;
  private final TextPosition start;
  private final String section;
  private final FactType type;
  private final int firstIndex;
  private final int count;
  private final CompletableFuture<List<BoundElement>> bound = new CompletableFuture<>();

  /**
   * @param bytes the elements' bytes, the commas between them blanked out
   * @param startByte where the first element starts in the file, in bytes
   * @param start where the first element starts in the file
   * @param section the list's place, e.g. {@code devices}, for messages
   * @param firstIndex the first element's index in the list
   * @param count how many elements the bytes hold
   */
  ElementChunk(byte[] bytes, long startByte, TextPosition start, String section, FactType type, int firstIndex,
      int count) {
    this.bytes = bytes;
    this.startByte = startByte;
    this.start = start;
    this.section = section;
    this.type = type;
    this.firstIndex = firstIndex;
    this.count = count;
  }

  /**
   * A chunk of one element the reader has already judged (an entry that is not an object), to be
   * handed back in its place among the others.
   */
  static ElementChunk judged(String section, FactType type, int index, BoundElement element) {
    ElementChunk chunk = new ElementChunk(new byte[0], -1, element.start(), section, type, index, 1);
    chunk.bound.complete(List.of(element));
    return chunk;
  }

  /** The elements bound, in order, once a thread has bound them; or why the chunk could not be read. */
  CompletableFuture<List<BoundElement>> bound() {
    return bound;
  }

  /** The elements, bound, in order; only once {@link #bound()} has completed normally. */
  List<BoundElement> elements() {
    return bound.join();
  }

  String section() {
    return section;
  }

  int firstIndex() {
    return firstIndex;
  }

  /** Binds every element on the calling thread and completes {@link #bound()}. */
  void bindWith(ElementBinder binder, SharedValues shared) {
    try {
      bound.complete(bind(binder, shared));
    } catch (Throwable e) {
      // handed to the reader's thread, which throws it as its own
      bound.completeExceptionally(e);
    }
  }

  private List<BoundElement> bind(ElementBinder binder, SharedValues shared) throws IOException {
    List<BoundElement> elements = new ArrayList<>(count);
    try (TrackingParser parser = new TrackingParser(InventoryFormat.createJsonParser(bytes), shared, start,
        startByte)) {
      JsonStreamContext root = parser.getParsingContext();
      for (int i = 0; i < count; i++) {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_OBJECT) {
          throw new IllegalStateException("element " + (firstIndex + i) + " of the chunk of '" + section
              + "' starting at " + start + " is " + token + ", not an object");
        }
        elements.add(binder.bind(parser, new ElementPlace(section, firstIndex + i, null), type, root));
      }
    }
    return elements;
  }
}
