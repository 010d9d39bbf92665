package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.cli.CliRun;
import org.junit.jupiter.api.Test;

/** {@code rampart adapters} lists the fact source types; {@code rampart completion} prints a shell completion script. */
class AdaptersAndCompletionTest {

  @Test
  void adaptersListsEachSourceTypeWithItsRoleAndProvider() {
    CliRun run = CliRun.of("adapters");

    assertEquals(0, run.exitCode());
    assertEquals("", run.err());
    assertTrue(run.out().lines().findFirst().orElseThrow().matches("TYPE +ROLE +PROVIDER"), run.out());
    assertTrue(run.out().lines().anyMatch(line ->
        line.matches("inventory +systemOfRecord +dev\\.rampart\\.adapter\\.inventory\\.InventoryFileProvider")), run.out());
    assertTrue(run.out().lines().anyMatch(line ->
        line.matches("nmap +discovery +dev\\.rampart\\.adapter\\.nmap\\.NmapScanProvider")), run.out());
  }

  @Test
  void adaptersHelpSaysSecretsNeverComeFromFlags() {
    CliRun run = CliRun.of("adapters", "--help");

    assertTrue(run.out().replaceAll("\\s+", " ").contains("Adapters read secrets (passwords, tokens, keys) from"
        + " environment variables or files named in their options, never from command-line flags"), run.out());
  }

  @Test
  void completionPrintsABashScriptThatZshCanLoadToo() {
    CliRun run = CliRun.of("completion");

    assertEquals(0, run.exitCode());
    assertEquals("", run.err());
    assertTrue(run.out().startsWith("#!/usr/bin/env bash\n#\n# rampart Bash Completion\n"), run.out());
    assertTrue(run.out().contains("complete -F _complete_rampart") || run.out().contains("-F _complete_rampart rampart"),
        run.out());
    assertTrue(run.out().contains("bashcompinit"), "zsh loads it through bashcompinit");
    assertTrue(run.out().contains("explain adapters completion"), "every command completes");
    assertTrue(run.out().contains("'--fail-on-unknown'") && run.out().contains("'--write-baseline'"),
        "and every option");
  }

  @Test
  void completionHelpSaysHowToEnableIt() {
    CliRun run = CliRun.of("completion", "--help");

    assertTrue(run.out().contains("source <(rampart completion)"), run.out());
  }
}
