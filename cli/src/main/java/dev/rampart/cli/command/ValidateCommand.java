package dev.rampart.cli.command;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.PackLoadException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rampart validate}: loads rule packs and lists every mistake in them. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = ToolVersion.class,
    description = {
      "Loads rule packs and checks them completely, as evaluating would.",
      "Checks each pack's structure, every field path and operator against the fact model, and every"
          + " parameter with its default.",
      "Prints 'OK ID@VERSION: N rules' for a valid pack, or the numbered list of its problems, each with"
          + " file:line:column."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  every pack is valid",
      "  2  a pack has problems, or cannot be found or read",
      "  3  internal error in rampart: run again with --debug and please report it",
      "",
      "Examples:",
      "  rampart validate my-pack.yaml",
      "  rampart validate iot-baseline my-pack.yaml"
    })
public final class ValidateCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PACK",
      description = "A pack file (or a folder holding pack.yaml), or the id of a built-in pack.")
  private List<String> packs = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int exitCode = ExitCode.OK;
    for (String given : packs) {
      try {
        RulePack pack = RulePacks.named(given);
        // building binds every parameter to its uses and compiles every rule, as an evaluation would
        ComplianceEngine.builder().pack(pack).build();
        out.println("OK " + pack.id() + "@" + pack.version() + ": " + pack.rules().size()
            + (pack.rules().size() == 1 ? " rule" : " rules"));
      } catch (PackLoadException e) {
        err.println(e.getMessage());
        exitCode = ExitCode.INPUT_ERROR;
      }
    }
    return exitCode;
  }
}
