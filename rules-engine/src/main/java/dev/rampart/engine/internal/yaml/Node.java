package dev.rampart.engine.internal.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A node of a parsed document with its position. */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {

  /** 1-based line of the node's first character. */
  int line();

  /** 1-based column of the node's first character. */
  int column();

  /** A word for messages: "a mapping", "a list", "a string"... */
  String describe();

  /**
   * A mapping; keys keep document order.
   *
   * @param entries key to value
   * @param keyNodes key to the scalar node of the key itself, for messages about keys
   */
  record MapNode(int line, int column, Map<String, Node> entries, Map<String, ScalarNode> keyNodes)
      implements Node {

    public MapNode {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
      keyNodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keyNodes));
    }

    public Optional<Node> get(String key) {
      return Optional.ofNullable(entries.get(key));
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** A sequence. */
  record ListNode(int line, int column, List<Node> items) implements Node {

    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A scalar: {@code value} is a String, Boolean, Integer, Long, BigInteger, BigDecimal or null. A
   * quoted YAML scalar such as {@code "true"} is a String.
   */
  record ScalarNode(int line, int column, @Nullable Object value) implements Node {

    public boolean isNull() {
      return value == null;
    }

    @Override
    public String describe() {
      if (value == null) {
        return "null";
      }
      if (value instanceof String) {
        return "the string '" + value + "'";
      }
      if (value instanceof Boolean) {
        return "the boolean " + value;
      }
      return "the number " + value;
    }

    /** The value as written, for messages. */
    public String text() {
      return String.valueOf(value);
    }
  }
}
