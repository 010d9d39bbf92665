package dev.rampart.adapter.inventory;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The keys of every object open around the parser, one set per nesting depth, to refuse a key
 * written twice in one object.
 *
 * <p>This does what Jackson's strict duplicate detection does, without a new hash set for every
 * object: each depth has a small open-addressing table whose entries carry the number of the object
 * they belong to, so starting an object clears nothing. An object with more keys than the table
 * takes gets a hash set.
 */
final class ObjectKeys {

  private static final int TABLE_BITS = 6;
  private static final int TABLE_SIZE = 1 << TABLE_BITS;
  // Half full at most, so that a probe ends soon.
  private static final int MAX_IN_TABLE = TABLE_SIZE / 2;

  private Keys[] byDepth = new Keys[0];
  private long objects;

  /** An object starts at this nesting depth; it has no keys yet. */
  void startObject(int depth) {
    if (depth >= byDepth.length) {
      int old = byDepth.length;
      byDepth = Arrays.copyOf(byDepth, Math.max(depth + 1, old * 2));
      for (int i = old; i < byDepth.length; i++) {
        byDepth[i] = new Keys();
      }
    }
    byDepth[depth].start(++objects);
  }

  /**
   * Adds a key of the object at this nesting depth.
   *
   * @return false if the object already has it
   */
  boolean add(int depth, String key) {
    if (depth >= byDepth.length) {
      startObject(depth);
    }
    return byDepth[depth].add(key);
  }

  /** The keys of the one object open at a depth. */
  private static final class Keys {

    private final String[] keys = new String[TABLE_SIZE];
    private final long[] owners = new long[TABLE_SIZE];
    private long object;
    private int size;
    private Set<String> many;

    void start(long number) {
      object = number;
      size = 0;
      many = null;
    }

    boolean add(String key) {
      if (many != null) {
        return many.add(key);
      }
      if (size == MAX_IN_TABLE) {
        many = new HashSet<>();
        for (int i = 0; i < TABLE_SIZE; i++) {
          if (owners[i] == object) {
            many.add(keys[i]);
          }
        }
        return many.add(key);
      }
      int slot = (key.hashCode() * 0x9E3779B9) >>> (Integer.SIZE - TABLE_BITS);
      while (owners[slot] == object) {
        if (keys[slot].equals(key)) {
          return false;
        }
        slot = (slot + 1) & (TABLE_SIZE - 1);
      }
      owners[slot] = object;
      keys[slot] = key;
      size++;
      return true;
    }
  }
}
