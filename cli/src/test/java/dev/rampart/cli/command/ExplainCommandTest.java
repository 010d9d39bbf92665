package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.cli.CliRun;
import org.junit.jupiter.api.Test;

/** {@code rampart explain}: one rule's condition tree for one fact, with every value, then the result. */
class ExplainCommandTest {

  private static final String FIXTURES = "src/test/resources/";
  private static final String PACK = FIXTURES + "packs/explain-pack.yaml";
  private static final String INVENTORY = FIXTURES + "inventories/explain.yaml";
  private static final String TEST_PACK = FIXTURES + "packs/test-pack.yaml";
  private static final String SITE = FIXTURES + "inventories/site.yaml";

  @Test
  void showsEveryConditionsValueAndEachLeafsActualAndExpectedValue() {
    CliRun run = CliRun.of("explain", "--rule", "EXP-001", "--fact", "cam-11", "--pack", PACK, INVENTORY);

    assertEquals("""
        EXP-001  No open telnet (pack explain-test, high, interfaces)
        for device/cam-11 at src/test/resources/inventories/explain.yaml:10:5

        when:
          HOLDS    owner exists true
                     owner = facilities (expected exists true)
        assert:
          FAILS    noneOf services
            FAILS    all of  [services[0]]
              FAILS    port in [23, 2323]
                         services[0].port = 443 (expected in [23, 2323])
              HOLDS    state equals open
                         services[0].state = open (expected equals open)
            HOLDS    all of  [services[1]]
              HOLDS    port in [23, 2323]
                         services[1].port = 23 (expected in [23, 2323])
              HOLDS    state equals open
                         services[1].state = open (expected equals open)

        result:  FAIL
        message: cam-11 has telnet open
        """, run.out());
    assertEquals("", run.err());
    assertEquals(0, run.exitCode());
  }

  @Test
  void aFactOfAnotherTypeIsNamedWithItsTypeAndMissingEvidenceIsUnknown() {
    CliRun run = CliRun.of("explain", "--rule", "EXP-002", "--fact", "network/iot-cams", "--pack", PACK, INVENTORY);

    assertEquals("""
        EXP-002  IoT networks do not reach critical systems freely (pack explain-test, medium, segmentation)
        for network/iot-cams at src/test/resources/inventories/explain.yaml:4:5

        when:
          HOLDS    zone in [iot, ot]
                     zone = iot (expected in [iot, ot])
        assert:
          UNKNOWN  criticalSystemsAccess in [none, restricted]
                     criticalSystemsAccess = absent (expected in [none, restricted])

        result:  UNKNOWN
        message: evidence missing to decide: criticalSystemsAccess
        """, run.out());
    assertEquals(0, run.exitCode());
  }

  @Test
  void aRuleWhoseWhenDoesNotHoldIsNotApplicable() {
    CliRun run = CliRun.of("explain", "--rule", "EXP-002", "--fact", "office", "--pack", PACK, INVENTORY);

    assertTrue(run.out().endsWith("""
        when:
          FAILS    zone in [iot, ot]
                     zone = corporate (expected in [iot, ot])
        assert:
          FAILS    criticalSystemsAccess in [none, restricted]
                     criticalSystemsAccess = unrestricted (expected in [none, restricted])

        result:  NOT_APPLICABLE
        message: not applicable: zone = corporate (expected in [iot, ot])
        """), run.out());
    assertEquals(0, run.exitCode(), "the explanation was printed; the result does not set the exit code");
  }

  @Test
  void aRuleWithoutWhenAppliesToEveryFactOfItsType() {
    CliRun run = CliRun.of("explain", "--rule", "cli-test/TST-002", "--fact", "cam-02", "--pack", TEST_PACK,
        "--now", "2026-11-25", SITE);

    assertEquals("""
        TST-002  Signed firmware (pack cli-test, high, patching)
        for device/cam-02 at src/test/resources/inventories/site.yaml:19:5

        when: (none: the rule applies to every device)
        assert:
          FAILS    firmware.signed equals true
                     firmware.signed = false (expected equals true)

        result:  FAIL
        message: cam-02 runs unsigned firmware 3.0.0
        """, run.out());
  }

  @Test
  void parametersAreAppliedAsInAnEvaluation() {
    CliRun run = CliRun.of("explain", "--rule", "TST-004", "--fact", "cam-01", "--pack", TEST_PACK,
        "--param", "minimumFirmware=5.0.0", SITE);

    assertTrue(run.out().contains("""
          FAILS    firmware.version versionAtLeast {param: minimumFirmware}
                     firmware.version = 4.2.1 (expected versionAtLeast 5.0.0 (parameter minimumFirmware))
        """), run.out());
  }

  @Test
  void anUnknownRuleIsNamedWithTheClosestOne() {
    CliRun run = CliRun.of("explain", "--rule", "EXP-02", "--fact", "cam-11", "--pack", PACK, INVENTORY);

    assertEquals(2, run.exitCode());
    assertEquals("no rule 'EXP-02' in the packs (did you mean 'EXP-002'?)\n", run.err());
    assertEquals("", run.out());
  }

  @Test
  void anUnknownFact() {
    CliRun run = CliRun.of("explain", "--rule", "EXP-001", "--fact", "cam-12", "--pack", PACK, INVENTORY);

    assertEquals(2, run.exitCode());
    assertEquals("no device with id 'cam-12' in the facts\n", run.err());
  }

  @Test
  void aFactOfATypeTheRuleDoesNotApplyTo() {
    CliRun run = CliRun.of("explain", "--rule", "EXP-002", "--fact", "device/cam-11", "--pack", PACK, INVENTORY);

    assertEquals(2, run.exitCode());
    assertEquals("rule EXP-002 applies to network facts, not to device facts\n", run.err());
  }

  @Test
  void invalidInputIsListedAsForEvaluate() {
    CliRun run = CliRun.of("explain", "--rule", "TST-001", "--fact", "cam-09", "--pack", TEST_PACK,
        FIXTURES + "inventories/misspelled-field.yaml");

    assertEquals(2, run.exitCode());
    assertEquals("""
        src/test/resources/inventories/misspelled-field.yaml:4:7: devices[0] (id 'cam-09').credentials: \
        unknown field 'defaultPasword' (did you mean 'defaultPassword'?)
        inventory:src/test/resources/inventories/misspelled-field.yaml: 1 record could not be read (fix it, or pass \
        --allow-partial or the source option partial=true to evaluate the others, with the rules of the skipped ones \
        UNKNOWN)
        """, run.err());
  }

  @Test
  void theRuleAndTheFactAreRequired() {
    CliRun run = CliRun.of("explain", "--rule", "EXP-001", INVENTORY);

    assertEquals(2, run.exitCode());
    assertEquals("""
        Missing required option: '--fact=[TYPE/]ID'
        Try 'rampart explain --help' for more information.
        """, run.err());
  }
}
