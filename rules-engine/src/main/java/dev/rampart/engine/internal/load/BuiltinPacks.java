package dev.rampart.engine.internal.load;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The built-in packs: classpath resources {@code dev/rampart/packs/ID/pack.yaml}, shipped in rampart-rule-packs. */
public final class BuiltinPacks {

  /** Where built-in packs live on the classpath. */
  public static final String ROOT = "dev/rampart/packs/";

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern ENTRY = Pattern.compile(Pattern.quote(ROOT) + "(" + ID.pattern() + ")/pack\\.yaml");

  private BuiltinPacks() {}

  /** Whether the text has the form of a built-in id: lower-case words joined by '-'. */
  public static boolean isId(String text) {
    return ID.matcher(text).matches();
  }

  /** The resource of the built-in pack with this id; it exists when {@link #exists} says so. */
  public static PackSource source(String id) {
    return PackSource.classpath(loader(), ROOT + id + "/pack.yaml");
  }

  /** Whether a built-in pack with this id is on the classpath. */
  public static boolean exists(String id) {
    return isId(id) && source(id).exists();
  }

  /** The ids of the built-in packs on the classpath, sorted; used to suggest one for a mistyped id. */
  public static List<String> ids() {
    Set<String> ids = new TreeSet<>();
    try {
      Enumeration<URL> roots = loader().getResources(ROOT);
      while (roots.hasMoreElements()) {
        URL root = roots.nextElement();
        if (root.getProtocol().equals("file")) {
          listDirectory(Path.of(root.toURI()), ids);
        } else if (root.getProtocol().equals("jar")) {
          listJar(root, ids);
        }
      }
    } catch (IOException | URISyntaxException e) {
      // the list only feeds suggestions; a pack that cannot be listed still loads by its id
    }
    return List.copyOf(ids);
  }

  private static void listDirectory(Path root, Set<String> ids) throws IOException {
    try (DirectoryStream<Path> packs = Files.newDirectoryStream(root)) {
      for (Path pack : packs) {
        String id = pack.getFileName().toString();
        if (isId(id) && Files.isRegularFile(pack.resolve("pack.yaml"))) {
          ids.add(id);
        }
      }
    }
  }

  private static void listJar(URL root, Set<String> ids) throws IOException {
    JarURLConnection connection = (JarURLConnection) root.openConnection();
    connection.setUseCaches(false);
    try (JarFile jar = connection.getJarFile()) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        Matcher matcher = ENTRY.matcher(entries.nextElement().getName());
        if (matcher.matches()) {
          ids.add(matcher.group(1));
        }
      }
    }
  }

  private static ClassLoader loader() {
    return BuiltinPacks.class.getClassLoader();
  }
}
