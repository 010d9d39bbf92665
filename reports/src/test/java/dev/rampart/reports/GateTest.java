package dev.rampart.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.value.Severity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GateTest {

  @Test
  void parsesSeveritiesAndNever() {
    assertEquals(Optional.of(Severity.CRITICAL), Gate.parse("critical").threshold());
    assertEquals(Optional.of(Severity.INFO), Gate.parse("info").threshold());
    assertTrue(Gate.parse("never").threshold().isEmpty());
    assertEquals("never", Gate.parse("never").failOn());
    assertEquals("medium", Gate.parse("medium").failOn());
  }

  @Test
  void rejectsOtherValuesNamingTheValidOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gate.parse("HIGH"));

    assertEquals("'HIGH' is not a severity (use one of info, low, medium, high, critical or never)", e.getMessage());
  }
}
