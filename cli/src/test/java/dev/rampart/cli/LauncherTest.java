package dev.rampart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./rampart} launcher with the class-data sharing archive the build made: it finds the checkout
 * through a link from elsewhere, uses the archive, and gives the same report, exit code and standard error
 * when the archive is missing, truncated, damaged or older than the jar. It runs the packaged jar, so it
 * runs in the build's integration-test phase (tag {@code launcher}, after the archive is made), not with
 * the unit tests.
 */
@Tag("launcher")
class LauncherTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path TARGET = ROOT.resolve("cli/target");
  private static final Path ARCHIVE = TARGET.resolve("rampart.jsa");
  private static final Path EXAMPLE = ROOT.resolve("examples/inventory.yaml");
  private static final String[] EVALUATE = {"evaluate", EXAMPLE.toString(), "--now", "2026-11-25"};

  @TempDir static Path dir;

  /** The run of the jar with the JVM's defaults, which the launcher's runs must match. */
  static Run expected;

  @BeforeAll
  static void evaluateWithTheJvmsDefaults() throws Exception {
    List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", TARGET.resolve("rampart.jar").toString()));
    command.addAll(List.of(EVALUATE));
    expected = run(command, Map.of());
  }

  @Test
  void theBuildMadeAnArchiveThisJdkMapsWithItsSizeBesideIt() throws Exception {
    assertEquals(Files.size(ARCHIVE) + "\n", Files.readString(TARGET.resolve("rampart.jsa.size")));

    // -Xshare:on fails instead of running without the archive when it cannot map it
    Run run = run(List.of(javaExecutable(), "-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE, "-jar",
        TARGET.resolve("rampart.jar").toString(), "--version"), Map.of());

    assertEquals(0, run.exitCode(), run.err());
  }

  @Test
  void aLinkFromAnotherDirectoryRunsTheCheckoutWithItsArchive() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path link = Files.createSymbolicLink(bin.resolve("rampart"), ROOT.resolve("rampart"));
    Path classes = dir.resolve("classes.log");

    Run run = run(command(link), Map.of("RAMPART_JAVA_OPTS", "-Xlog:class+load:file=" + classes));

    assertSameAsWithoutLauncher(run);
    String loaded = Files.readString(classes);
    assertTrue(loaded.contains("dev.rampart.cli.Main source: shared objects file\n"), "the CLI's classes come from the archive");
    // picocli's class files are of Java 5, which JDK 17 keeps out of a dynamic archive, not out of a static one
    assertTrue(loaded.contains("picocli.CommandLine source: shared objects file\n"), "picocli's classes come from the archive");
    assertTrue(loaded.contains("dev.rampart.cli.command.InstantConverter source: shared objects file\n"),
        "the classes implementing picocli's interfaces (--now's converter) come from the archive");
  }

  @Test
  void withoutTheArchiveTheRunIsTheSame() throws Exception {
    Path checkout = checkout("no-archive");

    assertSameAsWithoutLauncher(run(command(checkout.resolve("rampart")), Map.of()));
  }

  @Test
  void aTruncatedArchiveIsNotUsedAndTheRunIsTheSame() throws Exception {
    Path checkout = checkout("truncated");
    Path archive = withArchive(checkout);
    try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
      file.setLength(100_000);
    }

    assertSameAsWithoutLauncher(run(command(checkout.resolve("rampart")), Map.of()));
  }

  @Test
  void aDamagedArchiveOfTheRightSizeIsNotUsedAndTheRunIsTheSame() throws Exception {
    Path checkout = checkout("damaged");
    Path archive = withArchive(checkout);
    try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
      for (long at : new long[] {300, file.length() / 3, file.length() / 2}) {
        file.seek(at);
        file.write(new byte[] {(byte) 0xff, 0x13, 0x37, (byte) 0xff, 0x00, 0x42, 0x13, 0x37});
      }
    }

    assertSameAsWithoutLauncher(run(command(checkout.resolve("rampart")), Map.of()));
  }

  @Test
  void anArchiveOlderThanTheJarIsNotUsedAndTheRunIsTheSame() throws Exception {
    Path checkout = checkout("stale");
    Path archive = withArchive(checkout);
    Files.setLastModifiedTime(archive, Files.getLastModifiedTime(TARGET.resolve("rampart.jar")));
    Path classes = dir.resolve("stale-classes.log");

    Run run = run(command(checkout.resolve("rampart")), Map.of("RAMPART_JAVA_OPTS", "-Xlog:class+load:file=" + classes));

    assertSameAsWithoutLauncher(run);
    assertTrue(Files.readString(classes).contains("dev.rampart.cli.Main source: file:"), "the archive was not used");
  }

  private static void assertSameAsWithoutLauncher(Run run) {
    assertEquals(expected.err(), run.err());
    assertEquals(expected.out(), run.out());
    assertEquals(expected.exitCode(), run.exitCode());
  }

  /**
   * A checkout of its own: a copy of the launcher, with the built jar and its lib/ linked from the real one,
   * and no archive.
   */
  private static Path checkout(String name) throws IOException {
    Path checkout = dir.resolve(name);
    Path target = Files.createDirectories(checkout.resolve("cli/target"));
    Files.copy(ROOT.resolve("rampart"), checkout.resolve("rampart"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.createSymbolicLink(target.resolve("rampart.jar"), TARGET.resolve("rampart.jar"));
    Files.createSymbolicLink(target.resolve("lib"), TARGET.resolve("lib"));
    return checkout;
  }

  /** A copy of the build's archive and its size in the checkout, as the build leaves them. */
  private static Path withArchive(Path checkout) throws IOException {
    Path archive = checkout.resolve("cli/target/rampart.jsa");
    Files.copy(ARCHIVE, archive);
    Files.copy(TARGET.resolve("rampart.jsa.size"), checkout.resolve("cli/target/rampart.jsa.size"));
    return archive;
  }

  private static List<String> command(Path launcher) {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(EVALUATE));
    return command;
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Runs in the temporary directory, with the test's JDK first on the PATH as the launcher finds java there. */
  private static Run run(List<String> command, Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("PATH", Path.of(javaExecutable()).getParent() + ":" + System.getenv("PATH"));
    builder.environment().remove("RAMPART_JAVA_OPTS");
    builder.environment().putAll(environment);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not end within 2 minutes");
    }
    return new Run(process.exitValue(), text(out), text(err));
  }

  private static String text(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  private record Run(int exitCode, String out, String err) {}
}
