package dev.rampart.adapter.azureiothub;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The sample exports next to the tests. */
final class Fixtures {

  private Fixtures() {}

  static Path path(String name) {
    URL url = Fixtures.class.getResource(name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String location(String name) {
    return path(name).toString();
  }
}
