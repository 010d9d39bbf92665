package dev.rampart.cli.input;

import dev.rampart.spi.source.Origin;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Where each fact of one type was read, kept for a whole streamed fleet: a million devices of one
 * file share their source, file and collection time, so only each one's line and column is kept,
 * packed in one number of an open-addressing table (some 24 bytes a fact instead of the 70 of a map
 * entry and an {@link Origin}). An origin with another source, file or time is kept whole.
 *
 * <p>Evaluation threads look origins up while the reading thread adds them: every method holds the
 * table's lock, which the one writer takes without contention almost always.
 */
final class FactOrigins {

  private static final int INITIAL_CAPACITY = 1 << 10;

  private @Nullable Origin common;
  private String[] ids = new String[INITIAL_CAPACITY];
  private long[] places = new long[INITIAL_CAPACITY];
  private int size;
  private final Map<String, Origin> unlike = new HashMap<>();

  /** Remembers where the fact with this id was read; a later origin for the same id replaces it. */
  synchronized void put(String id, Origin origin) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(origin, "origin");
    if (common == null) {
      common = origin;
    }
    if (!sameSource(origin)) {
      remove(id);
      unlike.put(id, origin);
      return;
    }
    unlike.remove(id);
    if ((size + 1) * 4L > ids.length * 3L) {
      grow();
    }
    int slot = slot(id, ids.length);
    while (ids[slot] != null && !ids[slot].equals(id)) {
      slot = (slot + 1) & (ids.length - 1);
    }
    if (ids[slot] == null) {
      ids[slot] = id;
      size++;
    }
    places[slot] = pack(origin.line(), origin.column());
  }

  /** Where the fact with this id was read, or {@code null} when it was not. */
  synchronized @Nullable Origin get(String id) {
    int slot = find(id);
    if (slot >= 0) {
      Origin shared = Objects.requireNonNull(common);
      long place = places[slot];
      return new Origin(shared.sourceId(), shared.location(), (int) (place >>> 32), (int) place, shared.collectedAt());
    }
    return unlike.get(id);
  }

  /** Each id with its origin, in no particular order. */
  synchronized void forEach(BiConsumer<String, Origin> action) {
    for (String id : ids) {
      if (id != null) {
        action.accept(id, Objects.requireNonNull(get(id)));
      }
    }
    unlike.forEach(action);
  }

  private boolean sameSource(Origin origin) {
    Origin shared = Objects.requireNonNull(common);
    return shared.sourceId().equals(origin.sourceId()) && shared.location().equals(origin.location())
        && Objects.equals(shared.collectedAt(), origin.collectedAt());
  }

  private int find(String id) {
    int slot = slot(id, ids.length);
    while (ids[slot] != null) {
      if (ids[slot].equals(id)) {
        return slot;
      }
      slot = (slot + 1) & (ids.length - 1);
    }
    return -1;
  }

  // Linear probing: an entry removed leaves the entries after it in its run re-placed.
  private void remove(String id) {
    int slot = find(id);
    if (slot < 0) {
      return;
    }
    ids[slot] = null;
    size--;
    for (int next = (slot + 1) & (ids.length - 1); ids[next] != null; next = (next + 1) & (ids.length - 1)) {
      String moved = ids[next];
      long place = places[next];
      ids[next] = null;
      size--;
      insert(moved, place);
    }
  }

  private void grow() {
    String[] oldIds = ids;
    long[] oldPlaces = places;
    ids = new String[oldIds.length * 2];
    places = new long[oldIds.length * 2];
    size = 0;
    for (int i = 0; i < oldIds.length; i++) {
      if (oldIds[i] != null) {
        insert(oldIds[i], oldPlaces[i]);
      }
    }
  }

  private void insert(String id, long place) {
    int slot = slot(id, ids.length);
    while (ids[slot] != null) {
      slot = (slot + 1) & (ids.length - 1);
    }
    ids[slot] = id;
    places[slot] = place;
    size++;
  }

  private static long pack(int line, int column) {
    return ((long) line << 32) | (column & 0xFFFFFFFFL);
  }

  // Fibonacci hashing: ids that differ in their last characters only still spread over the table.
  private static int slot(String id, int capacity) {
    return (id.hashCode() * 0x9E3779B9) >>> (Integer.SIZE - Integer.numberOfTrailingZeros(capacity));
  }
}
