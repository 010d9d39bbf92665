package dev.rampart.adapter.nmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;

/**
 * What one NSE script reported for a port: the human-readable {@code output} attribute, which every
 * nmap version writes, and the structured {@code <table>}/{@code <elem>} tree that nmap 6.40 and
 * later add.
 *
 * @param id the script id, e.g. {@code ssl-cert}
 * @param output the text output; empty when absent
 * @param structured the structured output; empty when the scan has only text
 */
record ScriptOutput(String id, String output, Table structured) {

  /** Deepest nesting of {@code <table>} elements read; nmap's own scripts nest a few levels. */
  static final int MAX_TABLE_DEPTH = 32;

  /** Reads the script element the cursor is on, to its end tag; only called for the few scripts used. */
  static ScriptOutput read(XmlCursor cursor) throws XMLStreamException {
    String id = Objects.requireNonNullElse(cursor.attribute("id"), "");
    String output = Objects.requireNonNullElse(cursor.attribute("output"), "");
    return new ScriptOutput(id, output, Table.read(cursor, 0));
  }

  /** Whether nmap reported that the script failed rather than what it found. */
  boolean failed() {
    return output.stripLeading().startsWith("ERROR:");
  }

  /**
   * One level of structured output: entries in document order, each with an optional key and
   * either text or a nested table.
   */
  record Table(List<Entry> entries) {

    static final Table EMPTY = new Table(List.of());

    Table {
      entries = List.copyOf(entries);
    }

    // the depth is bounded: a scan of 20,000 nested tables would otherwise overflow the stack
    private static Table read(XmlCursor cursor, int depth) throws XMLStreamException {
      if (depth > MAX_TABLE_DEPTH) {
        throw new TooDeep(cursor.location());
      }
      List<Entry> entries = new ArrayList<>();
      int level = cursor.level();
      while (cursor.nextChild(level)) {
        String key = cursor.attribute("key");
        if (cursor.name().equals("elem")) {
          entries.add(new Entry(key, cursor.text(), null));
        } else if (cursor.name().equals("table")) {
          entries.add(new Entry(key, null, read(cursor, depth + 1)));
        }
      }
      return new Table(entries);
    }

    boolean isEmpty() {
      return entries.isEmpty();
    }

    /** The text of the first element with the key, or {@code null}. */
    @Nullable String text(String key) {
      for (Entry entry : entries) {
        if (key.equals(entry.key()) && entry.text() != null) {
          return entry.text();
        }
      }
      return null;
    }

    /** The first table with the key, or an empty table. */
    Table table(String key) {
      for (Entry entry : entries) {
        if (key.equals(entry.key()) && entry.table() != null) {
          return entry.table();
        }
      }
      return EMPTY;
    }
  }

  /**
   * One {@code <elem>} or {@code <table>}.
   *
   * @param key the {@code key} attribute; {@code null} for list items
   * @param text the text of an {@code <elem>}, else {@code null}
   * @param table the content of a {@code <table>}, else {@code null}
   */
  record Entry(@Nullable String key, @Nullable String text, @Nullable Table table) {}

  /** Structured output nested deeper than {@link #MAX_TABLE_DEPTH}. */
  static final class TooDeep extends XMLStreamException {

    private static final long serialVersionUID = 1L;

    TooDeep(Location location) {
      super("a script's output nests <table> elements more than " + MAX_TABLE_DEPTH + " deep", location);
    }
  }
}
