package dev.rampart.adapter.mud;

import dev.rampart.adapter.testkit.TestFiles;
import java.nio.file.Path;

/** The sample MUD files next to the tests. */
final class Fixtures {

  private Fixtures() {}

  static Path path(String name) {
    return TestFiles.resource(Fixtures.class, name);
  }

  static String location(String name) {
    return path(name).toString();
  }
}
