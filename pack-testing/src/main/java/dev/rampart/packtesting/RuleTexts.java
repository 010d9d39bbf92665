package dev.rampart.packtesting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of a pack as its YAML writes them, found in the text of the pack that defines each: for a
 * tailored pack, its own rules in its text and each inherited rule in its base's, so that a rule reads
 * the same however many packs extend it.
 */
final class RuleTexts {

  private final Map<String, JsonNode> byId;

  private RuleTexts(Map<String, JsonNode> byId) {
    this.byId = byId;
  }

  /** The rules of the given pack texts, the nearest first: a rule id is taken from the first text that has it. */
  static RuleTexts of(List<String> packYamls) {
    Map<String, JsonNode> byId = new HashMap<>();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    for (String text : packYamls) {
      try {
        for (JsonNode rule : yaml.readTree(text).path("rules")) {
          byId.putIfAbsent(rule.path("id").asText(), rule);
        }
      } catch (JsonProcessingException e) {
        // the engine has read this text already; a rule not found here is treated as unknown by each user
      }
    }
    return new RuleTexts(byId);
  }

  /** The rule as written, if it is found. */
  Optional<JsonNode> rule(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The parameters a rule names ({@code {param: NAME}}), if the rule is found. */
  Optional<Set<String>> parameters(String id) {
    return rule(id).map(rule -> {
      Set<String> names = new TreeSet<>();
      collectParameters(rule, names);
      return names;
    });
  }

  private static void collectParameters(JsonNode node, Set<String> names) {
    if (node.isObject() && node.size() == 1 && node.get("param") != null && node.get("param").isTextual()) {
      names.add(node.get("param").asText());
      return;
    }
    node.forEach(child -> collectParameters(child, names));
  }
}
