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
 * jar (a cold evaluation of the bundled example) lists the classes it loaded and the lambdas it linked
 * ({@code -XX:DumpLoadedClassList}); a second JVM dumps them, the JDK's own among them, into a static archive
 * ({@code -Xshare:dump}) that a later JVM of the same JDK maps instead of loading, verifying and linking them
 * again.
 *
 * <p>A static archive, not the dynamic one {@code -XX:ArchiveClassesAtExit} makes on top of the JDK's: JDK 17
 * leaves out of a dynamic archive every class of a pre-Java 6 class file, and so all of picocli (compiled for
 * Java 5), our classes that implement its interfaces, and the proxies of its annotations, which then load
 * from the jar and pass the old, slow verifier on every run. A static archive of JDK 17 keeps them.
 *
 * <p>The archive is written to a temporary name and moved into place only when both runs succeeded,
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

    Path classList = work.resolve("classes.lst");
    Files.deleteIfExists(classList);
    List<String> training = new ArrayList<>(List.of(
        java(), "-XX:DumpLoadedClassList=" + classList, "-jar", jar.toString()));
    training.addAll(List.of(args).subList(3, args.length));
    if (!run(training, work, work.resolve("training.log"), classList)) {
      return;
    }
    withoutOldLambdas(classList);
    // The class path of the dump is the jar alone, as 'java -jar' has it; the JVM reads its Class-Path itself.
    List<String> dump = List.of(java(), "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
        "-XX:SharedArchiveFile=" + partial, "-cp", jar.toString());
    if (!run(dump, work, work.resolve("dump.log"), partial)) {
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

  /**
   * Drops from the class list the lambdas made for picocli's interfaces (Main's exception handlers): the dump
   * links every listed lambda, and linking one links its interface and picocli's CommandLine with the old
   * verifier, which keeps them out of the archive. The two lambdas are spun at run time instead.
   */
  private static void withoutOldLambdas(Path classList) throws IOException {
    List<String> lines = Files.readAllLines(classList, StandardCharsets.UTF_8);
    lines.removeIf(line -> line.startsWith("@lambda-proxy ") && line.contains("picocli/"));
    Files.write(classList, lines, StandardCharsets.UTF_8);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Runs one step with its output in {@code log}; whether it made {@code result}, with a warning when not. */
  private static boolean run(List<String> command, Path work, Path log, Path result)
      throws IOException, InterruptedException {
    Process step = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!step.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      step.destroyForcibly();
      warn("'" + String.join(" ", command) + "' took over " + TIMEOUT_MINUTES + " minutes", log);
      return false;
    }
    if (step.exitValue() != 0) {
      warn("'" + String.join(" ", command) + "' exited with " + step.exitValue(), log);
      return false;
    }
    if (!Files.isRegularFile(result)) {
      warn("'" + String.join(" ", command) + "' wrote no " + result.getFileName(), log);
      return false;
    }
    return true;
  }

  // No archive is no error: ./rampart starts without one, only slower.
  private static void warn(String what, Path log) throws IOException {
    System.out.println("[rampart] WARNING: no class-data sharing archive: " + what + "; ./rampart starts without one"
        + " (slower). Its output:");
    Files.readAllLines(log).forEach(line -> System.out.println("  " + line));
  }
}
