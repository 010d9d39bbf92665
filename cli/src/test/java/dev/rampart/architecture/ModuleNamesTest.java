package dev.rampart.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A module's folder, its artifact and its packages say the same name, so that whoever meets one of
 * them (a dependency in a pom, an import, a folder in {@code ls}) finds the other two: folder
 * {@code F} is artifact {@code rampart-F} with packages under {@code dev.rampart.F} (hyphens dropped);
 * a module inside an aggregator folder {@code adapters/F} is {@code rampart-adapter-F} in
 * {@code dev.rampart.adapter.F}.
 */
class ModuleNamesTest {

  private static final Pattern MODULE = Pattern.compile("<module>([a-z-]+)</module>");
  private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([a-z-]+)</artifactId>");
  private static final Pattern PACKAGE = Pattern.compile("^package ([a-z.]+);", Pattern.MULTILINE);

  // The few packages named otherwise, each for a reason a reader would otherwise have to guess.
  private static final Map<String, String> PACKAGE_EXCEPTIONS = Map.of(
      // the API package users import is the engine's; "rulesengine" would say nothing more
      "rules-engine", "dev.rampart.engine",
      // the generator writes fleets; "fleetgenerator" would say nothing more
      "fleet-generator", "dev.rampart.generator",
      // not dev.rampart.adapter.support: the layering rules take each dev.rampart.adapter.* package for an adapter
      "adapters/support", "dev.rampart.adaptersupport");

  @Test
  void everyModulesArtifactIsNamedAfterItsFolder() throws IOException {
    List<String> misnamed = new ArrayList<>();
    for (Path module : modules(ReadmeLayoutTest.ROOT)) {
      String folder = folder(module);
      String artifact = artifactOf(module);
      if (!artifact.equals(expectedArtifact(folder))) {
        misnamed.add(folder + " is " + artifact + ", not " + expectedArtifact(folder));
      }
    }
    assertEquals(List.of(), misnamed);
  }

  @Test
  void everyModulesClassesLiveUnderThePackageNamedAfterItsFolder() throws IOException {
    Map<String, List<String>> strays = new TreeMap<>();
    for (Path module : modules(ReadmeLayoutTest.ROOT)) {
      String folder = folder(module);
      String root = rootPackage(folder);
      List<String> outside = packagesOf(module).stream()
          .filter(name -> !name.equals(root) && !name.startsWith(root + "."))
          .toList();
      if (!outside.isEmpty()) {
        strays.put(folder + " (expected " + root + ")", outside);
      }
    }
    assertEquals(Map.of(), strays);
  }

  @Test
  void theNamesFollowFromTheFolder() {
    assertEquals("rampart-pack-testing", expectedArtifact("pack-testing"));
    assertEquals("dev.rampart.packtesting", expectedPackage("pack-testing"));
    assertEquals("rampart-adapter-azure-iot-hub", expectedArtifact("adapters/azure-iot-hub"));
    assertEquals("dev.rampart.adapter.azureiothub", expectedPackage("adapters/azure-iot-hub"));
    assertEquals("rampart-bench-jmh", expectedArtifact("bench/jmh"));
  }

  /** The package every class of the module in this folder lives under. */
  static String rootPackage(String folder) {
    return PACKAGE_EXCEPTIONS.getOrDefault(folder, expectedPackage(folder));
  }

  /** Every module of the build, aggregators included, below the root. */
  static List<Path> modules(Path aggregator) throws IOException {
    List<Path> modules = new ArrayList<>();
    Matcher module = MODULE.matcher(Files.readString(aggregator.resolve("pom.xml")));
    while (module.find()) {
      Path child = aggregator.resolve(module.group(1));
      modules.add(child);
      modules.addAll(modules(child));
    }
    return modules;
  }

  static String folder(Path module) {
    return ReadmeLayoutTest.ROOT.relativize(module).toString().replace('\\', '/');
  }

  /** {@code F} is {@code rampart-F}; {@code G/F} is {@code rampart-G-F}, with G in the singular. */
  private static String expectedArtifact(String folder) {
    int slash = folder.indexOf('/');
    return slash < 0 ? "rampart-" + folder
        : "rampart-" + singular(folder.substring(0, slash)) + "-" + folder.substring(slash + 1);
  }

  private static String expectedPackage(String folder) {
    int slash = folder.indexOf('/');
    String name = slash < 0 ? folder.replace("-", "")
        : singular(folder.substring(0, slash)) + "." + folder.substring(slash + 1).replace("-", "");
    return "dev.rampart." + name;
  }

  private static String singular(String aggregator) {
    return aggregator.endsWith("s") ? aggregator.substring(0, aggregator.length() - 1) : aggregator;
  }

  static String artifactOf(Path module) throws IOException {
    // the first artifactId after the parent's, or the first of a pom without a parent (the BOM)
    String pom = Files.readString(module.resolve("pom.xml"));
    Matcher artifact = ARTIFACT.matcher(pom).region(Math.max(pom.indexOf("</parent>"), 0), pom.length());
    return artifact.find() ? artifact.group(1) : "(no artifactId)";
  }

  private static List<String> packagesOf(Path module) throws IOException {
    Path sources = module.resolve("src/main/java");
    if (!Files.isDirectory(sources)) {
      return List.of();
    }
    List<String> packages = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        Matcher declared = PACKAGE.matcher(Files.readString(file));
        if (declared.find() && !packages.contains(declared.group(1))) {
          packages.add(declared.group(1));
        }
      }
    }
    return packages.stream().sorted().toList();
  }
}
