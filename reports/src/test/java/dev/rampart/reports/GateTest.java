package dev.rampart.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Severity;
import java.util.List;
import java.util.stream.Stream;
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

  @Test
  void decidesAnOutcomeAndSeverityWithoutAReportAsTheFlagsSay() {
    Gate high = Gate.parse("high");

    assertEquals(List.of(true, true, false, false, false), Stream.of(Outcome.FAIL, Outcome.ERROR, Outcome.UNKNOWN,
        Outcome.PASS, Outcome.NOT_APPLICABLE).map(outcome -> high.fails(outcome, Severity.CRITICAL)).toList());
    assertEquals(false, high.fails(Outcome.FAIL, Severity.MEDIUM), "below the threshold");
    assertEquals(true, high.failingOnUnknown(true).fails(Outcome.UNKNOWN, Severity.HIGH));
    assertEquals(false, high.allowingErrors(true).fails(Outcome.ERROR, Severity.HIGH));
    assertEquals(false, Gate.never().fails(Outcome.FAIL, Severity.CRITICAL));
  }
}
