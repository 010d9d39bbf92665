package dev.rampart.engine.internal.load;

import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists, strings, numbers and booleans as JSON for people to read in a diff:
 * two spaces of indentation, and a value on one line where it fits in {@link #WIDTH} columns.
 */
final class JsonText {

  private static final int WIDTH = 120;

  private JsonText() {}

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, 0, out);
    return out.append('\n').toString();
  }

  private static void write(Object value, int indent, StringBuilder out) {
    String inline = inline(value);
    if (indent + inline.length() <= WIDTH || !(value instanceof Map<?, ?> || value instanceof List<?>)) {
      out.append(inline);
      return;
    }
    String pad = "  ".repeat(indent / 2 + 1);
    if (value instanceof Map<?, ?> map) {
      out.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.append(pad).append(string(String.valueOf(entry.getKey()))).append(": ");
        write(entry.getValue(), pad.length(), out);
        out.append(++i < map.size() ? ",\n" : "\n");
      }
      out.append("  ".repeat(indent / 2)).append('}');
    } else if (((List<?>) value).stream().noneMatch(item -> item instanceof Map<?, ?> || item instanceof List<?>)) {
      // a long list of plain values, such as the field paths of an enumeration, fills its lines
      out.append("[\n").append(pad);
      int column = pad.length();
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        String item = inline(list.get(i)) + (i + 1 < list.size() ? "," : "");
        if (column > pad.length() && column + 1 + item.length() > WIDTH) {
          out.append('\n').append(pad);
          column = pad.length();
        } else if (column > pad.length()) {
          out.append(' ');
          column++;
        }
        out.append(item);
        column += item.length();
      }
      out.append('\n').append("  ".repeat(indent / 2)).append(']');
    } else {
      List<?> list = (List<?>) value;
      out.append("[\n");
      for (int i = 0; i < list.size(); i++) {
        out.append(pad);
        write(list.get(i), pad.length(), out);
        out.append(i + 1 < list.size() ? ",\n" : "\n");
      }
      out.append("  ".repeat(indent / 2)).append(']');
    }
  }

  private static String inline(Object value) {
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("{");
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.append(out.length() > 1 ? ", " : "").append(string(String.valueOf(entry.getKey()))).append(": ")
            .append(inline(entry.getValue()));
      }
      return out.append('}').toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder out = new StringBuilder("[");
      for (Object item : list) {
        out.append(out.length() > 1 ? ", " : "").append(inline(item));
      }
      return out.append(']').toString();
    }
    if (value instanceof String text) {
      return string(text);
    }
    if (value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    throw new IllegalArgumentException("not a JSON value: " + value);
  }

  private static String string(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
