package dev.rampart.adapter.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The files adapter tests read, and reads that must fit in a small heap. */
public final class TestFiles {

  private TestFiles() {}

  /** The path of a test resource next to {@code anchor}'s class, e.g. a sample export. */
  public static Path resource(Class<?> anchor, String name) {
    URL url = anchor.getResource(name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + name + " next to " + anchor.getName());
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs {@code main} on the file in a JVM of the test's class path whose heap is {@code megabytes}
   * large, and returns what it printed: a reader that keeps a whole large file in memory fails the test.
   */
  public static String runInSmallHeap(Class<?> main, Path file, int megabytes) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-Xmx" + megabytes + "m", "-XX:+ExitOnOutOfMemoryError",
        "-cp", System.getProperty("java.class.path"), main.getName(), file.toString())
        .redirectErrorStream(true)
        .start();
    String output = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    process.waitFor(10, TimeUnit.SECONDS);
    assertEquals(0, process.exitValue(), output);
    return output.strip();
  }
}
