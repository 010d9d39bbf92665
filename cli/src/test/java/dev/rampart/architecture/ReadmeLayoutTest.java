package dev.rampart.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's layout table is how a newcomer finds where a change belongs, so it names exactly
 * the folders the repository has: a new module without a row, or a row for a folder that moved,
 * fails the build.
 */
class ReadmeLayoutTest {

  // the tests run in the cli module's folder; the repository is its parent
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)/` \\|", Pattern.MULTILINE);

  @Test
  void theLayoutTableNamesEveryTopLevelFolderAndNoOther() throws IOException {
    assertEquals(folders(), rows());
  }

  @Test
  void everyModuleOfTheBuildHasARow() throws IOException {
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    Matcher module = Pattern.compile("<module>([a-z-]+)</module>").matcher(pom);
    Set<String> modules = new TreeSet<>();
    while (module.find()) {
      modules.add(module.group(1));
    }
    Set<String> missing = new TreeSet<>(modules);
    missing.removeAll(rows());
    assertEquals(Set.of(), missing, "modules of pom.xml without a row in README.md's layout table");
  }

  private static Set<String> rows() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String layout = readme.substring(readme.indexOf("## Layout"));
    Matcher row = ROW.matcher(layout);
    Set<String> named = new TreeSet<>();
    while (row.find()) {
      named.add(row.group(1));
    }
    return named;
  }

  private static Set<String> folders() throws IOException {
    Set<String> folders = new TreeSet<>();
    try (Stream<Path> children = Files.list(ROOT)) {
      children.filter(Files::isDirectory)
          .map(path -> path.getFileName().toString())
          .filter(name -> !name.startsWith(".") && !name.equals("target"))
          .forEach(folders::add);
    }
    return folders;
  }
}
