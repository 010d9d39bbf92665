package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.ast.Position;
import dev.rampart.engine.internal.yaml.Node;
import dev.rampart.engine.internal.yaml.Node.ListNode;
import dev.rampart.engine.internal.yaml.Node.MapNode;
import dev.rampart.engine.internal.yaml.Node.ScalarNode;
import dev.rampart.spi.source.DidYouMean;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads the plain values of a pack document (text, lists of text, names from a closed set), and
 * reports a value of the wrong shape, or an unknown key, to the pack's problem collector.
 */
final class PackNodes {

  private final PackProblemCollector problems;
  private final Map<MapNode, List<String>> allowedKeys = new IdentityHashMap<>();

  PackNodes(PackProblemCollector problems) {
    this.problems = problems;
  }

  /**
   * Says which keys the mapping may have, before a required one is read and before {@link
   * #checkKeys} reports the others: a required key that is missing because it was misspelt is then
   * reported once, as the unknown key with its correction, not also as missing.
   */
  void allowKeys(MapNode map, List<String> allowed) {
    allowedKeys.put(map, allowed);
  }

  /** Reports each key of the mapping that is not one of {@code allowed}, with the closest one. */
  void checkKeys(MapNode map, List<String> allowed, String where) {
    allowKeys(map, allowed);
    for (Map.Entry<String, ScalarNode> key : map.keyNodes().entrySet()) {
      if (!allowed.contains(key.getKey())) {
        problems.add(key.getValue(), "unknown key '" + key.getKey() + "' in " + where,
            DidYouMean.hintOrList(key.getKey(), allowed, "expected one of"));
      }
    }
  }

  @Nullable String requiredString(MapNode map, String key, String where) {
    Node node = map.entries().get(key);
    if (node == null) {
      if (!misspelt(map, key)) {
        problems.add(map, "missing '" + key + "' in " + where, null);
      }
      return null;
    }
    return string(node, key);
  }

  /** Whether the mapping has an unknown key whose correction is {@code key}, reported as such. */
  boolean misspelt(MapNode map, String key) {
    List<String> allowed = allowedKeys.get(map);
    return allowed != null && map.keyNodes().keySet().stream()
        .filter(written -> !allowed.contains(written))
        .anyMatch(written -> DidYouMean.closest(written, allowed).filter(key::equals).isPresent());
  }

  @Nullable String optionalString(MapNode map, String key) {
    Node node = map.entries().get(key);
    return node == null ? null : string(node, key);
  }

  /** The text of a scalar (a number is taken as written); null after a problem was reported. */
  @Nullable String string(Node node, String key) {
    if (node instanceof ScalarNode s && s.value() instanceof String text) {
      if (text.isBlank()) {
        problems.add(node, "'" + key + "' is empty", null);
        return null;
      }
      return text;
    }
    if (node instanceof ScalarNode s && s.value() != null && !(s.value() instanceof Boolean)) {
      return s.text();
    }
    problems.add(node, "'" + key + "' must be text, not " + node.describe(), null);
    return null;
  }

  /** The strings under a key: one, or a list of them. */
  List<String> stringList(MapNode map, String key) {
    Node node = map.entries().get(key);
    return node == null ? List.of() : strings(node, key);
  }

  List<String> strings(Node node, String what) {
    List<Node> items = node instanceof ListNode list ? list.items() : List.of(node);
    List<String> values = new ArrayList<>();
    for (Node item : items) {
      if (item instanceof ScalarNode s && s.value() != null && !(s.value() instanceof Boolean)) {
        values.add(s.text());
      } else {
        problems.add(item, "'" + what + "' takes strings, not " + item.describe(), null);
      }
    }
    return values;
  }

  /** A rule's required value from a closed set, such as its severity; null after a problem. */
  <E> @Nullable E enumKey(MapNode map, String key, Function<String, Optional<E>> parse, List<String> names) {
    String text = requiredKeyString(map, key, names);
    if (text == null) {
      return null;
    }
    Optional<E> value = parse.apply(text);
    if (value.isEmpty()) {
      problems.add(map.entries().get(key), "unknown " + key + " '" + text + "'",
          DidYouMean.hintOrList(text, names, "expected one of"));
      return null;
    }
    return value.get();
  }

  /** The text of a rule's required key whose value is one of {@code names}, unchecked; null after a problem. */
  @Nullable String requiredKeyString(MapNode map, String key, List<String> names) {
    if (!map.entries().containsKey(key)) {
      if (!misspelt(map, key)) {
        problems.add(map, "missing '" + key + "' in rule", "add '" + key + ":' with one of: " + String.join(", ", names));
      }
      return null;
    }
    return requiredString(map, key, "rule");
  }

  /**
   * Whether a key of a declaration (a framework, a category) may be declared: written as an id, and
   * not declared already by the base; the problem is reported when not.
   *
   * @param kind what is declared, e.g. {@code framework}
   * @param idWord what its key is called, e.g. {@code key}
   * @param declared the keys declared so far, the base's included
   */
  boolean newDeclaration(ScalarNode keyNode, String kind, String idWord, Set<String> declared, Inherited inherited) {
    String key = keyNode.text();
    if (!DocumentParser.ID.matcher(key).matches()) {
      problems.add(keyNode, "invalid " + kind + " " + idWord + " '" + key + "'", "use letters, digits, '.', '_' and '-'");
      return false;
    }
    if (declared.contains(key)) {
      problems.add(keyNode, kind + " '" + key + "' is already declared by base pack '" + inherited.base() + "'",
          "remove it here; the base's declaration applies");
      return false;
    }
    return true;
  }

  /** The raw value of a node: scalar value, or a list of raw values; mappings stay empty maps. */
  static @Nullable Object raw(Node node) {
    if (node instanceof ScalarNode s) {
      return s.value();
    }
    if (node instanceof ListNode list) {
      List<Object> values = new ArrayList<>();
      for (Node item : list.items()) {
        values.add(raw(item));
      }
      return values;
    }
    return Map.of();
  }

  /** A raw value as a pack would write it, e.g. {@code [iot, ot]}. */
  static String render(@Nullable Object raw) {
    if (raw instanceof List<?> list) {
      return list.stream().map(PackNodes::render).collect(Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(raw);
  }

  /** A node as a pack would write it in flow style, mappings included, e.g. {@code {field: zone, in: [iot, ot]}}. */
  static String text(Node node) {
    if (node instanceof MapNode map) {
      return map.entries().entrySet().stream().map(e -> e.getKey() + ": " + text(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (node instanceof ListNode list) {
      return list.items().stream().map(PackNodes::text).collect(Collectors.joining(", ", "[", "]"));
    }
    return render(raw(node));
  }

  static Position position(Node node) {
    return new Position(node.line(), node.column());
  }
}
