package dev.rampart.cli.command;

import dev.rampart.packtesting.PackTestJson;
import dev.rampart.packtesting.PackTestJunit;
import dev.rampart.packtesting.PackTestReport;
import dev.rampart.packtesting.PackTestResult;
import dev.rampart.packtesting.PackTestRunner;
import dev.rampart.spi.source.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
      "  rampart test my-pack.yaml",
      "  rampart test my-pack.yaml --format junit:pack-tests.xml --format json:t.json"
    })
public final class TestCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PACK",
      description = "A built-in pack id (e.g. iot-baseline) or a pack file (or a folder holding pack.yaml).")
  private List<String> packs = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FMT:FILE",
      converter = ReportTarget.Converter.class,
      description = "Also writes the tests of every pack to FILE for CI: junit (JUnit XML, a suite per rule and"
          + " one for coverage) or json (the layout of docs/pack-test-schema.json). Repeatable. The table"
          + " still goes to standard output.")
  private List<ReportTarget> formats = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    checkFormats();
    List<String> unwritable = EvaluateCommand.unwritableTargets(formats);
    if (!unwritable.isEmpty()) {
      unwritable.forEach(err::println);
      return ExitCode.INPUT_ERROR;
    }
    int exitCode = ExitCode.OK;
    List<PackTestResult> results = new ArrayList<>();
    for (int i = 0; i < packs.size(); i++) {
      PackTestResult result = PackTestRunner.run(packs.get(i));
      results.add(result);
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
    for (ReportTarget target : formats) {
      Path file = Objects.requireNonNull(target.file(), "checked: every --format names a file");
      try {
        if (target.format() == ReportTarget.Format.JUNIT) {
          AtomicFiles.write(file, writer -> PackTestJunit.write(results, writer));
        } else {
          AtomicFiles.write(file, writer -> PackTestJson.write(results, writer));
        }
      } catch (IOException e) {
        err.println("rampart: cannot write the " + target.format().wireName() + " report to '" + file + "': "
            + e.getMessage());
        exitCode = ExitCode.INPUT_ERROR;
      }
    }
    return exitCode;
  }

  // the table is the text on standard output; a file format needs a file, and each its own
  private void checkFormats() {
    Set<Path> files = new HashSet<>();
    for (ReportTarget target : formats) {
      if (target.format() != ReportTarget.Format.JUNIT && target.format() != ReportTarget.Format.JSON) {
        throw new ParameterException(spec.commandLine(), "rampart test writes junit or json reports, not "
            + target.format().wireName() + " (use --format junit:FILE or --format json:FILE; the table goes to"
            + " standard output)");
      }
      Path file = target.file();
      if (file == null) {
        throw new ParameterException(spec.commandLine(), "--format " + target + " names no file; the table goes to"
            + " standard output (use --format " + target + ":FILE)");
      }
      if (!files.add(file.toAbsolutePath().normalize())) {
        throw new ParameterException(spec.commandLine(), "Two --format options write to '" + file
            + "'; give each its own file");
      }
    }
  }

  // an input error outweighs a failed test, which outweighs a pass
  private static int worse(int a, int b) {
    return a == ExitCode.INPUT_ERROR || b == ExitCode.INPUT_ERROR ? ExitCode.INPUT_ERROR : Math.max(a, b);
  }
}
