package dev.rampart.engine.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A rule is named by its id alone or by PACK/ID, and written PACK/ID. */
class RuleIdTest {

  private final RuleId rule = new RuleId("iot-baseline", "IDN-001");

  @Test
  void isWrittenPackSlashId() {
    assertEquals("iot-baseline/IDN-001", rule.toString());
  }

  @Test
  void isNamedByItsIdAloneOrWithItsPack() {
    assertTrue(rule.isNamedBy("IDN-001"));
    assertTrue(rule.isNamedBy("iot-baseline/IDN-001"));
  }

  @Test
  void isNotNamedByAnotherPacksRuleOfTheSameId() {
    assertFalse(rule.isNamedBy("site/IDN-001"));
    assertFalse(rule.isNamedBy("iot-baseline/IDN-002"));
    assertFalse(rule.isNamedBy("IDN-00"));
    assertFalse(rule.isNamedBy("/IDN-001"));
  }
}
