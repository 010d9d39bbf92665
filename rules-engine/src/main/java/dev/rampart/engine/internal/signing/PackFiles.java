package dev.rampart.engine.internal.signing;

import dev.rampart.engine.value.Problem;
import dev.rampart.spi.source.InputFileException;
import dev.rampart.spi.source.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.jspecify.annotations.Nullable;

/**
 * The files of a pack directory, read once into memory: every regular file under it, at any depth,
 * except its own {@code pack.sig}, which is kept apart. Checking and loading then use these very
 * bytes, so a file changed on disk after the check is never loaded unchecked.
 */
final class PackFiles {

  /** The signature file, beside the pack file. */
  public static final String SIGNATURE = "pack.sig";

  /** Most files a signed pack directory may hold. */
  public static final int MAX_FILES = 1000;

  /** Most bytes, all files together, a signed pack directory may hold. */
  public static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;

  /** Most bytes of the file read beside a classpath pack directory: a key file is far smaller. */
  public static final int MAX_BESIDE_BYTES = 64 * 1024;

  /** Paths in the order of their UTF-8 bytes, as {@code LC_ALL=C sort} orders them. */
  public static final Comparator<String> PATH_ORDER =
      (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  private final String location;
  private final String separator;
  private final SortedMap<String, byte[]> files;
  private final byte @Nullable [] signature;
  private final byte @Nullable [] beside;

  private PackFiles(String location, String separator, SortedMap<String, byte[]> files,
      byte @Nullable [] signature, byte @Nullable [] beside) {
    this.location = location;
    this.separator = separator;
    this.files = Collections.unmodifiableSortedMap(files);
    this.signature = signature;
    this.beside = beside;
  }

  /**
   * Reads a pack directory of the file system.
   *
   * @throws UnreadablePack listing each file that cannot be read or cannot be part of a signed pack
   */
  public static PackFiles ofDirectory(Path directory) throws UnreadablePack {
    return ofDirectory(directory, directory.toString(), directory.getFileSystem().getSeparator(), null);
  }

  /**
   * Reads the directory of a classpath resource, from the directory or the jar that holds it, and
   * the file {@code besideName} in the directory above, from the same place.
   *
   * @param resource a resource in the directory, e.g. {@code dev/rampart/packs/iot-baseline/pack.yaml}
   * @throws UnreadablePack when the directory cannot be listed or read
   */
  public static PackFiles ofClasspath(URL url, String resource, @Nullable String besideName) throws UnreadablePack {
    String directory = resource.substring(0, resource.lastIndexOf('/') + 1);
    String location = "classpath:" + directory.substring(0, Math.max(0, directory.length() - 1));
    try {
      if (url.getProtocol().equals("file")) {
        Path dir = Path.of(url.toURI()).getParent();
        return ofDirectory(dir, location, "/", besideName == null ? null : dir.resolveSibling(besideName));
      }
      if (url.getProtocol().equals("jar")) {
        return ofJar(url, location, besideName);
      }
    } catch (URISyntaxException | IOException | IllegalArgumentException e) {
      throw unreadable(location, "the pack's files cannot be listed: " + e.getMessage(), null);
    }
    throw unreadable(location, "the pack's files cannot be listed: its classpath URL '" + url
        + "' is neither in a directory nor in a jar", "put rampart-rule-packs on the class path as a plain jar");
  }

  /** How the directory is named in messages. */
  public String location() {
    return location;
  }

  /** How a file of the pack is named in messages. */
  public String name(String path) {
    return location.isEmpty() ? path : location + separator + path.replace("/", separator);
  }

  /** The files by their path relative to the directory, with {@code /} between names, in {@link #PATH_ORDER}. */
  public SortedMap<String, byte[]> files() {
    return files;
  }

  /** The bytes of {@code pack.sig}, or null when the directory has none. */
  public byte @Nullable [] signature() {
    return signature == null ? null : signature.clone();
  }

  /** The bytes of the file read beside the directory, or null when there is none. */
  public byte @Nullable [] beside() {
    return beside == null ? null : beside.clone();
  }

  private static PackFiles ofDirectory(Path dir, String location, String separator, @Nullable Path besideFile)
      throws UnreadablePack {
    String shown = location.isEmpty() ? "." : location;
    if (!Files.isDirectory(dir)) {
      throw unreadable(shown, "the pack directory does not exist", "check the path");
    }
    Collector collector = new Collector(location, separator);
    try {
      Files.walkFileTree(dir, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          String path = relative(dir, file);
          if (attributes.isSymbolicLink()) {
            collector.problem(path, "is a symbolic link; a signed pack holds regular files only",
                "replace the link with a copy of the file it points to");
          } else if (!attributes.isRegularFile()) {
            collector.problem(path, "is not a regular file; a signed pack holds regular files only", "remove it");
          } else if (collector.admit(path, attributes.size())) {
            try {
              // capped: a file that grows after it was admitted is refused, not read without end
              collector.add(path, InputFiles.read(file, MAX_TOTAL_BYTES));
            } catch (InputFileException e) {
              collector.problem(path, e.reason(), e.fix());
            }
          }
          return collector.full() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          collector.problem(relative(dir, file), "cannot be read: " + e, "check the file's permissions");
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw unreadable(shown, "the pack directory cannot be read: " + e, "check its permissions");
    }
    byte[] beside = null;
    if (besideFile != null) {
      try {
        beside = InputFiles.read(besideFile, MAX_BESIDE_BYTES);
      } catch (InputFileException e) {
        if (e.kind() != InputFileException.Kind.MISSING) {
          throw unreadable(besideFile.toString(), e.reason(), e.fix());
        }
      }
    }
    return collector.build(beside);
  }

  private static PackFiles ofJar(URL url, String location, @Nullable String besideName)
      throws IOException, UnreadablePack {
    JarURLConnection connection = (JarURLConnection) url.openConnection();
    connection.setUseCaches(false);
    String entryName = connection.getEntryName();
    String prefix = entryName.substring(0, entryName.lastIndexOf('/') + 1);
    String parent = prefix.substring(0, prefix.lastIndexOf('/', prefix.length() - 2) + 1);
    Collector collector = new Collector(location, "/");
    byte[] beside = null;
    try (JarFile jar = connection.getJarFile()) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements() && !collector.full()) {
        JarEntry entry = entries.nextElement();
        if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
          continue;
        }
        String path = entry.getName().substring(prefix.length());
        if (collector.admit(path, Math.max(0, entry.getSize()))) {
          try (InputStream in = jar.getInputStream(entry)) {
            collector.add(path, in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_TOTAL_BYTES + 1)));
          }
        }
      }
      JarEntry besideEntry = besideName == null ? null : jar.getJarEntry(parent + besideName);
      if (besideEntry != null) {
        try (InputStream in = jar.getInputStream(besideEntry)) {
          beside = in.readNBytes(MAX_BESIDE_BYTES);
        }
      }
    }
    return collector.build(beside);
  }

  private static String relative(Path dir, Path file) {
    List<String> names = new ArrayList<>();
    dir.relativize(file).forEach(name -> names.add(name.toString()));
    return String.join("/", names);
  }

  private static UnreadablePack unreadable(String file, String message, @Nullable String suggestion) {
    return new UnreadablePack(List.of(new Problem(file, 0, 0, null, message, suggestion)));
  }

  /** Gathers the files of one directory within the limits, and the problems met. */
  private static final class Collector {

    private final String location;
    private final String separator;
    private final SortedMap<String, byte[]> files = new TreeMap<>(PATH_ORDER);
    private final List<Problem> problems = new ArrayList<>();
    private byte @Nullable [] signature;
    private long total;
    private boolean full;

    Collector(String location, String separator) {
      this.location = location;
      this.separator = separator;
    }

    /** Whether the file is to be read: its name can be signed and it fits within the limits. */
    boolean admit(String path, long size) {
      if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
        problem(path, "has a name that cannot be signed: it holds a control character or a backslash", "rename it");
        return false;
      }
      return fits(files.size() + 1, total + size);
    }

    void add(String path, byte[] bytes) {
      total += bytes.length;
      if (!fits(files.size() + 1, total)) {
        return;
      }
      if (path.equals(SIGNATURE)) {
        signature = bytes;
      } else {
        files.put(path, bytes);
      }
    }

    private boolean fits(int count, long bytes) {
      if (full || count > MAX_FILES || bytes > MAX_TOTAL_BYTES) {
        if (!full) {
          problems.add(new Problem(location.isEmpty() ? "." : location, 0, 0, null, "the pack directory holds more than "
              + MAX_FILES + " files or " + MAX_TOTAL_BYTES / (1024 * 1024) + " MiB; a signed pack is a directory of its own",
              "keep the pack, its tests and nothing else in its directory"));
        }
        full = true;
        return false;
      }
      return true;
    }

    void problem(String path, String message, @Nullable String suggestion) {
      problems.add(new Problem(name(path), 0, 0, null, message, suggestion));
    }

    boolean full() {
      return full;
    }

    PackFiles build(byte @Nullable [] beside) throws UnreadablePack {
      if (!problems.isEmpty()) {
        throw new UnreadablePack(problems);
      }
      return new PackFiles(location, separator, files, signature, beside);
    }

    private String name(String path) {
      return location.isEmpty() ? path : location + separator + path.replace("/", separator);
    }
  }
}
