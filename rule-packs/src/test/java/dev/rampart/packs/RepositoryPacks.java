package dev.rampart.packs;

import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.PackLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The rule packs kept in the repository that the engine accepts, which the JSON Schema must accept too. */
final class RepositoryPacks {

  private RepositoryPacks() {}

  /**
   * The built-in packs, the examples and the engine's test packs that load; test resources include
   * packs with deliberate mistakes, which the schema need not accept.
   */
  static List<Path> acceptedByTheEngine() throws IOException {
    List<Path> packs = new ArrayList<>();
    packs.addAll(yamlFiles(Path.of("src/main/resources")));
    packs.addAll(yamlFiles(Path.of("../examples")));
    packs.addAll(yamlFiles(Path.of("../rules-engine/src/test/resources")));
    List<Path> accepted = new ArrayList<>();
    for (Path pack : packs) {
      if (isRulePack(pack) && loads(pack)) {
        accepted.add(pack);
      }
    }
    return accepted;
  }

  private static List<Path> yamlFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static boolean isRulePack(Path file) throws IOException {
    return Files.readAllLines(file).stream().anyMatch(line -> line.strip().equals("kind: RulePack"));
  }

  private static boolean loads(Path pack) {
    try {
      RulePacks.load(pack);
      return true;
    } catch (PackLoadException e) {
      return false;
    }
  }
}
