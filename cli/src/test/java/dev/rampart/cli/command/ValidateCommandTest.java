package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.cli.CliRun;
import org.junit.jupiter.api.Test;

/** {@code rampart validate}: a line per valid pack, the numbered problems of the others. */
class ValidateCommandTest {

  private static final String TEST_PACK = "src/test/resources/packs/test-pack.yaml";
  private static final String BROKEN_PACK = "src/test/resources/packs/broken-pack.yaml";

  @Test
  void aValidPackIsReportedWithItsVersionAndNumberOfRules() {
    CliRun run = CliRun.of("validate", "iot-baseline", TEST_PACK);

    assertEquals("""
        OK iot-baseline@1.0.0: 92 rules
        OK cli-test@1.2.0: 4 rules
        """, run.out());
    assertEquals("", run.err());
    assertEquals(0, run.exitCode());
  }

  @Test
  void everyProblemOfAnInvalidPackIsListedNumberedWithItsPlace() {
    CliRun run = CliRun.of("validate", BROKEN_PACK, TEST_PACK);

    assertEquals("OK cli-test@1.2.0: 4 rules\n", run.out());
    assertTrue(run.err().startsWith("""
        2 problems in rule pack:
        1. src/test/resources/packs/broken-pack.yaml:15:14: rule BRK-001: unknown field 'credentials.defaultPasword'"""),
        run.err());
    assertTrue(run.err().contains("\n2. src/test/resources/packs/broken-pack.yaml:21:15: rule BRK-002: unknown severity"
        + " 'severe'"), run.err());
    assertEquals(2, run.exitCode());
  }

  @Test
  void aPackThatDoesNotExistIsAnInputError() {
    CliRun run = CliRun.of("validate", "no-such-pack");

    assertEquals("""
        1 problem in rule pack:
        1. no-such-pack: the pack is not a built-in pack (built-in packs: iot-baseline; a pack file is named \
        by a path with a '/' or an extension, e.g. ./no-such-pack.yaml)
        """, run.err());
    assertEquals(2, run.exitCode());
  }
}
