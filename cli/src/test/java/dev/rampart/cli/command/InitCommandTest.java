package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.cli.CliRun;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rampart init} writes a pack that works as written: {@code rampart validate} accepts it and
 * {@code rampart test} passes it with every rule covered, also as the CI snippet it wrote runs them;
 * and it never replaces a file.
 */
class InitCommandTest {

  @Test
  void theWrittenPackValidatesAndPassesItsTestsWithFullCoverage(@TempDir Path dir) {
    Path pack = dir.resolve("acme");

    CliRun init = CliRun.of("init", pack.toString(), "--id", "acme-site", "--owner", "IoT platform security",
        "--contact", "iot-security@acme.example");

    assertEquals("", init.err());
    assertEquals(0, init.exitCode());
    assertEquals("""
        Wrote rule pack 'acme-site' with 2 example rules:
          %1$s/pack.yaml
          %1$s/tests/examples.yaml
          %1$s/ci/github-actions.yml
          %1$s/ci/check.sh
        Check it as CI will: cd %1$s && rampart validate . && rampart test .
        Then replace the example rules with your own, and their cases in tests/examples.yaml.
        """.formatted(pack), init.out());

    CliRun validate = CliRun.of("validate", pack.toString());
    assertEquals("OK acme-site@0.1.0: 2 rules\n", validate.out());
    assertEquals(0, validate.exitCode());

    CliRun test = CliRun.of("test", pack.toString(), "--format", "junit:" + dir.resolve("pack-tests.xml"));
    assertEquals("", test.err());
    assertTrue(test.out().contains("""
        2 rules, 6 cases: 6 passed, 0 failed
        Covered: 2 of 2 rules (seen PASS and FAIL), 2 of 2 requirements; UNKNOWN seen in 1 of 1 possible
        6 passed, 0 failed
        """), test.out());
    assertFalse(test.out().contains("Missing coverage"), test.out());
    assertFalse(test.out().contains("Never seen UNKNOWN"), test.out());
    assertEquals(0, test.exitCode());
    assertTrue(Files.exists(dir.resolve("pack-tests.xml")));
  }

  @Test
  void thePackUsesTheOpenVocabularyAndNamesTheSchemaOnItsFirstLine(@TempDir Path dir) throws Exception {
    Path pack = dir.resolve("acme");
    CliRun.of("init", pack.toString(), "--id", "acme-site", "--title", "ACME \"site\" rules", "--owner", "OT team");

    List<String> lines = Files.readAllLines(pack.resolve("pack.yaml"));
    assertEquals("# yaml-language-server: $schema=" + InitCommand.SCHEMA_URL, lines.get(0));
    String schemaId = new ObjectMapper().readTree(Path.of("../docs/rule-pack.schema.json").toFile()).get("$id").asText();
    assertEquals(schemaId, InitCommand.SCHEMA_URL, "the modeline names the schema by its $id");
    RulePack loaded = RulePacks.load(pack.resolve("pack.yaml"));
    assertEquals("ACME \"site\" rules", loaded.title());
    assertEquals(Optional.of("OT team"), loaded.owner());
    assertEquals(Optional.empty(), loaded.contact());
    assertEquals("Governance", loaded.rule("EX-002").orElseThrow().category().title());
    assertEquals(List.of("passwords", "example"), loaded.rule("EX-001").orElseThrow().tags());
    assertTrue(lines.contains("  # contact: how to reach it, e.g. an e-mail address"), lines.toString());
  }

  @Test
  void theCiSnippetsRunValidateAndTestInThePacksFolder(@TempDir Path dir) throws Exception {
    Path pack = dir.resolve("acme");
    CliRun.of("init", pack.toString(), "--id", "acme-site");

    assertEquals("""
        #!/bin/sh
        # Validates and tests the pack in this script's parent folder; exits non-zero when either fails.
        cd "$(dirname "$0")/.." || exit 2
        rampart validate . && rampart test .
        """, Files.readString(pack.resolve("ci/check.sh")));
    String workflow = Files.readString(pack.resolve("ci/github-actions.yml"));
    assertTrue(workflow.contains("    defaults:\n      run: {working-directory: \"" + pack + "\"}\n"), workflow);
    assertTrue(workflow.contains("        run: rampart validate . && rampart test . --format junit:pack-tests.xml\n"),
        workflow);
  }

  @Test
  void anExistingFileIsNeverReplacedAndNothingIsWritten(@TempDir Path dir) throws Exception {
    Path pack = dir.resolve("acme");
    Files.createDirectories(pack.resolve("tests"));
    Files.writeString(pack.resolve("tests/examples.yaml"), "mine\n");

    CliRun run = CliRun.of("init", pack.toString(), "--id", "acme-site");

    assertEquals("rampart: " + pack.resolve("tests/examples.yaml") + " exists already; 'rampart init' never replaces"
        + " a file (give another DIR, or move the file away)\n", run.err());
    assertEquals(2, run.exitCode());
    assertEquals("mine\n", Files.readString(pack.resolve("tests/examples.yaml")));
    try (Stream<Path> files = Files.walk(pack)) {
      assertEquals(List.of(pack, pack.resolve("tests"), pack.resolve("tests/examples.yaml")), files.sorted().toList());
    }
  }

  @Test
  void anIdThatIsNoPackIdIsRefusedWithTheLoadersFix(@TempDir Path dir) {
    CliRun run = CliRun.of("init", dir.resolve("p").toString(), "--id", "my pack: x");

    assertEquals("rampart: the options make no valid pack: invalid pack id 'my pack: x' (use letters, digits, '.',"
        + " '_' and '-')\n", run.err());
    assertEquals(2, run.exitCode());
    assertFalse(Files.exists(dir.resolve("p")));
  }

  @Test
  void aFileWhereTheFolderShouldBeIsRefused(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("acme"), "");

    CliRun run = CliRun.of("init", file.toString(), "--id", "acme-site");

    assertEquals("rampart: '" + file + "' is a file; give the folder to write the pack to\n", run.err());
    assertEquals(2, run.exitCode());
  }
}
