package dev.rampart.packtesting;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.engine.RulePack;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What testing one pack found: either the input problems that kept the tests from running, or every
 * case with the coverage they give.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PackTestResult {

  /** Every expectation was met and every rule was seen PASS and FAIL. */
  public static final int PASSED = 0;

  /** A case gave another outcome than expected, or a rule was not seen PASS and FAIL. */
  public static final int FAILED = 1;

  /** The pack or a fixture file has mistakes; nothing was evaluated. */
  public static final int INPUT_ERROR = 2;

  private final String given;
  private final @Nullable RulePack pack;
  private final String folder;
  private final int files;
  private final List<TestCase> cases;
  private final List<SkippedCase> skipped;
  private final int replaced;
  private final @Nullable Coverage coverage;
  private final List<String> problems;

  private PackTestResult(String given, @Nullable RulePack pack, String folder, int files, List<TestCase> cases,
      List<SkippedCase> skipped, int replaced, @Nullable Coverage coverage, List<String> problems) {
    this.given = given;
    this.pack = pack;
    this.folder = folder;
    this.files = files;
    this.cases = List.copyOf(cases);
    this.skipped = List.copyOf(skipped);
    this.replaced = replaced;
    this.coverage = coverage;
    this.problems = List.copyOf(problems);
  }

  static PackTestResult inputError(String given, @Nullable RulePack pack, List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an input error needs at least one problem");
    }
    return new PackTestResult(given, pack, "", 0, List.of(), List.of(), 0, null, problems);
  }

  static PackTestResult ran(RulePack pack, String folder, int files, List<TestCase> cases, List<SkippedCase> skipped,
      int replaced, Coverage coverage) {
    return new PackTestResult(pack.id(), Objects.requireNonNull(pack, "pack"), folder, files, cases, skipped, replaced,
        coverage, List.of());
  }

  /** The pack as the user named it, or its id once loaded. */
  public String given() {
    return given;
  }

  /** The pack, once it loaded. */
  public Optional<RulePack> pack() {
    return Optional.ofNullable(pack);
  }

  /**
   * How messages name the folder the fixture files were read from: the pack's own tests folder; empty
   * for a tailored pack that has none and runs its bases' fixtures only.
   */
  public String folder() {
    return folder;
  }

  /** The number of fixture files read, a tailored pack's bases' included. */
  public int files() {
    return files;
  }

  /** Every case, in fixture file order; empty after an input error. */
  public List<TestCase> cases() {
    return cases;
  }

  /**
   * The cases of a base pack's fixtures that were not run because the pack disabled their rule (or a
   * base further up did), in fixture file order; neither passed nor failed.
   */
  public List<SkippedCase> skipped() {
    return skipped;
  }

  /** How many cases of the bases' fixtures a case of a nearer pack's fixtures replaced (same rule and fact id). */
  public int replaced() {
    return replaced;
  }

  /** The coverage, unless an input error kept the tests from running. */
  public Optional<Coverage> coverage() {
    return Optional.ofNullable(coverage);
  }

  /** The mistakes in the pack or its fixtures, each naming its place; empty when the tests ran. */
  public List<String> problems() {
    return problems;
  }

  public long passed() {
    return cases.stream().filter(TestCase::passed).count();
  }

  public long failed() {
    return cases.size() - passed();
  }

  /** {@link #PASSED}, {@link #FAILED} or {@link #INPUT_ERROR}. */
  public int exitCode() {
    if (!problems.isEmpty()) {
      return INPUT_ERROR;
    }
    return failed() == 0 && coverage != null && coverage.complete() ? PASSED : FAILED;
  }
}
