package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code rampart rules --format oscal}: one pack as an OSCAL component definition; {@code --format
 * oscal-catalog}: the guide's catalog, as docs/oscal/guide-catalog.json holds it.
 */
class RulesOscalFormatTest {

  private static final String TAILORED = "../examples/tailored-pack.yaml";

  @Test
  void theOscalFormatWritesThePacksComponentDefinitionTheSameOnEveryRun() {
    CliRun run = CliRun.of("rules", "--pack", TAILORED, "--format", "oscal");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    assertTrue(run.out().startsWith("""
        {
          "component-definition" : {
            "uuid" : \""""), run.out());
    assertTrue(run.out().contains("""
                  "statement-id" : "cr-7.3_smt.HBW-001",
        """), "the site rule HBW-001 implements IEC 62443-4-2 CR 7.3");
    assertTrue(run.out().contains("""
              "remarks" : "The rule pack harbourside-site 1.0.0 as an OSCAL component definition, written by \
        `rampart rules --format oscal`."
        """.strip()), run.out());
    assertEquals(run.out(), CliRun.of("rules", "--pack", TAILORED, "--format", "oscal").out());
  }

  @Test
  void theOscalCatalogFormatPrintsTheGuidesCatalogAsTheDocsShipIt() throws Exception {
    CliRun run = CliRun.of("rules", "--format", "oscal-catalog");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(Files.readString(Path.of("../docs/oscal/guide-catalog.json"), StandardCharsets.UTF_8), run.out());
  }

  @Test
  void theOscalFormatTakesOnePack() {
    CliRun run = CliRun.of("rules", "--pack", "iot-baseline", "--pack", TAILORED, "--format", "oscal");

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertEquals("""
        --format oscal writes one pack's component definition, but 2 packs were given: run it once per --pack
        """, run.err());
  }

  @Test
  void theCatalogTakesNoPack() {
    CliRun run = CliRun.of("rules", "--pack", "iot-baseline", "--format", "oscal-catalog");

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertEquals("""
        --format oscal-catalog prints the guide's catalog, which does not depend on a pack: leave out --pack, \
        or use --format oscal for a pack's component definition
        """, run.err());
  }
}
