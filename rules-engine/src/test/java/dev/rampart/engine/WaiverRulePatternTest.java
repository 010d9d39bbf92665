package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A waiver's rule pattern knows two wildcards; an author reaching for a third is told so. */
class WaiverRulePatternTest {

  private static final String FILE = """
      apiVersion: rampart.dev/v1
      kind: Waivers
      waivers:
        - {rule: "no-telne[tx]", justification: later, approvedBy: jane, expires: 2026-12-31}
      """;

  @Test
  void aCharacterClassIsRefusedWithTheWildcardsThatWork() {
    WaiverLoadException e = assertThrows(WaiverLoadException.class,
        () -> Waivers.parse(FILE, "waivers.yaml", new EvaluationTest().engine().rules()));

    assertEquals("""
        1 problem in waiver file:
        1. waivers.yaml:4:12: waivers[0].rule: 'no-telne[tx]' uses [tx], which matches no rule id: a rule pattern knows \
        only '*' (any characters) and '?' (one character) (write 'no-telne?', or one waiver for each rule)""",
        e.getMessage());
  }

  @Test
  void aCharacterClassIsRefusedEvenWithoutThePacksToCheckAgainst() {
    WaiverLoadException e = assertThrows(WaiverLoadException.class, () -> Waivers.parse(FILE, "waivers.yaml"));

    assertEquals("waivers.yaml:4:12: waivers[0].rule: 'no-telne[tx]' uses [tx], which matches no rule id: a rule pattern "
            + "knows only '*' (any characters) and '?' (one character) (write 'no-telne?', or one waiver for each rule)",
        e.problems().get(0).toString());
  }
}
