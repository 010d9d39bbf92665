package dev.rampart.engine.internal.load;

import dev.rampart.engine.value.Problem;
import dev.rampart.spi.source.InputFileException;
import dev.rampart.spi.source.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a pack's text comes from: the name its problems carry, and where a base that it names by a
 * relative path is found (next to a pack file, next to a classpath resource, or for text without a
 * file, in the working directory).
 */
public sealed interface PackSource permits PackSource.File, PackSource.Classpath, PackSource.Text {

  /** Largest pack accepted, in bytes. */
  long MAX_BYTES = 8L * 1024 * 1024;

  /** A pack file; a directory stands for the {@code pack.yaml} inside it. */
  static PackSource file(Path file) {
    Path inside = file.resolve("pack.yaml");
    // whatever stands there, reading says what it is (InputFiles): a FIFO named pack.yaml is refused, not skipped
    return new File(Files.isDirectory(file) && Files.exists(inside) ? inside : file);
  }

  /** A classpath resource read through the given class loader. */
  static PackSource classpath(ClassLoader loader, String resource) {
    return new Classpath(loader, resource);
  }

  /** Pack text that has no file; {@code name} is used in problems. */
  static PackSource text(String name, String text) {
    return new Text(name, text);
  }

  /** The name problems carry, e.g. {@code site.yaml} or {@code classpath:dev/rampart/packs/iot-baseline/pack.yaml}. */
  String name();

  /** Identifies the pack, so that a chain of bases that comes back to it is recognised as a cycle. */
  String key();

  /** Whether there is a pack to read. */
  boolean exists();

  /**
   * The pack text.
   *
   * @throws PackProblems saying why it cannot be read
   */
  String read() throws PackProblems;

  /** The pack that {@code path} names, relative to this one, or null when it is no valid path here. */
  @Nullable PackSource relative(String path);

  /** Where a relative path starts, for messages. */
  String relativeRoot();

  /** A pack file. */
  record File(Path file) implements PackSource {

    public File {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String name() {
      return file.toString();
    }

    @Override
    public String key() {
      return file.toAbsolutePath().normalize().toString();
    }

    // anything there: reading it names a directory or FIFO for what it is rather than calling it missing
    @Override
    public boolean exists() {
      return Files.exists(file);
    }

    @Override
    public String read() throws PackProblems {
      String name = name();
      try {
        return decode(InputFiles.read(file, MAX_BYTES), name);
      } catch (InputFileException e) {
        throw single(name, e.reason(), switch (e.kind()) {
          case DIRECTORY -> "name the pack file itself, or a directory with a pack.yaml";
          case TOO_LARGE -> "split the pack";
          default -> e.fix();
        });
      }
    }

    @Override
    public @Nullable PackSource relative(String path) {
      try {
        Path parent = file.getParent();
        return PackSource.file((parent == null ? Path.of(path) : parent.resolve(path)).normalize());
      } catch (InvalidPathException e) {
        return null;
      }
    }

    @Override
    public String relativeRoot() {
      return "the directory of this pack file";
    }
  }

  /** A classpath resource; relative paths resolve against the resource's directory. */
  record Classpath(ClassLoader loader, String resource) implements PackSource {

    public Classpath {
      Objects.requireNonNull(loader, "loader");
      Objects.requireNonNull(resource, "resource");
    }

    @Override
    public String name() {
      return "classpath:" + resource;
    }

    @Override
    public String key() {
      return name();
    }

    @Override
    public boolean exists() {
      return loader.getResource(resource) != null;
    }

    @Override
    public String read() throws PackProblems {
      try (InputStream in = loader.getResourceAsStream(resource)) {
        if (in == null) {
          throw single(resource, "is not on the classpath", "check the resource name");
        }
        return decode(in.readNBytes((int) MAX_BYTES + 1), resource);
      } catch (IOException e) {
        throw single(resource, "cannot be read: " + e.getMessage(), null);
      }
    }

    @Override
    public @Nullable PackSource relative(String path) {
      int slash = resource.lastIndexOf('/');
      String resolved = normalize(resource.substring(0, slash + 1) + path);
      return resolved == null ? null : new Classpath(loader, resolved);
    }

    @Override
    public String relativeRoot() {
      return "the classpath directory of this pack";
    }

    /** Resolves {@code .} and {@code ..} segments; null when the path leaves the classpath root. */
    private static @Nullable String normalize(String path) {
      Deque<String> segments = new ArrayDeque<>();
      for (String segment : path.split("/")) {
        if (segment.isEmpty() || segment.equals(".")) {
          continue;
        }
        if (segment.equals("..")) {
          if (segments.isEmpty()) {
            return null;
          }
          segments.removeLast();
        } else {
          segments.addLast(segment);
        }
      }
      return String.join("/", segments);
    }
  }

  /** Text that has no file, e.g. read from elsewhere by the caller; relative paths start in the working directory. */
  record Text(String name, String text) implements PackSource {

    public Text {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String key() {
      return "text:" + name;
    }

    @Override
    public boolean exists() {
      return true;
    }

    @Override
    public String read() {
      return text;
    }

    @Override
    public @Nullable PackSource relative(String path) {
      try {
        return PackSource.file(Path.of(path).normalize());
      } catch (InvalidPathException e) {
        return null;
      }
    }

    @Override
    public String relativeRoot() {
      return "the working directory";
    }
  }

  /**
   * Pack text from its bytes, as {@link #read} gives it: UTF-8, at most {@link #MAX_BYTES}.
   *
   * @throws PackProblems saying why the bytes are no pack text
   */
  static String decode(byte[] bytes, String name) throws PackProblems {
    if (bytes.length > MAX_BYTES) {
      throw single(name, "is larger than " + MAX_BYTES + " bytes", "split the pack");
    }
    return InputFiles.utf8(bytes).orElseThrow(() -> single(name, "is not UTF-8 text", "save the pack as UTF-8"));
  }

  private static PackProblems single(String file, String message, @Nullable String suggestion) {
    return new PackProblems(List.of(new Problem(file, 0, 0, null, "the pack " + message, suggestion)));
  }
}
