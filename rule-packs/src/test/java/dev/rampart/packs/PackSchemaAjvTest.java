package dev.rampart.packs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/rule-pack.schema.json passes Ajv, the validator most JavaScript tools (and many editors) use,
 * in strict mode: no unknown keywords, no union types, every required property declared. Ajv's
 * command line (ajv-cli) is installed with npm into target/ajv; where node or npm is missing, or npm
 * cannot install it, the test is skipped with a NOTICE, except with CI=true, where it fails.
 */
class PackSchemaAjvTest {

  private static final String SCHEMA = "../docs/rule-pack.schema.json";
  private static final Path INSTALL = Path.of("target/ajv");
  private static final Path AJV = INSTALL.resolve("node_modules/.bin/ajv");

  @BeforeAll
  static void installAjv() throws IOException, InterruptedException {
    require("node", List.of("node", "--version"));
    require("npm", List.of("npm", "--version"));
    if (Files.isExecutable(AJV)) {
      return;
    }
    Files.createDirectories(INSTALL);
    Run install = run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", INSTALL.toString(),
        "ajv-cli@5.0.0", "ajv@8.20.0"), 300);
    if (install.exitCode() != 0 || !Files.isExecutable(AJV)) {
      unavailable("npm could not install ajv-cli into " + INSTALL + " (is the npm registry reachable?):\n" + install.output());
    }
  }

  @Test
  void compilesInStrictMode() throws IOException, InterruptedException {
    Run compile = ajv("compile", "-s", SCHEMA);

    assertEquals("schema " + SCHEMA + " is valid", compile.output().strip());
    assertEquals(0, compile.exitCode());
  }

  @Test
  void acceptsEveryPackInTheRepositoryThatTheEngineAccepts() throws IOException, InterruptedException {
    List<Path> packs = RepositoryPacks.acceptedByTheEngine();
    List<String> arguments = new ArrayList<>(List.of("validate", "-s", SCHEMA, "--errors=text"));
    packs.forEach(pack -> arguments.addAll(List.of("-d", pack.toString())));

    Run validate = ajv(arguments.toArray(String[]::new));

    assertEquals(0, validate.exitCode(), validate.output());
    assertEquals(packs.size(), validate.output().lines().filter(line -> line.endsWith(" valid")).count(), validate.output());
  }

  @Test
  void flagsAMisspeltFieldPath(@org.junit.jupiter.api.io.TempDir Path directory) throws IOException, InterruptedException {
    Path pack = directory.resolve("pack.yaml");
    Files.writeString(pack, PackSchemaTest.PACK.replace("credentials.defaultPassword", "credentials.defaultPasword"));

    Run validate = ajv("validate", "-s", SCHEMA, "--errors=text", "-d", pack.toString());

    assertEquals(1, validate.exitCode(), validate.output());
    assertTrue(validate.output().contains("data/rules/0/assert/field must be equal to one of the allowed values"),
        validate.output());
  }

  private static Run ajv(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(AJV.toString()));
    command.addAll(List.of(arguments));
    command.addAll(List.of("--spec=draft2020", "--strict=true"));
    return run(command, 120);
  }

  private static void require(String tool, List<String> version) throws InterruptedException {
    try {
      if (run(version, 60).exitCode() == 0) {
        return;
      }
    } catch (IOException e) {
      // not on the PATH: reported below
    }
    unavailable(tool + " is not installed ('apt-get install -y nodejs npm' on Debian/Ubuntu, or https://nodejs.org)");
  }

  private static void unavailable(String why) {
    if ("true".equals(System.getenv("CI"))) {
      fail(why + "; CI=true requires the test that checks docs/rule-pack.schema.json with Ajv (.ci/run installs node and npm)");
    }
    String notice = why + ", so the test that checks docs/rule-pack.schema.json with Ajv in strict mode is skipped";
    // Surefire shows neither an assumption's message nor a class skipped in @BeforeAll: the notice goes to the build log
    System.getLogger(PackSchemaAjvTest.class.getName()).log(System.Logger.Level.WARNING, "NOTICE: " + notice);
    Assumptions.abort(notice);
  }

  private static Run run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
    Path log = Files.createTempFile("ajv", ".log");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
      }
      return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private record Run(int exitCode, String output) {}
}
