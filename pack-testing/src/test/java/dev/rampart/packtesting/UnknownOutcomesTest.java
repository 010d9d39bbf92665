package dev.rampart.packtesting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which rules can come out UNKNOWN, read from their conditions. */
class UnknownOutcomesTest {

  private static final String RULES = """
      rules:
        - id: READS-A-FIELD
          assert: {field: credentials.defaultPassword, equals: false}
        - id: ONLY-EXISTS
          assert: {field: owner, exists: true}
        - id: GUARDED-BY-STATUS
          when:
            any:
              - {field: lifecycle.status, exists: false}
              - {field: lifecycle.status, notEquals: retired}
          assert: {field: lifecycle.endOfSupport, exists: true}
        - id: GUARDED-WITH-IF-ABSENT
          when: {field: lifecycle.status, notEquals: retired, ifAbsent: true}
          assert: {field: lifecycle.endOfSupport, exists: true}
        - id: IF-ABSENT-FIRST
          when: {ifAbsent: false, field: wireless.enabled, equals: true}
          assert: {field: owner, exists: true}
        - id: WHEN-MAY-BE-UNKNOWN
          when: {field: wireless.enabled, equals: true}
          assert: {field: owner, exists: true}
        - id: OVER-A-LIST
          assert:
            noneOf: services
            where: {field: port, in: [23]}
        - id: AGAINST-ANOTHER-FIELD
          assert:
            allOf: outboundDestinations
            where: {in: {field: egressAllowlist}}
        - id: UNDER-AN-ABSENT-PARENT
          when: {field: credentials.certificate, exists: true}
          assert:
            any:
              - {field: credentials.certificate, exists: false}
              - {field: owner, exists: true}
      """;

  @Test
  void aRuleIsPossiblyUnknownWhenSomeAbsentFieldLeavesItUndecided() {
    Set<String> possible = UnknownOutcomes.possible(RULES, List.of("READS-A-FIELD", "ONLY-EXISTS",
        "GUARDED-BY-STATUS", "GUARDED-WITH-IF-ABSENT", "IF-ABSENT-FIRST", "WHEN-MAY-BE-UNKNOWN", "OVER-A-LIST", "AGAINST-ANOTHER-FIELD", "UNDER-AN-ABSENT-PARENT"));

    assertEquals(Set.of("READS-A-FIELD", "WHEN-MAY-BE-UNKNOWN", "OVER-A-LIST", "AGAINST-ANOTHER-FIELD"), possible);
  }

  @Test
  void aRuleWhoseConditionsCannotBeFoundCountsAsPossiblyUnknown() {
    assertEquals(Set.of("ELSEWHERE"), UnknownOutcomes.possible(RULES, List.of("ELSEWHERE", "ONLY-EXISTS")));
    assertEquals(Set.of("ANY"), UnknownOutcomes.possible("rules: [unclosed", List.of("ANY")));
  }

  @Test
  void threeHundredRulesOfSixteenFieldsAreAnalysedAtOnce() {
    // trying each of sixteen fields absent and present together would be 2^16 cases a rule
    StringBuilder pack = new StringBuilder("rules:\n");
    List<String> ids = new ArrayList<>();
    for (int rule = 0; rule < 300; rule++) {
      ids.add("R" + rule);
      pack.append("  - id: R").append(rule).append("\n    when:\n      all:\n");
      for (int field = 0; field < 8; field++) {
        pack.append("        - {field: attributes.f").append(field).append(", exists: true}\n");
        pack.append("        - {field: attributes.g").append(field).append(", exists: true}\n");
      }
      pack.append("    assert:\n      any:\n");
      for (int field = 0; field < 8; field++) {
        pack.append("        - {field: attributes.f").append(field).append(", equals: x}\n");
      }
    }

    // guards against the analysis growing exponentially with the rule count (a hang), not its speed:
    // speed is measured by benchmarks, and a loaded 2-core machine must not fail this
    Set<String> possible = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> UnknownOutcomes.possible(pack.toString(), ids));

    // applicable only when every field is there, so the assertion always decides
    assertEquals(Set.of(), possible);
  }
}
