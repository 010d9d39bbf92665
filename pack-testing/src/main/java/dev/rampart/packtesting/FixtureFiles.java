package dev.rampart.packtesting;

import dev.rampart.engine.value.PackLoadException;
import dev.rampart.spi.source.InputFileException;
import dev.rampart.spi.source.InputFiles;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds the fixture files of a pack. A pack file's tests are the {@code *.yaml} files in
 * {@code tests/} beside it; a built-in pack's tests are listed in {@code tests/index.txt}, because
 * a folder on the classpath cannot be listed reliably inside a jar.
 */
final class FixtureFiles {

  /** The file that lists a pack's fixture files, one name a line. */
  static final String INDEX = "index.txt";

  /** Most bytes an index may hold: room for a thousand file names and their comments. */
  static final int MAX_INDEX_BYTES = 64 * 1024;

  private final String folder;
  private final List<FixtureFile> files;
  private final List<String> problems;
  private final boolean absent;

  private FixtureFiles(String folder, List<FixtureFile> files, List<String> problems) {
    this(folder, files, problems, false);
  }

  private FixtureFiles(String folder, List<FixtureFile> files, List<String> problems, boolean absent) {
    this.folder = folder;
    this.files = List.copyOf(files);
    this.problems = List.copyOf(problems);
    this.absent = absent;
  }

  /** The fixture files of the pack, or the problems that kept them from being found. */
  static FixtureFiles of(LocatedPack located) {
    return located.builtin() ? onClasspath(located) : inFolder(located.testsFolder());
  }

  /** How messages name the folder the fixtures are in. */
  String folder() {
    return folder;
  }

  List<FixtureFile> files() {
    return files;
  }

  List<String> problems() {
    return problems;
  }

  /**
   * Whether the pack has no fixtures at all (no tests folder, or no index): the one problem then, which
   * a tailored pack that inherits its base's fixtures does without.
   */
  boolean absent() {
    return absent;
  }

  private static FixtureFiles inFolder(Path tests) {
    String folder = tests + "/";
    if (!Files.isDirectory(tests)) {
      return new FixtureFiles(folder, List.of(), List.of(folder + ": the pack has no tests folder (create it and put"
          + " fixture files in it, see docs/pack-testing.md)"), true);
    }
    List<String> problems = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    try (Stream<Path> listing = Files.list(tests)) {
      // not only regular files: reading one that is not (a FIFO, a device) says so, where skipping it would not
      listing.filter(p -> !Files.isDirectory(p)).map(p -> p.getFileName().toString()).filter(FixtureFiles::isFixtureName)
          .forEach(names::add);
    } catch (IOException e) {
      return failed(folder, folder + ": cannot list the tests folder: " + e.getMessage());
    }
    Path index = tests.resolve(INDEX);
    Set<String> order = names;
    if (Files.isRegularFile(index)) {
      // a pack file may be the source of a built-in pack, whose index must then name every fixture
      String shown = tests + "/" + INDEX;
      Optional<Set<String>> read = readIndex(index, shown, problems);
      if (read.isEmpty()) {
        return new FixtureFiles(folder, List.of(), problems);
      }
      Set<String> listed = read.get();
      for (String name : names) {
        if (!listed.contains(name)) {
          problems.add(shown + ": does not list '" + name + "' (add it, one file name a line)");
        }
      }
      for (String name : listed) {
        if (!names.contains(name)) {
          problems.add(shown + ": lists '" + name + "', which is not in the folder (add the file, or remove the line)");
        }
      }
      order = listed;
    }
    if (names.isEmpty() && problems.isEmpty()) {
      problems.add(folder + ": the tests folder holds no fixture files (*.yaml)");
    }
    // in the index's order when there is one, so a pack reads the same from its folder and from a jar
    List<FixtureFile> files = order.stream().filter(names::contains)
        .map(name -> new FixtureFile(tests.resolve(name), tests.resolve(name).toString())).toList();
    return new FixtureFiles(folder, files, problems);
  }

  private static FixtureFiles onClasspath(LocatedPack located) {
    String resource;
    try {
      resource = located.testsResource();
    } catch (PackLoadException e) {
      return failed("classpath:", e.getMessage());
    }
    String folder = "classpath:" + resource;
    URL url = LocatedPack.class.getClassLoader().getResource(resource + INDEX);
    if (url == null) {
      return new FixtureFiles(folder, List.of(), List.of(folder + INDEX + ": the built-in pack '" + located.pack().id()
          + "' has no tests (list its fixture files in " + resource + INDEX + ")"), true);
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        openJar(uri);
      } else if (!"file".equals(uri.getScheme())) {
        return failed(folder, folder + ": cannot read fixture files from " + url);
      }
      Path index = Path.of(uri);
      List<String> problems = new ArrayList<>();
      List<FixtureFile> files = new ArrayList<>();
      for (String name : readIndex(index, folder + INDEX, problems).orElse(Set.of())) {
        Path file = index.resolveSibling(name);
        if (Files.isRegularFile(file)) {
          files.add(new FixtureFile(file, folder + name));
        } else {
          problems.add(folder + INDEX + ": lists '" + name + "', which is not on the classpath"
              + " (add the file next to the index, or remove the line)");
        }
      }
      if (files.isEmpty() && problems.isEmpty()) {
        problems.add(folder + INDEX + ": lists no fixture files");
      }
      return new FixtureFiles(folder, files, problems);
    } catch (URISyntaxException | IOException e) {
      return failed(folder, folder + INDEX + ": cannot be read: " + e.getMessage());
    }
  }

  /**
   * Opens the jar as a file system, once per process: it stays open (the JDK keeps one per jar), so
   * that runs in several threads never find it closed under them.
   */
  private static void openJar(URI uri) throws IOException {
    synchronized (FixtureFiles.class) {
      try {
        FileSystems.getFileSystem(uri);
      } catch (FileSystemNotFoundException e) {
        try {
          FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException opened) {
          // opened by other code in the meantime: use it
        }
      }
    }
  }

  /**
   * The file names an index lists: one a line, blank lines and {@code #} comments ignored; empty when
   * the index cannot be read (the problem says why).
   */
  private static Optional<Set<String>> readIndex(Path index, String shown, List<String> problems) {
    Set<String> names = new LinkedHashSet<>();
    List<String> lines;
    try {
      lines = InputFiles.readUtf8(index, MAX_INDEX_BYTES).lines().toList();
    } catch (InputFileException e) {
      problems.add(e.cannotRead(shown, "the index of the fixture files"));
      return Optional.empty();
    }
    for (int i = 0; i < lines.size(); i++) {
      String name = lines.get(i).strip();
      if (name.isEmpty() || name.startsWith("#")) {
        continue;
      }
      if (!isFixtureName(name) || name.contains("/") || name.contains("\\")) {
        problems.add(shown + ":" + (i + 1) + ": '" + name + "' is not the name of a fixture file in the same folder"
            + " (write a file name ending in .yaml, without a folder)");
      } else if (!names.add(name)) {
        problems.add(shown + ":" + (i + 1) + ": lists '" + name + "' twice (remove one line)");
      }
    }
    return Optional.of(names);
  }

  private static boolean isFixtureName(String name) {
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static FixtureFiles failed(String folder, String problem) {
    return new FixtureFiles(folder, List.of(), List.of(problem));
  }
}
