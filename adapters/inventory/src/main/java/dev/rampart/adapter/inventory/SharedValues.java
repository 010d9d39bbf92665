package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonParser;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Hands out one instance for values that repeat across the elements of one read (host names,
 * versions, issuers, dates, port numbers, whole parts of facts), so a large fleet keeps each of
 * them once instead of once per device. The values are immutable, so sharing them cannot show.
 *
 * <p>The tables are direct-mapped: a value whose slot holds another value takes the slot over. So
 * memory stays bounded however many distinct values (ids, serial numbers, fingerprints) a file
 * holds, and a value that repeats often keeps finding itself.
 */
final class SharedValues {

  /** Longer texts are rarely repeated and are kept as read. */
  static final int MAX_TEXT_LENGTH = 64;

  private static final int TEXT_SLOT_BITS = 12;
  private static final int TEXT_SLOTS = 1 << TEXT_SLOT_BITS;
  // Values include whole parts of facts (see SharedPartsModifier), so there are more of them.
  private static final int VALUE_SLOT_BITS = 14;
  private static final int VALUE_SLOTS = 1 << VALUE_SLOT_BITS;

  private final String[] texts = new String[TEXT_SLOTS];
  // Each held text's hash, length and characters, side by side: comparing against these does not
  // reach into the String, which may lie anywhere in a large heap, for every text read.
  private final int[] hashes = new int[TEXT_SLOTS];
  private final int[] lengths = new int[TEXT_SLOTS];
  private final char[] characters = new char[TEXT_SLOTS * MAX_TEXT_LENGTH];
  private final Object[] values = new Object[VALUE_SLOTS];
  private final int[] valueHashes = new int[VALUE_SLOTS];
  private final char[] scratch = new char[MAX_TEXT_LENGTH];
  // The hash of the characters find() did not find, for hold().
  private int missedHash;
  private final Map<Class<?>, Kind> kinds = new HashMap<>();
  // whether whole parts of facts (records, lists) are held too, not only texts
  private boolean holdParts = true;

  /**
   * Whether whole parts of facts are shared too: they keep a fleet held in memory small, but hashing
   * and comparing them costs a streaming read, whose facts are let go once judged, about a sixth of
   * its time. Texts are shared either way (that saves making a String for each).
   */
  void holdParts(boolean hold) {
    holdParts = hold;
  }

  /**
   * The value held for an equal one read before, or the value itself; for values read through a
   * {@link TrackingParser} only, others (such as replays of buffered tokens) are returned as they are.
   */
  static <T> T share(JsonParser parser, T value) {
    return parser instanceof TrackingParser tracking ? tracking.sharedValues().value(value) : value;
  }

  /** The text held for these characters, or {@code null} when there is none. */
  @Nullable String find(char[] chars, int offset, int length) {
    if (length > MAX_TEXT_LENGTH) {
      return null;
    }
    int hash = hash(chars, offset, length);
    int slot = slot(hash, TEXT_SLOT_BITS);
    int start = slot * MAX_TEXT_LENGTH;
    if (texts[slot] != null && hashes[slot] == hash && lengths[slot] == length
        && Arrays.equals(characters, start, start + length, chars, offset, offset + length)) {
      return texts[slot];
    }
    missedHash = hash;
    return null;
  }

  /** Holds a text made of the characters that {@link #find} did not find just before. */
  void hold(String text, char[] chars, int offset, int length) {
    if (length > MAX_TEXT_LENGTH) {
      return;
    }
    int hash = missedHash;
    int slot = slot(hash, TEXT_SLOT_BITS);
    texts[slot] = text;
    hashes[slot] = hash;
    lengths[slot] = length;
    System.arraycopy(chars, offset, characters, slot * MAX_TEXT_LENGTH, length);
  }

  /** The text held for an equal one, or this text, then held when it is short enough. */
  String text(String text) {
    int length = text.length();
    if (length > MAX_TEXT_LENGTH) {
      return text;
    }
    text.getChars(0, length, scratch, 0);
    String held = find(scratch, 0, length);
    if (held != null) {
      return held;
    }
    hold(text, scratch, 0, length);
    return text;
  }

  /** The value held for an equal one, or this value, then held. */
  @SuppressWarnings("unchecked")
  <T> T value(T value) {
    if (!holdParts) {
      return value;
    }
    Kind kind = kinds.computeIfAbsent(value.getClass(), type -> new Kind());
    if (!kind.worthHolding()) {
      return value;
    }
    int hash = value.hashCode();
    int slot = slot(hash, VALUE_SLOT_BITS);
    Object held = values[slot];
    boolean found = valueHashes[slot] == hash && value.equals(held);
    kind.count(found);
    if (found) {
      return (T) held;
    }
    values[slot] = value;
    valueHashes[slot] = hash;
    return value;
  }

  /**
   * How often the values of one class were found held. Values of a class that rarely repeat (a
   * device's certificate, say) are not held for a while: hashing them costs time, and holding them
   * would push out values that do repeat.
   */
  private static final class Kind {

    private static final int WINDOW = 1024;
    private static final int MIN_FOUND = WINDOW / 8;
    private static final int SKIPPED_BEFORE_RETRY = 16 * WINDOW;

    private boolean holding = true;
    private int tries;
    private int found;
    private int skipped;

    boolean worthHolding() {
      if (!holding && ++skipped == SKIPPED_BEFORE_RETRY) {
        holding = true;
        skipped = 0;
      }
      return holding;
    }

    void count(boolean wasFound) {
      tries++;
      if (wasFound) {
        found++;
      }
      if (tries == WINDOW) {
        holding = found >= MIN_FOUND;
        tries = 0;
        found = 0;
      }
    }
  }

  // Four running hashes side by side: every text read is hashed, and one running hash would make
  // each character wait for the multiplication before it.
  private static int hash(char[] chars, int offset, int length) {
    int a = 0;
    int b = 0;
    int c = 0;
    int d = 0;
    int end = offset + length;
    int i = offset;
    for (; i + 3 < end; i += 4) {
      a = 31 * a + chars[i];
      b = 31 * b + chars[i + 1];
      c = 31 * c + chars[i + 2];
      d = 31 * d + chars[i + 3];
    }
    for (; i < end; i++) {
      a = 31 * a + chars[i];
    }
    return ((a * 31 + b) * 31 + c) * 31 + d + length;
  }

  // Fibonacci hashing: the top bits of the product depend on every bit of the hash.
  private static int slot(int hash, int bits) {
    return (hash * 0x9E3779B9) >>> (Integer.SIZE - bits);
  }
}
