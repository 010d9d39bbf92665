package dev.rampart.reports;

import dev.rampart.engine.RequirementStatus;
import dev.rampart.engine.value.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The requirement roll-up in words, alike in the text, HTML and JUnit reports: the counts by status,
 * and each rule's results after waivers.
 */
final class RollupText {

  private RollupText() {}

  /** The number of requirements of each status that has any, worst first: {@code 31: 3 not satisfied, 28 satisfied}. */
  static String counts(List<RequirementStatus> requirements) {
    List<String> parts = new ArrayList<>();
    RequirementStatus.countByStatus(requirements).forEach((status, n) -> {
      if (n > 0) {
        parts.add(n + " " + status.label());
      }
    });
    return requirements.size() + ": " + String.join(", ", parts);
  }

  /** A rule's results after waivers, worst first: {@code 1 FAIL, 1 waived, 3 PASS}, or {@code not assessed}. */
  static String ruleResults(RequirementStatus.RuleStatus rule) {
    if (rule.status() == RequirementStatus.Status.NOT_ASSESSED) {
      return "not assessed";
    }
    List<String> parts = new ArrayList<>();
    for (Outcome outcome : List.of(Outcome.FAIL, Outcome.ERROR, Outcome.UNKNOWN)) {
      if (rule.counts().get(outcome) > 0) {
        parts.add(rule.counts().get(outcome) + " " + outcome.name());
      }
    }
    if (rule.waived() > 0) {
      parts.add(rule.waived() + " waived");
    }
    for (Outcome outcome : List.of(Outcome.PASS, Outcome.NOT_APPLICABLE)) {
      if (rule.counts().get(outcome) > 0) {
        parts.add(rule.counts().get(outcome) + " " + outcome.name());
      }
    }
    return String.join(", ", parts);
  }

  /**
   * One row per requirement: its id, its status in capitals (styled by {@code paint}) and its rules
   * with their results, wrapped under the rules' column to fit {@code width}.
   */
  static List<String> rows(List<RequirementStatus> requirements, String indent, int width,
      BiFunction<RequirementStatus.Status, String, String> paint) {
    int idWidth = requirements.stream().mapToInt(r -> r.requirement().length()).max().orElse(0);
    int statusWidth = Arrays.stream(RequirementStatus.Status.values()).mapToInt(s -> s.name().length()).max().orElse(0);
    String continuation = indent + " ".repeat(idWidth + 2 + statusWidth + 2);
    int room = width - continuation.length();
    List<String> lines = new ArrayList<>();
    for (RequirementStatus requirement : requirements) {
      String status = String.format(Locale.ROOT, "%-" + statusWidth + "s",
          requirement.status().label().toUpperCase(Locale.ROOT));
      List<String> rules = new ArrayList<>();
      requirement.rules().forEach(rule -> rules.add(rule.rule().id() + " " + ruleResults(rule)));
      requirement.disabledRules().forEach(rule -> rules.add(rule.ruleId() + " disabled"));
      List<String> wrapped = TextLayout.wrap(String.join("; ", rules), room, room);
      lines.add(indent + String.format(Locale.ROOT, "%-" + idWidth + "s", requirement.requirement()) + "  "
          + paint.apply(requirement.status(), status) + "  " + wrapped.get(0));
      wrapped.subList(1, wrapped.size()).forEach(more -> lines.add(continuation + more));
    }
    return lines;
  }
}
