package dev.rampart.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What GitHub code scanning requires of an uploaded SARIF log beyond the OASIS schema, as its
 * documentation states it; GitHub publishes no schema of its subset (see {@code schemas/README.md}).
 * Sources: "SARIF support for code scanning" (docs.github.com/en/code-security/reference/code-scanning/
 * sarif-files/sarif-support-for-code-scanning: the required properties, {@code security-severity},
 * {@code runAutomationDetails}) and "Upload an analysis as SARIF data" (REST API: the limits above
 * which an upload is rejected).
 */
final class GitHubCodeScanning {

  private static final int MAX_RUNS = 20;
  private static final int MAX_RULES = 25_000;
  private static final int MAX_RESULTS = 25_000;
  private static final int MAX_EXTENSIONS = 100;
  private static final int MAX_TAGS = 20;
  /** GitHub shows only the first ten tags of a rule. */
  private static final int SHOWN_TAGS = 10;
  private static final int MAX_FULL_DESCRIPTION = 1000;
  private static final int MAX_LOCATIONS = 10;
  private static final Set<String> LEVELS = Set.of("none", "note", "warning", "error");
  private static final Set<String> PRECISIONS = Set.of("very-high", "high", "medium", "low");

  private GitHubCodeScanning() {}

  /** What GitHub would refuse or misread in the log, one line each; empty when it meets every requirement. */
  static List<String> problems(String log) {
    JsonNode root = SarifSchema.parse(log);
    List<String> problems = new ArrayList<>();
    require(problems, root.path("$schema").isTextual(), "$schema is required");
    require(problems, root.path("version").asText().equals("2.1.0"), "version must be 2.1.0");
    JsonNode runs = root.path("runs");
    require(problems, runs.isArray() && !runs.isEmpty() && runs.size() <= MAX_RUNS,
        "runs must hold 1 to " + MAX_RUNS + " runs");
    for (int r = 0; r < runs.size(); r++) {
      run(problems, "/runs/" + r, runs.get(r));
    }
    return problems;
  }

  private static void run(List<String> problems, String at, JsonNode run) {
    JsonNode driver = run.path("tool").path("driver");
    require(problems, !driver.path("name").asText().isBlank(), at + "/tool/driver/name is required");
    require(problems, run.path("tool").path("extensions").size() <= MAX_EXTENSIONS, at + ": too many tool extensions");
    JsonNode rules = driver.path("rules");
    require(problems, rules.isArray() && rules.size() <= MAX_RULES, at + "/tool/driver/rules: 0 to " + MAX_RULES);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      rule(problems, at + "/tool/driver/rules/" + i, rules.get(i));
      require(problems, ids.add(rules.get(i).path("id").asText()), at + "/tool/driver/rules/" + i + ": id used twice");
    }
    JsonNode automation = run.path("automationDetails");
    if (!automation.isMissingNode()) {
      // read as category/run-id: all but the last slash is the category; a trailing slash leaves no run id
      String id = automation.path("id").asText();
      require(problems, id.endsWith("/") && id.length() > 1 && !id.startsWith("/"),
          at + "/automationDetails/id '" + id + "' must be a category with a trailing slash");
    }
    JsonNode results = run.path("results");
    require(problems, results.isArray() && results.size() <= MAX_RESULTS, at + "/results: 0 to " + MAX_RESULTS);
    for (int i = 0; i < results.size(); i++) {
      result(problems, at + "/results/" + i, results.get(i), rules);
    }
  }

  private static void rule(List<String> problems, String at, JsonNode rule) {
    require(problems, !rule.path("id").asText().isBlank(), at + "/id is required");
    require(problems, !rule.at("/shortDescription/text").asText().isBlank(), at + "/shortDescription/text is required");
    String full = rule.at("/fullDescription/text").asText();
    require(problems, !full.isBlank() && full.length() <= MAX_FULL_DESCRIPTION,
        at + "/fullDescription/text: 1 to " + MAX_FULL_DESCRIPTION + " characters, not " + full.length());
    require(problems, !rule.at("/help/text").asText().isBlank(), at + "/help/text is required");
    JsonNode level = rule.at("/defaultConfiguration/level");
    require(problems, level.isMissingNode() || LEVELS.contains(level.asText()), at + ": unknown default level");
    JsonNode properties = rule.path("properties");
    JsonNode tags = properties.path("tags");
    require(problems, tags.size() <= MAX_TAGS, at + "/properties/tags: at most " + MAX_TAGS + ", not " + tags.size());
    JsonNode precision = properties.path("precision");
    require(problems, precision.isMissingNode() || PRECISIONS.contains(precision.asText()), at + ": unknown precision");
    JsonNode securitySeverity = properties.path("security-severity");
    if (!securitySeverity.isMissingNode()) {
      require(problems, securitySeverity.isTextual() && inScore(securitySeverity.asText()),
          at + "/properties/security-severity must be a number from 0.0 to 10.0 in a string");
      boolean shownAsSecurity = false;
      for (int i = 0; i < Math.min(tags.size(), SHOWN_TAGS); i++) {
        shownAsSecurity |= tags.get(i).asText().equals("security");
      }
      require(problems, shownAsSecurity,
          at + ": security-severity counts only for a rule tagged security among its first " + SHOWN_TAGS + " tags");
    }
  }

  private static void result(List<String> problems, String at, JsonNode result, JsonNode rules) {
    require(problems, !result.at("/message/text").asText().isBlank(), at + "/message/text is required");
    String ruleId = result.path("ruleId").asText();
    JsonNode index = result.path("ruleIndex");
    require(problems, index.isMissingNode() || index.asInt(-1) >= 0 && index.asInt() < rules.size()
        && rules.get(index.asInt()).path("id").asText().equals(ruleId), at + ": ruleIndex is not the rule of ruleId");
    JsonNode level = result.path("level");
    require(problems, level.isMissingNode() || LEVELS.contains(level.asText()), at + ": unknown level");
    JsonNode locations = result.path("locations");
    require(problems, locations.size() >= 1 && locations.size() <= MAX_LOCATIONS,
        at + "/locations: 1 to " + MAX_LOCATIONS + " (GitHub shows no result without one)");
    for (int i = 0; i < locations.size(); i++) {
      require(problems, !locations.get(i).at("/physicalLocation/artifactLocation/uri").asText().isBlank(),
          at + "/locations/" + i + "/physicalLocation/artifactLocation/uri is required");
    }
    require(problems, result.path("partialFingerprints").size() > 0, at + "/partialFingerprints is required");
  }

  private static boolean inScore(String text) {
    try {
      double score = Double.parseDouble(text);
      return score >= 0.0 && score <= 10.0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void require(List<String> problems, boolean met, String problem) {
    if (!met) {
      problems.add(problem);
    }
  }
}
