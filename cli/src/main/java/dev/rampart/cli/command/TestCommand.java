package dev.rampart.cli.command;

import dev.rampart.packtesting.PackTestReport;
import dev.rampart.packtesting.PackTestResult;
import dev.rampart.packtesting.PackTestRunner;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rampart test}: checks rule packs against the test fixtures kept beside them. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    versionProvider = ToolVersion.class,
    description = {
      "Tests rule packs against the fixtures beside them: facts, and the outcome each rule must give each fact.",
      "Prints a table of cases per rule, the coverage of the rules (each must be seen PASS and FAIL) and of the"
          + " requirements they serve, and a summary whose last line reads 'N passed, M failed'.",
      "A pack file's fixtures are the tests/*.yaml files next to it; a built-in pack's are listed in its"
          + " tests/index.txt. See docs/pack-testing.md for the format."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  every expected outcome was met and every rule was seen PASS and FAIL",
      "  1  an outcome was not the expected one, or a rule was not seen PASS and FAIL",
      "  2  usage or input error: a bad pack or fixture file (named with its",
      "     file:line:column), or an expectation naming an unknown rule or fact;",
      "     nothing was evaluated",
      "  3  internal error in rampart: run again with --debug and please report it",
      "",
      "Examples:",
      "  rampart test iot-baseline",
      "  rampart test my-pack.yaml"
    })
public final class TestCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PACK",
      description = "A built-in pack id (e.g. iot-baseline) or a pack file (or a folder holding pack.yaml).")
  private List<String> packs = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int exitCode = ExitCode.OK;
    for (int i = 0; i < packs.size(); i++) {
      PackTestResult result = PackTestRunner.run(packs.get(i));
      if (result.problems().isEmpty()) {
        if (i > 0) {
          out.println();
        }
        PackTestReport.write(result, out);
      } else {
        PackTestReport.writeProblems(result, err);
      }
      exitCode = worse(exitCode, result.exitCode());
    }
    return exitCode;
  }

  // an input error outweighs a failed test, which outweighs a pass
  private static int worse(int a, int b) {
    return a == ExitCode.INPUT_ERROR || b == ExitCode.INPUT_ERROR ? ExitCode.INPUT_ERROR : Math.max(a, b);
  }
}
