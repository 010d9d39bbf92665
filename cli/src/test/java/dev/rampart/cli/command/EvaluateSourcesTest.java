package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.cli.CliRun;
import org.junit.jupiter.api.Test;

/**
 * {@code --source TYPE:LOCATION} and {@code --source-option KEY=VALUE} on {@code evaluate} and
 * {@code explain}: FILEs are short for {@code --source inventory:FILE}.
 */
class EvaluateSourcesTest {

  private static final String FIXTURES = "src/test/resources/";
  private static final String PACK = FIXTURES + "packs/test-pack.yaml";
  private static final String SITE = FIXTURES + "inventories/site.yaml";
  private static final String EMBEDDED = FIXTURES + "inventories/embedded.yaml";
  private static final String NOW = "2026-11-25";

  @Test
  void aFileIsShortForAnInventorySource() {
    CliRun file = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW);
    CliRun source = CliRun.of("evaluate", "--source", "inventory:" + SITE, "--pack", PACK, "--now", NOW);

    assertEquals(file.out(), source.out());
    assertEquals(1, source.exitCode());
    assertEquals("", source.err());
  }

  @Test
  void reportsNameEachSourceWithItsType() {
    CliRun run = CliRun.of("evaluate", FIXTURES + "inventories/compliant.yaml", "--source", "inventory:" + SITE,
        "--pack", PACK, "--now", NOW, "--format", "json");

    assertTrue(run.out().contains("""
            "inputs" : [ "src/test/resources/inventories/compliant.yaml", "inventory:src/test/resources/inventories/site.yaml" ],
        """), run.out());
  }

  @Test
  void anOptionConfiguresTheSourceBeforeIt() {
    CliRun run = CliRun.of("evaluate", SITE, "--source", "inventory:" + EMBEDDED, "--source-option", "embeddedAt=facts",
        "--pack", PACK, "--now", NOW);

    assertTrue(run.out().startsWith(
        "rampart dev: evaluated 6 facts (4 devices, 1 network, 1 vendor) at 2026-11-25T00:00:00Z\n"), run.out());
    assertTrue(run.out().contains("""
          FAIL     TST-001  device/cam-21  cam-21 still accepts its factory default password
                   credentials.defaultPassword = true (expected equals false)
                   at src/test/resources/inventories/embedded.yaml:5:7
        """), run.out());
  }

  @Test
  void anOptionTheSourceDoesNotKnowIsAnInputError() {
    CliRun run = CliRun.of("evaluate", "--source", "inventory:" + EMBEDDED, "--source-option", "embedded=facts",
        "--pack", PACK);

    assertEquals(2, run.exitCode());
    assertEquals("inventory source 'src/test/resources/inventories/embedded.yaml': unknown option(s) embedded"
        + " (the inventory source takes the options embeddedAt, trust.anchors, trust.organisationPki, trust.crl, readThreads)\n",
        run.err());
    assertEquals("", run.out());
  }

  @Test
  void anUnknownTypeListsTheAvailableOnes() {
    CliRun run = CliRun.of("evaluate", "--source", "no-such-source:scan.xml", "--pack", PACK);

    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("unknown fact source 'no-such-source' (available: "), run.err());
    assertTrue(run.err().contains("inventory") && run.err().endsWith(
        "; add the adapter's jar to the class path to use another)\n"), run.err());
  }

  @Test
  void anOptionBeforeAnySourceIsAUsageError() {
    CliRun run = CliRun.of("evaluate", SITE, "--source-option", "embeddedAt=facts", "--source", "inventory:" + EMBEDDED);

    assertEquals(2, run.exitCode());
    assertEquals("""
        --source-option embeddedAt=facts must follow the --source it configures, \
        e.g. --source inventory:site.yaml --source-option embeddedAt=facts
        Try 'rampart evaluate --help' for more information.
        """, run.err());
  }

  @Test
  void aSourceThatIsNotTypeColonLocation() {
    CliRun run = CliRun.of("evaluate", "--source", "site.yaml");

    assertEquals(2, run.exitCode());
    assertEquals("""
        Invalid value for option '--source': 'site.yaml' is not TYPE:LOCATION \
        (e.g. inventory:site.yaml; 'rampart adapters' lists the types)
        Try 'rampart evaluate --help' for more information.
        """, run.err());
  }

  @Test
  void anOptionWithoutAValue() {
    CliRun run = CliRun.of("evaluate", "--source", "inventory:" + SITE, "--source-option", "embeddedAt");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith(
        "Value for option '--source-option' should be in KEY=VALUE format but was embeddedAt\n"), run.err());
  }

  @Test
  void secretsAreRefusedOnTheCommandLine() {
    CliRun run = CliRun.of("evaluate", "--source", "cmdb:https://cmdb.example", "--source-option", "apiToken=s3cr3t");

    assertEquals(2, run.exitCode());
    assertEquals("""
        --source-option 'apiToken' looks like a secret: give secrets to adapters through environment variables \
        or files, never on the command line, where shell history, process lists and CI logs keep them
        Try 'rampart evaluate --help' for more information.
        """, run.err());
  }

  @Test
  void anOptionThatNamesWhereASecretIsIsFine() {
    CliRun run = CliRun.of("evaluate", "--source", "inventory:" + SITE, "--source-option", "tokenFile=/run/token",
        "--pack", PACK);

    assertEquals(2, run.exitCode(), "refused by the inventory source, not as a secret");
    assertTrue(run.err().contains("unknown option(s) tokenFile"), run.err());
  }

  @Test
  void neitherAFileNorASource() {
    CliRun run = CliRun.of("evaluate", "--pack", PACK);

    assertEquals(2, run.exitCode());
    assertEquals("""
        Missing required parameter: 'FILE'
        Try 'rampart evaluate --help' for more information.
        """, run.err());
  }

  @Test
  void explainReadsSourcesToo() {
    CliRun run = CliRun.of("explain", "--rule", "TST-001", "--fact", "cam-21", "--pack", PACK,
        "--source", "inventory:" + EMBEDDED, "--source-option", "embeddedAt=facts");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("""
        TST-001  No default password (pack cli-test, critical, identity)
        for device/cam-21 at src/test/resources/inventories/embedded.yaml:5:7
        """), run.out());
  }
}
