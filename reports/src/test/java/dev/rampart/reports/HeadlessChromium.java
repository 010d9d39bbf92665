package dev.rampart.reports;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Chromium in headless mode, run as a separate process, for tests that need a real browser: the
 * DOM after the page's script ran, and a screenshot.
 *
 * <p>Where Chromium is missing, browser tests are skipped with a notice saying how to get it, so that the
 * build passes on a machine with only a JDK; with {@code CI=true} they fail instead, so a CI machine without
 * a browser cannot pass silently ({@code .ci/run} installs the Debian package {@code chromium}).
 * {@value #SKIP}{@code =1} skips them even where Chromium is installed; {@value #BINARY} names another
 * executable.
 */
final class HeadlessChromium {

  /** Set to {@code 1} to skip browser tests where no browser can be installed. */
  static final String SKIP = "RAMPART_SKIP_BROWSER_TESTS";

  /** The Chromium executable to use instead of the first of chromium, chromium-browser on the PATH. */
  static final String BINARY = "RAMPART_CHROMIUM";

  private static final long TIMEOUT_SECONDS = 90;
  private static final String VIRTUAL_TIME_BUDGET_MS = "5000";

  private static boolean noticeGiven;

  private final Path executable;
  private final Path workDirectory;

  private HeadlessChromium(Path executable, Path workDirectory) {
    this.executable = executable;
    this.workDirectory = workDirectory;
  }

  /**
   * The installed Chromium, keeping its profile and output under {@code workDirectory}. Skips the test
   * when there is none (fails it with {@code CI=true}), or when {@value #SKIP} is 1.
   */
  static HeadlessChromium installed(Path workDirectory) {
    Assumptions.assumeFalse("1".equals(System.getenv(SKIP)), SKIP + "=1: browser tests skipped");
    Optional<Path> executable = find();
    if (executable.isEmpty()) {
      String install = """
          install Chromium ('apt-get install -y chromium' on Debian/Ubuntu, or any Chromium or Chrome) so that \
          'chromium' or 'chromium-browser' is on the PATH, or point %s at its executable""".formatted(BINARY);
      if ("true".equals(System.getenv("CI"))) {
        fail("Chromium is not installed, and CI=true requires the browser tests of the HTML report: " + install
            + " (.ci/run does), or set " + SKIP + "=1 to skip them on purpose");
      }
      String notice = "Chromium is not installed, so the browser tests of the HTML report are skipped: " + install
          + " to run them";
      // Surefire does not show an assumption's message: the notice goes to the log too, once.
      if (!noticeGiven) {
        noticeGiven = true;
        System.getLogger(HeadlessChromium.class.getName()).log(System.Logger.Level.WARNING, "NOTICE: " + notice);
      }
      Assumptions.abort(notice);
    }
    return new HeadlessChromium(executable.get(), workDirectory);
  }

  /** The page's DOM, serialised, after its scripts ran; {@code fragment} is appended to the URL (may be empty). */
  String dumpDom(Path page, String fragment) throws IOException, InterruptedException {
    return run(List.of("--dump-dom", url(page, fragment)));
  }

  /** Writes a PNG of the page as a window of the given size shows it. */
  void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
    run(List.of("--window-size=" + width + "," + height, "--hide-scrollbars", "--screenshot=" + png, url(page, "")));
  }

  /** The command line a test runs, for messages and docs. */
  List<String> command(List<String> arguments) {
    List<String> command = new ArrayList<>(List.of(
        executable.toString(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + workDirectory.resolve("profile"),
        "--virtual-time-budget=" + VIRTUAL_TIME_BUDGET_MS));
    command.addAll(arguments);
    return command;
  }

  private String run(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = command(arguments);
    Path out = Files.createTempFile(workDirectory, "chromium-", ".out");
    Path err = Files.createTempFile(workDirectory, "chromium-", ".err");
    Process process = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + String.join(" ", command) + "\n" + tail(err));
    }
    if (process.exitValue() != 0) {
      fail("Chromium exited with " + process.exitValue() + ": " + String.join(" ", command) + "\n" + tail(err));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static String url(Path page, String fragment) {
    return page.toAbsolutePath().toUri() + fragment;
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  private static Optional<Path> find() {
    String configured = System.getenv(BINARY);
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    String searchPath = System.getenv("PATH");
    if (searchPath == null) {
      return Optional.empty();
    }
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String directory : searchPath.split(File.pathSeparator)) {
        Path candidate = Path.of(directory, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
