package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.yaml.Node;
import dev.rampart.engine.internal.yaml.Node.MapNode;
import dev.rampart.engine.internal.yaml.Node.ScalarNode;
import dev.rampart.engine.value.Category;
import dev.rampart.spi.source.DidYouMean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a pack's {@code metadata.categories}, the categories its rules may use besides the guide's
 * nine, and resolves each rule's {@code category} against both.
 */
final class CategoryParser {

  private static final List<String> CATEGORY_KEYS = List.of("title", "description");

  private final PackProblemCollector problems;
  private final PackNodes nodes;
  private final Map<String, Category> declared = new LinkedHashMap<>();
  /** The ids declared, also of declarations with a mistake, so rules using them are not reported again. */
  private final Set<String> ids = new LinkedHashSet<>();
  private final List<Category> own = new ArrayList<>();
  /** False when the base could not be loaded: it may declare any category then. */
  private final boolean known;

  private CategoryParser(PackProblemCollector problems, PackNodes nodes, boolean known) {
    this.problems = problems;
    this.nodes = nodes;
    this.known = known;
  }

  /**
   * Reads the categories the pack declares.
   *
   * @param node the value of {@code metadata.categories}, or {@code null} when absent
   * @param inherited what the base declares: its categories stay declared, and the pack may not
   *     declare one again
   */
  static CategoryParser parse(@Nullable Node node, PackProblemCollector problems, PackNodes nodes, Inherited inherited) {
    CategoryParser parser = new CategoryParser(problems, nodes, inherited.known());
    inherited.categories().forEach(category -> {
      parser.declared.put(category.wireName(), category);
      parser.ids.add(category.wireName());
    });
    if (node != null) {
      parser.read(node, inherited);
    }
    return parser;
  }

  /** The categories the pack itself declares, in its order. */
  List<Category> own() {
    return List.copyOf(own);
  }

  /** The ids a rule may use: the guide's, then the declared ones. */
  List<String> names() {
    return Stream.concat(Category.builtIns().stream().map(Category::wireName), ids.stream()).toList();
  }

  /** A rule's category; null after a problem, or when it names a declaration that has one. */
  @Nullable Category category(MapNode rule) {
    String id = nodes.requiredKeyString(rule, "category", names());
    if (id == null) {
      return null;
    }
    Category category = Category.fromWireName(id).orElseGet(() -> declared.get(id));
    if (category == null && !ids.contains(id) && known) {
      problems.add(rule.entries().get("category"), "unknown category '" + id + "'", unknownFix(id));
    }
    return category;
  }

  private String unknownFix(String id) {
    String guide = "the guide's categories are "
        + String.join(", ", Category.builtIns().stream().map(Category::wireName).toList());
    String pack = ids.isEmpty() ? "the pack declares none" : "the pack declares " + String.join(", ", ids);
    return DidYouMean.closest(id, names())
        .map(match -> DidYouMean.question(match) + " " + guide + "; " + pack)
        .orElse(guide + "; " + pack + "; to use '" + id + "', declare it under metadata.categories with a title");
  }

  private void read(Node node, Inherited inherited) {
    if (!(node instanceof MapNode map)) {
      problems.add(node, "'categories' must map a category id to its title, not " + node.describe(),
          "e.g. categories: {governance: {title: Governance and risk}}");
      return;
    }
    for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
      String id = entry.getKey();
      ScalarNode keyNode = map.keyNodes().get(id);
      if (DocumentParser.ID.matcher(id).matches() && Category.fromWireName(id).isPresent()) {
        problems.add(keyNode, "category '" + id + "' is one of the guide's nine; it needs no declaration",
            "remove it from metadata.categories");
        continue;
      }
      if (!nodes.newDeclaration(keyNode, "category", "id", ids, inherited)) {
        continue;
      }
      ids.add(id);
      Category category = category(id, entry.getValue());
      if (category != null) {
        declared.put(id, category);
        own.add(category);
      }
    }
  }

  private @Nullable Category category(String id, Node node) {
    String where = "category '" + id + "'";
    if (!(node instanceof MapNode map)) {
      problems.add(node, where + " must be a mapping with a title, not " + node.describe(),
          "e.g. " + id + ": {title: " + id + ", description: what belongs in it}");
      return null;
    }
    int before = problems.count();
    nodes.checkKeys(map, CATEGORY_KEYS, where);
    String title = nodes.requiredString(map, "title", where);
    String description = nodes.optionalString(map, "description");
    if (problems.count() > before || title == null) {
      return null;
    }
    return Category.declared(id, title, description);
  }
}
