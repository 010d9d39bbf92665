package dev.rampart.packtesting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pack test runner and the report it writes for people, on small packs written for these tests
 * ({@code src/test/resources/packtest/NAME/pack.yaml}, each with its fixtures in {@code tests/}).
 */
class PackTestRunnerTest {

  private static final String PACKS = "src/test/resources/packtest/";

  @Test
  void aPackWhoseFixturesAllHoldAndCoverEveryRulePasses() {
    PackTestResult result = PackTestRunner.run(PACKS + "passing/pack.yaml");

    assertEquals("""
        Testing packtest-demo 0.3.0 (3 rules) with 2 fixture files from src/test/resources/packtest/passing/tests/

        DEMO-001  No default password
          FACT                     EXPECTED        ACTUAL          RESULT    FIXTURE
          cam-01                   PASS            PASS            OK        devices.yaml
          cam-02                   FAIL            FAIL            OK        devices.yaml
          sensor-with-a-long-name  UNKNOWN         UNKNOWN         OK        devices.yaml

        DEMO-002  Data kept no longer than the limit
          FACT                     EXPECTED        ACTUAL          RESULT    FIXTURE
          cam-01                   PASS            PASS            OK        devices.yaml
          cam-02                   FAIL            FAIL            OK        devices.yaml
          sensor-with-a-long-name  UNKNOWN         UNKNOWN         OK        devices.yaml
          cam-01                   FAIL            FAIL            OK        strict-limit.yaml

        DEMO-003  Documented owner
          FACT    EXPECTED        ACTUAL          RESULT    FIXTURE
          cam-01  PASS            PASS            OK        devices.yaml
          cam-02  FAIL            FAIL            OK        devices.yaml

        Coverage of rules (each must be seen PASS and FAIL; UNKNOWN is '-' where a rule cannot give it)
          RULE      PASS  FAIL  UNKNOWN
          DEMO-001  yes   yes   yes
          DEMO-002  yes   yes   yes
          DEMO-003  yes   yes   -

        Coverage of requirements (each must be served by a covered rule)
          G11  covered by DEMO-001
          G22  covered by DEMO-003
          G36  covered by DEMO-002
          G42  covered by DEMO-003

        3 rules, 9 cases: 9 passed, 0 failed
        Covered: 3 of 3 rules (seen PASS and FAIL), 4 of 4 requirements; UNKNOWN seen in 2 of 2 possible
        9 passed, 0 failed
        """, ReportText.of(result));
    assertEquals(List.of(), result.problems());
    assertEquals(PackTestResult.PASSED, result.exitCode());
  }

  @Test
  void aMismatchShowsTheEvidenceAndMissingCoverageNamesTheOutcomesEachRuleLacks() {
    PackTestResult result = PackTestRunner.run(PACKS + "failing/pack.yaml");

    assertEquals("""
        Testing packtest-demo 0.3.0 (3 rules) with 1 fixture file from src/test/resources/packtest/failing/tests/

        DEMO-001  No default password
          FACT    EXPECTED        ACTUAL          RESULT    FIXTURE
          cam-01  PASS            FAIL            MISMATCH  devices.yaml
              expected at src/test/resources/packtest/failing/tests/devices.yaml:11:14
              fact at src/test/resources/packtest/failing/tests/devices.yaml:4:7
              message: cam-01 still has its default password
              evidence: credentials.defaultPassword = true (expected equals false)
              why: rampart explain --rule DEMO-001 --fact cam-01 --pack src/test/resources/packtest/failing/pack.yaml \
        --now 2026-11-25T00:00:00Z --source inventory:src/test/resources/packtest/failing/tests/devices.yaml \
        --source-option embeddedAt=facts

        DEMO-002  Data kept no longer than the limit
          FACT    EXPECTED        ACTUAL          RESULT    FIXTURE
          cam-01  PASS            PASS            OK        devices.yaml
          cam-02  FAIL            FAIL            OK        devices.yaml

        DEMO-003  Documented owner
          FACT    EXPECTED        ACTUAL          RESULT    FIXTURE
          cam-01  PASS            PASS            OK        devices.yaml

        Coverage of rules (each must be seen PASS and FAIL; UNKNOWN is '-' where a rule cannot give it)
          RULE      PASS  FAIL  UNKNOWN
          DEMO-001  no    no    no       NOT COVERED
          DEMO-002  yes   yes   no
          DEMO-003  yes   no    -        NOT COVERED

        Coverage of requirements (each must be served by a covered rule)
          G11  NOT COVERED (served by DEMO-001, none of them covered)
          G22  NOT COVERED (served by DEMO-003, none of them covered)
          G36  covered by DEMO-002
          G42  NOT COVERED (served by DEMO-003, none of them covered)

        Mismatches: DEMO-001 on cam-01
        Missing coverage: DEMO-001 lacks PASS and FAIL; DEMO-003 lacks FAIL
        Never seen UNKNOWN, though they can be (not required): DEMO-001, DEMO-002
        3 rules, 4 cases: 3 passed, 1 failed
        Covered: 1 of 3 rules (seen PASS and FAIL), 1 of 4 requirements; UNKNOWN seen in 0 of 2 possible
        3 passed, 1 failed
        """, ReportText.of(result));
    assertEquals(List.of(), result.problems());
    assertEquals(PackTestResult.FAILED, result.exitCode());
  }

  @Test
  void everyMistakeInTheFixturesIsListedWithItsPlaceAndNothingIsEvaluated() {
    PackTestResult result = PackTestRunner.run(PACKS + "bad-fixtures/pack.yaml");

    assertEquals("""
        11 problems in the tests of pack packtest-demo; nothing was evaluated:
        1. src/test/resources/packtest/bad-fixtures/tests/bad-inventory.yaml:4:21: facts.devices[0] (id \
        'cam-01').credentials: unknown field 'defaultPasword' (did you mean 'defaultPassword'?)
        2. src/test/resources/packtest/bad-fixtures/tests/bad-inventory.yaml:7:3: expect: pack packtest-demo has no \
        rule 'DEMO-100' (did you mean 'DEMO-001'?)
        3. src/test/resources/packtest/bad-fixtures/tests/mistakes.yaml: facts: device 'cam-02' refers to network \
        'iot', which no source reported (add a network with id 'iot', or correct the reference)
        4. src/test/resources/packtest/bad-fixtures/tests/mistakes.yaml:1:6: now: 'next tuesday' is neither an \
        ISO-8601 instant nor a date (write e.g. 2026-11-25T00:00:00Z, or 2026-11-25 for the start of that day in UTC)
        5. src/test/resources/packtest/bad-fixtures/tests/mistakes.yaml:3:3: parameters: pack packtest-demo has no \
        parameter 'maxRetentionDay' (did you mean 'maxRetentionDays'?)
        6. src/test/resources/packtest/bad-fixtures/tests/mistakes.yaml:4:1: unknown top-level key 'expected' (did \
        you mean 'expect'?)
        7. src/test/resources/packtest/bad-fixtures/tests/mistakes.yaml:12:3: expect: pack packtest-demo has no \
        rule 'DEMO-01' (did you mean 'DEMO-001'?)
        8. src/test/resources/packtest/bad-fixtures/tests/mistakes.yaml:13:14: expect.DEMO-002: no device with id \
        'cam-1' in facts (rule DEMO-002 is evaluated for each device; did you mean 'cam-01'?)
        9. src/test/resources/packtest/bad-fixtures/tests/mistakes.yaml:14:22: expect.DEMO-003.cam-01: unknown \
        outcome 'pass' (did you mean 'PASS'?)
        10. src/test/resources/packtest/bad-fixtures/tests/mistakes.yaml:14:36: expect.DEMO-003.cam-02: unknown \
        outcome 'MAYBE' (one of PASS, FAIL, UNKNOWN, NOT_APPLICABLE, ERROR)
        11. src/test/resources/packtest/bad-fixtures/tests/tuned.yaml:2:3: parameters: parameter 'maxRetentionDays' \
        = 'a year': must be a whole number, not 'a year' (give a value of type integer that fits, e.g. the default \
        365)
        """, ReportText.problemsOf(result));
    assertEquals(List.of(), result.cases());
    assertEquals(PackTestResult.INPUT_ERROR, result.exitCode());
  }

  @Test
  void anIndexBesideTheFixturesMustNameExactlyTheFixtureFiles() {
    PackTestResult result = PackTestRunner.run(PACKS + "index-mismatch/pack.yaml");

    assertEquals("""
        3 problems in the tests of pack packtest-demo; nothing was evaluated:
        1. src/test/resources/packtest/index-mismatch/tests/index.txt:4: lists 'devices.yaml' twice (remove one line)
        2. src/test/resources/packtest/index-mismatch/tests/index.txt: does not list 'extra.yaml' (add it, one file \
        name a line)
        3. src/test/resources/packtest/index-mismatch/tests/index.txt: lists 'gone.yaml', which is not in the \
        folder (add the file, or remove the line)
        """, ReportText.problemsOf(result));
    assertEquals(PackTestResult.INPUT_ERROR, result.exitCode());
  }

  /** An index is read like every input: UTF-8 text of bounded size, or a problem that says which and why. */
  @Test
  void anIndexThatIsNoUtf8TextOrTooLargeIsAProblemOfItsOwn(@TempDir Path dir) throws IOException {
    Path tests = copyOfPassing(dir, "devices.yaml");
    Files.write(tests.resolve("index.txt"), new byte[] {'d', 'e', 'v', (byte) 0xff, '\n'});

    PackTestResult notText = PackTestRunner.run(dir.resolve("pack.yaml").toString());

    assertEquals("""
        1 problem in the tests of pack packtest-demo; nothing was evaluated:
        1. cannot read 'DIR/tests/index.txt': it is not UTF-8 text (save it as UTF-8)
        """.replace("DIR", dir.toString()), ReportText.problemsOf(notText));
    assertEquals(PackTestResult.INPUT_ERROR, notText.exitCode());

    Files.writeString(tests.resolve("index.txt"), "devices.yaml\n" + "#\n".repeat(FixtureFiles.MAX_INDEX_BYTES / 2));

    assertEquals("""
        1 problem in the tests of pack packtest-demo; nothing was evaluated:
        1. cannot read 'DIR/tests/index.txt': it is larger than 65536 bytes (is this the right file? split it if it is)
        """.replace("DIR", dir.toString()), ReportText.problemsOf(PackTestRunner.run(dir.resolve("pack.yaml").toString())));
  }

  /** A fixture that is no regular file is a problem, never a fixture silently left out of the run. */
  @Test
  void aFifoAmongTheFixturesIsAProblemNotSkipped(@TempDir Path dir) throws Exception {
    Path tests = copyOfPassing(dir, "devices.yaml", "strict-limit.yaml");
    assumeTrue(new ProcessBuilder("mkfifo", tests.resolve("piped.yaml").toString()).start().waitFor() == 0, "mkfifo");

    PackTestResult result = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> PackTestRunner.run(dir.resolve("pack.yaml").toString()));

    assertEquals("""
        1 problem in the tests of pack packtest-demo; nothing was evaluated:
        1. cannot read 'DIR/tests/piped.yaml': it is not a regular file: a device, FIFO or socket is never read \
        (give the path of an inventory file)
        """.replace("DIR", dir.toString()), ReportText.problemsOf(result));
    assertEquals(PackTestResult.INPUT_ERROR, result.exitCode());
  }

  @Test
  void aPackWithoutATestsFolderIsAnInputError() {
    PackTestResult result = PackTestRunner.run(PACKS + "no-tests/pack.yaml");

    assertEquals("""
        1 problem in the tests of pack packtest-demo; nothing was evaluated:
        1. src/test/resources/packtest/no-tests/tests/: the pack has no tests folder \
        (create it and put fixture files in it, see docs/pack-testing.md)
        """, ReportText.problemsOf(result));
    assertEquals(PackTestResult.INPUT_ERROR, result.exitCode());
  }

  @Test
  void aPackThatCannotBeLoadedIsAnInputError() {
    PackTestResult result = PackTestRunner.run("no-such-pack");

    assertEquals("""
        1 problem in rule pack:
        1. no-such-pack: the pack is not a built-in pack (built-in packs: iot-baseline; a pack file is named \
        by a path with a '/' or an extension, e.g. ./no-such-pack.yaml)
        """, ReportText.problemsOf(result));
    assertEquals(PackTestResult.INPUT_ERROR, result.exitCode());
  }

  @Test
  void aFolderHoldingPackYamlNamesThePackToo() {
    assertEquals(ReportText.of(PackTestRunner.run(PACKS + "passing/pack.yaml")),
        ReportText.of(PackTestRunner.run(PACKS + "passing")));
  }

  /** A fixture's list parameter reaches the engine element by element: a comma or bracket in one is text. */
  @Test
  void aListParameterOfAFixtureKeepsItsElementsAsWritten(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("pack.yaml"), """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: sites, version: "1.0", title: Sites}
        parameters:
          sites: {type: list, default: [south]}
        rules:
          - {id: SITE, title: Known site, category: operations, severity: low, target: device,
             assert: {field: attributes.site, in: {param: sites}}}
        """);
    Files.createDirectory(dir.resolve("tests"));
    Files.writeString(dir.resolve("tests/sites.yaml"), """
        parameters:
          sites: ["north, building [2]", south]
        facts:
          devices:
            - {id: north, attributes: {site: "north, building [2]"}}
            - {id: east, attributes: {site: east}}
        expect:
          SITE: {north: PASS, east: FAIL}
        """);

    PackTestResult result = PackTestRunner.run(dir.resolve("pack.yaml").toString());

    assertEquals(PackTestResult.PASSED, result.exitCode(), () -> result.problems() + ", " + result.failed() + " failed");
  }

  /** The passing pack copied into {@code dir} with the fixtures named; its tests folder. */
  private static Path copyOfPassing(Path dir, String... fixtures) throws IOException {
    Path passing = Path.of(PACKS + "passing");
    Files.copy(passing.resolve("pack.yaml"), dir.resolve("pack.yaml"));
    Path tests = Files.createDirectory(dir.resolve("tests"));
    for (String fixture : fixtures) {
      Files.copy(passing.resolve("tests").resolve(fixture), tests.resolve(fixture));
    }
    return tests;
  }
}
