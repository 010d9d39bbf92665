package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.yaml.Node;
import dev.rampart.engine.internal.yaml.Node.ListNode;
import dev.rampart.engine.internal.yaml.Node.MapNode;
import dev.rampart.engine.value.Framework;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.source.DidYouMean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a pack's {@code metadata.frameworks}, the reference frameworks its rules cite, and holds the
 * rules' {@code references} to them: once a pack (or its base) declares frameworks, a rule may cite
 * only a declared framework, and only a declared control where the framework lists its controls; a
 * control the pack says no rule covers must not be cited by a rule.
 */
final class FrameworkParser {

  private static final List<String> FRAMEWORK_KEYS = List.of("title", "edition", "url", "controls", "notCovered");
  private static final Pattern URL = Pattern.compile("https?://[^\\s]+");

  private final PackProblemCollector problems;
  private final PackNodes nodes;
  private final Map<String, Framework> declared = new LinkedHashMap<>();
  /** The keys declared, also of frameworks with a mistake, so their citations are not reported again. */
  private final Set<String> keys = new LinkedHashSet<>();
  private final List<Framework> own = new ArrayList<>();
  /** Framework key to control id to where {@code notCovered} names it. */
  private final Map<String, Map<String, Node>> notCoveredAt = new LinkedHashMap<>();
  private boolean any;

  private FrameworkParser(PackProblemCollector problems, PackNodes nodes) {
    this.problems = problems;
    this.nodes = nodes;
  }

  /**
   * Reads the frameworks the pack declares.
   *
   * @param node the value of {@code metadata.frameworks}, or {@code null} when absent
   * @param inherited what the base declares: its frameworks stay declared, and the pack may not
   *     declare one again
   */
  static FrameworkParser parse(
      @Nullable Node node, PackProblemCollector problems, PackNodes nodes, Inherited inherited) {
    FrameworkParser parser = new FrameworkParser(problems, nodes);
    inherited.frameworks().forEach(f -> {
      parser.declared.put(f.key(), f);
      parser.keys.add(f.key());
    });
    // a base that could not be loaded may declare any framework, and a declaration that is not a
    // mapping declares none we could check against: nothing is checked then
    parser.any = !inherited.frameworks().isEmpty() || (node instanceof MapNode && inherited.known());
    if (node != null) {
      parser.read(node, inherited);
    }
    return parser;
  }

  /** The frameworks the pack itself declares, in its order. */
  List<Framework> own() {
    return List.copyOf(own);
  }

  /** A rule's {@code references}: framework key to the control ids cited, each checked. */
  Map<String, List<String>> references(@Nullable Node node) {
    if (node == null) {
      return Map.of();
    }
    if (!(node instanceof MapNode map)) {
      problems.add(node, "'references' must map a framework to control ids, e.g. {etsi-en-303-645: [5.1-1]}", null);
      return Map.of();
    }
    Map<String, List<String>> references = new LinkedHashMap<>();
    for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
      String key = entry.getKey();
      List<String> ids = nodes.strings(entry.getValue(), "references." + key);
      references.put(key, ids);
      if (!any) {
        continue;
      }
      if (!keys.contains(key)) {
        problems.add(map.keyNodes().get(key), "reference to framework '" + key + "', which the pack does not declare",
            DidYouMean.closest(key, keys).map(DidYouMean::question)
                .orElse("declare it under metadata.frameworks with its title and edition"));
        continue;
      }
      Framework framework = declared.get(key);
      if (framework != null) {
        checkControls(framework, entry.getValue(), ids);
      }
    }
    return references;
  }

  /**
   * Reports each control the pack says no rule covers that a rule cites all the same.
   *
   * @param rules the pack's own rules and those it takes over from its base
   */
  void checkNotCovered(List<Rule> rules) {
    notCoveredAt.forEach((key, controls) -> controls.forEach((id, at) -> {
      List<String> citing = rules.stream()
          .filter(rule -> rule.references().getOrDefault(key, List.of()).contains(id))
          .map(Rule::id).toList();
      if (!citing.isEmpty()) {
        problems.add(at, null, "framework '" + key + "': control '" + id + "' is listed as not covered, but rule"
                + (citing.size() == 1 ? " " : "s ") + String.join(", ", citing) + " cite" + (citing.size() == 1 ? "s" : "")
                + " it",
            "remove it from notCovered, or the reference from the rule" + (citing.size() == 1 ? "" : "s"));
      }
    }));
  }

  // ---------------------------------------------------------------- declarations

  private void read(Node node, Inherited inherited) {
    if (!(node instanceof MapNode map)) {
      problems.add(node, "'frameworks' must map a framework key to its title and edition, not " + node.describe(),
          "e.g. frameworks: {etsi-en-303-645: {title: ETSI EN 303 645, edition: V2.1.1 (2020-06)}}");
      return;
    }
    for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
      String key = entry.getKey();
      if (!nodes.newDeclaration(map.keyNodes().get(key), "framework", "key", keys, inherited)) {
        continue;
      }
      keys.add(key);
      Framework framework = framework(key, entry.getValue());
      if (framework != null) {
        declared.put(key, framework);
        own.add(framework);
      }
    }
  }

  private @Nullable Framework framework(String key, Node node) {
    String where = "framework '" + key + "'";
    if (!(node instanceof MapNode map)) {
      problems.add(node, where + " must be a mapping with title and edition, not " + node.describe(), null);
      return null;
    }
    int before = problems.count();
    nodes.checkKeys(map, FRAMEWORK_KEYS, where);
    String title = nodes.requiredString(map, "title", where);
    String edition = nodes.requiredString(map, "edition", where);
    String url = nodes.optionalString(map, "url");
    if (url != null && !URL.matcher(url).matches()) {
      problems.add(map.entries().get("url"), where + ": url '" + url + "' is not an http or https address",
          "give the address where the edition can be read, e.g. https://www.etsi.org/...");
    }
    Map<String, String> controls = texts(map, "controls", where, "what the control requires");
    Map<String, String> notCovered = texts(map, "notCovered", where, "the reason no rule checks it");
    if (map.entries().get("notCovered") instanceof MapNode listed) {
      notCoveredAt.put(key, new LinkedHashMap<>(listed.entries()));
      notCovered.keySet().stream().filter(id -> !controls.isEmpty() && !controls.containsKey(id))
          .forEach(id -> unknownControl(listed.keyNodes().get(id), key, id, controls.keySet()));
    }
    if (problems.count() > before || title == null || edition == null) {
      return null;
    }
    return new Framework(key, title, edition, url, controls, notCovered);
  }

  /** A mapping of control id to text under {@code key}, e.g. {@code notCovered}. */
  private Map<String, String> texts(MapNode framework, String key, String where, String what) {
    Node node = framework.entries().get(key);
    if (node == null) {
      return Map.of();
    }
    if (!(node instanceof MapNode map)) {
      problems.add(node, where + ": '" + key + "' must map a control id to " + what + ", not " + node.describe(),
          "e.g. " + key + ": {\"5.1-4\": ...}");
      return Map.of();
    }
    Map<String, String> texts = new LinkedHashMap<>();
    map.entries().forEach((id, value) -> {
      String text = nodes.string(value, key + "." + id);
      if (text != null) {
        texts.put(id, text);
      }
    });
    return texts;
  }

  // ---------------------------------------------------------------- references

  private void checkControls(Framework framework, Node value, List<String> ids) {
    if (framework.controls().isEmpty()) {
      return;
    }
    List<Node> items = value instanceof ListNode list ? list.items() : List.of(value);
    for (int i = 0; i < items.size() && i < ids.size(); i++) {
      if (!framework.controls().containsKey(ids.get(i))) {
        unknownControl(items.get(i), framework.key(), ids.get(i), framework.controls().keySet());
      }
    }
  }

  private void unknownControl(@Nullable Node at, String key, String id, Set<String> controls) {
    problems.add(at, "framework '" + key + "' declares no control '" + id + "'",
        DidYouMean.closest(id, controls).map(DidYouMean::question)
            .orElse("cite one of the controls listed under metadata.frameworks." + key + ".controls, or add it there"));
  }
}
