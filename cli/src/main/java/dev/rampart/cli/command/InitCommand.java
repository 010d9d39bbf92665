package dev.rampart.cli.command;

import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rampart init}: writes a new rule pack to start from: {@code pack.yaml} with two example
 * rules, fixtures that pass {@code rampart test} with full coverage, and CI snippets that validate and
 * test it. It never replaces a file.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    versionProvider = ToolVersion.class,
    description = {
      "Writes a new rule pack to start from: DIR/pack.yaml with two example rules (one in a category the"
          + " pack declares), DIR/tests/examples.yaml with a passing, a failing and where possible an UNKNOWN"
          + " case for each rule, and DIR/ci/github-actions.yml and DIR/ci/check.sh, which run 'rampart"
          + " validate' and 'rampart test' on it. 'rampart test DIR' passes as written, with every rule covered.",
      "The pack stands alone: it does not extend iot-baseline. Nothing is written if any of the files exists."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  the pack was written",
      "  2  a file exists already, DIR is a file, --id is not a pack id, or a file cannot be written",
      "  3  internal error in rampart: run again with --debug and please report it",
      "",
      "Examples:",
      "  rampart init packs/acme --id acme-site --owner 'IoT platform security' --contact iot-security@acme.example",
      "  rampart init --id my-pack"
    })
public final class InitCommand implements Callable<Integer> {

  /** The JSON Schema's id, which the modeline of the pack written names (docs/rule-pack.schema.json). */
  static final String SCHEMA_URL = "https://rampart.dev/schemas/rule-pack/v1/rule-pack.schema.json";
  /** What CI runs, from the pack's folder: the plain shell line of ci/check.sh. */
  static final String CHECK_LINE = "rampart validate . && rampart test .";

  private static final String FIXTURES = """
      description: The cases of the example rules; name each fact after its rule and outcome.
      facts:
        devices:
          - id: ex-001-pass
            credentials: {defaultPassword: false}
          - id: ex-001-fail
            credentials: {defaultPassword: true}
          - id: ex-001-unknown
            owner: facilities
          - id: ex-001-retired
            lifecycle: {status: retired}
            credentials: {defaultPassword: true}
          - id: ex-002-pass
            owner: facilities
          - id: ex-002-fail
            name: a camera nobody answers for
      expect:
        EX-001: {ex-001-pass: PASS, ex-001-fail: FAIL, ex-001-unknown: UNKNOWN, ex-001-retired: NOT_APPLICABLE}
        EX-002: {ex-002-pass: PASS, ex-002-fail: FAIL}
      """;

  @Spec private CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "The folder to write the pack to; created if missing. Default: the current folder.")
  private Path directory = Path.of(".");

  @Option(names = "--id", paramLabel = "ID", required = true,
      description = "The pack's id: letters, digits, '.', '_' and '-', e.g. acme-site.")
  private String id;

  @Option(names = "--title", paramLabel = "TEXT", description = "The pack's title. Default: 'ID rules'.")
  private @Nullable String title;

  @Option(names = "--owner", paramLabel = "TEXT",
      description = "Who answers for the pack, e.g. a team (metadata.owner); reports show it beside each rule.")
  private @Nullable String owner;

  @Option(names = "--contact", paramLabel = "TEXT",
      description = "How to reach the owner, e.g. an e-mail address (metadata.contact).")
  private @Nullable String contact;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String packText = packYaml();
    String problem = packProblem(packText);
    if (problem != null) {
      err.println("rampart: " + problem);
      return ExitCode.INPUT_ERROR;
    }
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      err.println("rampart: '" + directory + "' is a file; give the folder to write the pack to");
      return ExitCode.INPUT_ERROR;
    }
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(directory.resolve("pack.yaml"), packText);
    files.put(directory.resolve("tests").resolve("examples.yaml"), FIXTURES);
    files.put(directory.resolve("ci").resolve("github-actions.yml"), githubActions());
    files.put(directory.resolve("ci").resolve("check.sh"), checkScript());
    List<Path> existing = files.keySet().stream().filter(f -> Files.exists(f, LinkOption.NOFOLLOW_LINKS)).toList();
    if (!existing.isEmpty()) {
      err.println("rampart: " + String.join(", ", existing.stream().map(Path::toString).toList())
          + (existing.size() == 1 ? " exists" : " exist") + " already; 'rampart init' never replaces a file"
          + " (give another DIR, or move the file" + (existing.size() == 1 ? "" : "s") + " away)");
      return ExitCode.INPUT_ERROR;
    }
    try {
      write(files);
    } catch (FileAlreadyExistsException e) {
      err.println("rampart: " + e.getFile() + " exists already; 'rampart init' never replaces a file (nothing was"
          + " written; give another DIR)");
      return ExitCode.INPUT_ERROR;
    } catch (IOException e) {
      err.println("rampart: cannot write the pack to '" + directory + "' (nothing was written): " + e);
      return ExitCode.INPUT_ERROR;
    }
    out.println("Wrote rule pack '" + id + "' with 2 example rules:");
    files.keySet().forEach(file -> out.println("  " + file));
    out.println("Check it as CI will: cd " + directory + " && " + CHECK_LINE);
    out.println("Then replace the example rules with your own, and their cases in tests/examples.yaml.");
    return ExitCode.OK;
  }

  /** Writes every file as new; when one cannot be written, removes those already written. */
  private static void write(Map<Path, String> files) throws IOException {
    List<Path> written = new ArrayList<>();
    try {
      for (Map.Entry<Path, String> file : files.entrySet()) {
        Files.createDirectories(file.getKey().toAbsolutePath().getParent());
        Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        written.add(file.getKey());
      }
    } catch (IOException e) {
      for (Path file : written) {
        Files.deleteIfExists(file);
      }
      throw e;
    }
  }

  /**
   * What is wrong with the options, as the loader finds it in the pack they make (an id that is not
   * one, a title that is empty), or {@code null}. The loader is the one judge of what a pack may say.
   */
  private @Nullable String packProblem(String packText) {
    if (id.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--id is empty; give the pack an id, e.g. --id acme-site");
    }
    try {
      RulePacks.parse(packText, "pack.yaml");
      return null;
    } catch (PackLoadException e) {
      Problem first = e.problems().get(0);
      return "the options make no valid pack: " + first.message()
          + (first.suggestion() == null ? "" : " (" + first.suggestion() + ")");
    }
  }

  private String packYaml() {
    String packTitle = title == null ? id + " rules" : title;
    return "# yaml-language-server: $schema=" + SCHEMA_URL + "\n"
        + """
        # A rule pack (its format: docs/rule-pack-format.md of rampart). Check it with 'rampart validate'
        # and test it with 'rampart test' (its cases are in tests/); ci/ has both for CI.
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata:
        """
        + "  id: " + quoted(id) + "\n"
        + "  version: \"0.1.0\"\n"
        + "  title: " + quoted(packTitle) + "\n"
        + (owner == null ? "  # owner: the team that answers for these rules\n" : "  owner: " + quoted(owner) + "\n")
        + (contact == null ? "  # contact: how to reach it, e.g. an e-mail address\n"
            : "  contact: " + quoted(contact) + "\n")
        + """
          # categories a rule may use besides the guide's nine (procurement, identity, segmentation,
          # patching, monitoring, interfaces, data, resilience, operations)
          categories:
            governance:
              title: Governance
              description: who answers for each device, and how risk is accepted
        rules:
          - id: EX-001
            title: No vendor default password is still set
            rationale: A default password is published in the vendor's manuals; anyone can log in with it.
            category: identity
            severity: high
            target: device
            tags: [passwords, example]
            # a retired device is not checked; a device whose status is unknown is
            when: {field: lifecycle.status, notEquals: retired, ifAbsent: true}
            assert: {field: credentials.defaultPassword, equals: false}
            message: device ${id} still accepts its vendor default password
            remediation: Set a unique password on the device, or disable password log-in.
            requirements: [G11]         # the ids of the requirements it serves (here, of rampart's guide)
          - id: EX-002
            title: Every device has an owner
            rationale: A device nobody answers for is never patched.
            category: governance
            severity: medium
            target: device
            tags: [asset-register, example]
            assert: {field: owner, exists: true}
            message: device ${id} has no owner
            remediation: Record the team that answers for the device as its owner in the inventory.
            requirements: [G42]
        """;
  }

  /** A workflow that runs the check line in the pack's folder, as the folder was given to init. */
  private String githubActions() {
    String folder = directory.normalize().toString().replace(directory.getFileSystem().getSeparator(), "/");
    return """
        # GitHub Actions: copy this file to .github/workflows/ of the repository that holds the pack
        # (the working-directory is the pack's folder as 'rampart init' was given it: from the root).
        # It needs the 'rampart' command on the PATH: add the step that puts it there before 'Validate'.
        name: rule pack %s
        on: [push, pull_request]
        jobs:
          pack:
            runs-on: ubuntu-latest
            defaults:
              run: {working-directory: %s}
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-java@v4
                with: {distribution: temurin, java-version: '17'}
              - name: Validate and test the pack
                run: %s --format junit:pack-tests.xml
              - name: Keep the test report
                if: always()
                uses: actions/upload-artifact@v4
                with: {name: pack-tests, path: %s}
        """.formatted(quoted(id), quoted(folder.isEmpty() ? "." : folder), CHECK_LINE,
            quoted((folder.isEmpty() ? "." : folder) + "/pack-tests.xml"));
  }

  private static String checkScript() {
    return """
        #!/bin/sh
        # Validates and tests the pack in this script's parent folder; exits non-zero when either fails.
        cd "$(dirname "$0")/.." || exit 2
        """ + CHECK_LINE + "\n";
  }

  /** A YAML double-quoted scalar, so no option value can change the pack's structure. */
  private static String quoted(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            quoted.append(String.format("\\x%02x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
