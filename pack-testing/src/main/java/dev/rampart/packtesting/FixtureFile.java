package dev.rampart.packtesting;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One fixture file of a pack's tests.
 *
 * @param path where it is read from (possibly inside a jar)
 * @param name how messages name it: the path given, or {@code classpath:...} for a built-in pack
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FixtureFile(Path path, String name) {

  public FixtureFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
  }

  /** The file's own name, e.g. {@code identity.yaml}. */
  public String shortName() {
    Path fileName = path.getFileName();
    return fileName == null ? name : fileName.toString();
  }

  /** A message or location that starts with the path read, re-worded to start with the name. */
  String rename(String text) {
    String read = path.toString();
    return text.startsWith(read) ? name + text.substring(read.length()) : text;
  }
}
