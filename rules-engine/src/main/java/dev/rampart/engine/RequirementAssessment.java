package dev.rampart.engine;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.value.Rule;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How far an evaluation assessed one guide requirement: through all the rules that serve it, some
 * of them, or none.
 *
 * @param requirement the requirement's id, e.g. {@code G11}
 * @param status assessed, partially assessed or not assessed
 * @param rules every rule that serves it, in pack order
 * @param notAssessed those of its rules that produced no result, in pack order
 */
@API(status = STABLE, since = "0.1")
public record RequirementAssessment(String requirement, Status status, List<Rule> rules, List<Rule> notAssessed) {

  /** Requirement ids in natural order: G2 before G10, text around the number alphabetically. */
  public static final Comparator<String> ORDER = Comparator.comparing(RequirementAssessment::sortKey);

  public RequirementAssessment {
    Objects.requireNonNull(requirement, "requirement");
    Objects.requireNonNull(status, "status");
    rules = List.copyOf(rules);
    notAssessed = List.copyOf(notAssessed);
  }

  /** How much of a requirement was assessed. */
  public enum Status {
    /** Every rule that serves it produced results. */
    ASSESSED,
    /** Some of its rules produced results, others were not assessed. */
    PARTIALLY_ASSESSED,
    /** None of its rules produced a result. */
    NOT_ASSESSED
  }

  // The text without its digits, then the digits as one number of ten places, then the id itself. Made
  // by hand: the comparator runs on every comparison of a report's requirements, and a regular expression
  // and a Formatter per call cost a cold CLI run more than the rest of the roll-up.
  private static String sortKey(String id) {
    StringBuilder key = new StringBuilder(2 * id.length() + 10);
    long number = 0;
    int digits = 0;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c >= '0' && c <= '9') {
        number = digits < 18 ? number * 10 + (c - '0') : number;
        digits++;
      } else {
        key.append(c);
      }
    }
    String padded = Long.toString(digits == 0 || digits > 9 ? 0 : number);
    key.append("0".repeat(10 - padded.length())).append(padded);
    return key.append(id).toString();
  }
}
