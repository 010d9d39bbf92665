package dev.rampart.adapter.inventory;

import java.util.List;

/**
 * The field names of a record, looked up for every field read: in a small open-addressing table,
 * by the hash code a String keeps and by identity first, as the JSON parser hands out one String
 * per distinct name.
 */
final class FieldNames {

  private final String[] table;
  private final int shift;

  private FieldNames(List<String> names) {
    int bits = Integer.SIZE - Integer.numberOfLeadingZeros(Math.max(names.size() * 4 - 1, 1));
    table = new String[1 << bits];
    shift = Integer.SIZE - bits;
    for (String name : names) {
      int slot = slot(name);
      while (table[slot] != null) {
        slot = (slot + 1) & (table.length - 1);
      }
      table[slot] = name;
    }
  }

  /** The field names of a record class, as written in files. */
  static FieldNames of(Class<?> record) {
    return new FieldNames(FactModel.fieldNames(record));
  }

  boolean contains(String name) {
    int slot = slot(name);
    for (String held = table[slot]; held != null; held = table[slot]) {
      if (held == name || held.equals(name)) {
        return true;
      }
      slot = (slot + 1) & (table.length - 1);
    }
    return false;
  }

  private int slot(String name) {
    return (name.hashCode() * 0x9E3779B9) >>> shift;
  }
}
