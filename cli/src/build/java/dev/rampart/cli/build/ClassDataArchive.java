package dev.rampart.cli.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Build step of rampart-cli (run by the exec plugin in package, as a single-file source program of the JDK):
 * makes the class-data sharing archive {@code ./rampart} starts the CLI with. One training run of the built
 * jar (a cold evaluation of the bundled example) records the classes it loaded, the lambdas it spun and
 * their linkage into the archive ({@code -XX:ArchiveClassesAtExit}); a later JVM of the same JDK maps them
 * instead of loading, verifying and linking them again.
 *
 * <p>The archive is written to a temporary name and moved into place only when the training run succeeded,
 * and its size is written beside it ({@code ARCHIVE.size}) last: the launcher uses the archive only when the
 * two agree, since a JDK 17 that maps a truncated archive dies of SIGBUS instead of ignoring it. A JDK that
 * cannot make an archive leaves none, with a warning: the archive saves time, the CLI never needs it.
 */
public final class ClassDataArchive {

  private static final long TIMEOUT_MINUTES = 5;

  private ClassDataArchive() {}

  /**
   * {@code args[0]}: the CLI jar; {@code args[1]}: the archive to write; {@code args[2]}: a directory for the
   * training run's reports; the rest: the training run's {@code rampart} arguments.
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      throw new IllegalArgumentException("usage: ClassDataArchive JAR ARCHIVE WORK_DIR RAMPART_ARGUMENTS...");
    }
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path archive = Path.of(args[1]).toAbsolutePath();
    Path work = Path.of(args[2]).toAbsolutePath();
    Path size = sizeFile(archive);
    Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
    Files.deleteIfExists(size);
    Files.deleteIfExists(archive);
    Files.deleteIfExists(partial);
    Files.createDirectories(work);

    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:ArchiveClassesAtExit=" + partial,
        "-jar", jar.toString()));
    command.addAll(List.of(args).subList(3, args.length));
    Path log = work.resolve("training.log");
    Process training = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!training.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      training.destroyForcibly();
      warn("the training run took over " + TIMEOUT_MINUTES + " minutes", log);
      return;
    }
    if (training.exitValue() != 0 || !Files.isRegularFile(partial)) {
      warn("the training run " + String.join(" ", command) + " exited with " + training.exitValue()
          + (Files.isRegularFile(partial) ? "" : " and wrote no archive"), log);
      Files.deleteIfExists(partial);
      return;
    }
    Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(size, Files.size(archive) + "\n", StandardCharsets.US_ASCII);
    System.out.println("[rampart] class-data sharing archive " + archive + " (" + Files.size(archive) / 1024 + " KiB)");
  }

  /** The file holding the archive's size in bytes, as the launcher reads it. */
  static Path sizeFile(Path archive) {
    return archive.resolveSibling(archive.getFileName() + ".size");
  }

  // No archive is no error: ./rampart starts without one, only slower.
  private static void warn(String what, Path log) throws IOException {
    System.out.println("[rampart] WARNING: no class-data sharing archive: " + what + "; ./rampart starts without one"
        + " (slower). Its output:");
    Files.readAllLines(log).forEach(line -> System.out.println("  " + line));
  }
}
