package dev.rampart.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What an application that embeds Rampart gets from the build: every library module of the reactor is
 * in the BOM (and nothing else is), in the README's artifact table with its folder, and its jar names
 * its module after its root package ({@code Automatic-Module-Name}, the package {@link ModuleNamesTest}
 * holds its classes to) beside a source and a javadoc jar.
 * The jars are read where the reactor built them, so the last test needs {@code mvn verify} (or
 * {@code package}); it is skipped with a notice after {@code mvn test} alone.
 */
class LibraryJarsTest {

  /** Jar modules that are applications, not libraries: no BOM entry, no source or javadoc jar. */
  private static final List<String> APPLICATIONS = List.of("rampart-cli", "rampart-spark-job", "rampart-bench-jmh");

  private static final Pattern README_ROW = Pattern.compile("(?m)^\\| `(rampart-[a-z-]+)` \\| `([a-z/-]+)/` \\|");

  static Path root;
  static String version;
  /** Library artifact id to its folder, relative to the root. */
  static Map<String, String> libraries;

  @BeforeAll
  static void readTheReactor() throws Exception {
    root = ReadmeLayoutTest.ROOT;
    version = child(pom(root.resolve("pom.xml")), "version");
    libraries = new TreeMap<>();
    for (Path module : ModuleNamesTest.modules(root)) {
      String artifact = ModuleNamesTest.artifactOf(module);
      if (!Files.readString(module.resolve("pom.xml")).contains("<packaging>pom</packaging>")
          && !APPLICATIONS.contains(artifact)) {
        libraries.put(artifact, ModuleNamesTest.folder(module));
      }
    }
  }

  @Test
  void theBomManagesEveryLibraryAtTheReactorsVersionAndNothingElse() throws Exception {
    Element bom = pom(root.resolve("bom/pom.xml"));
    List<String> managed = new ArrayList<>();
    Element dependencies = (Element) bom.getElementsByTagName("dependencyManagement").item(0);
    for (Element dependency : elements(dependencies.getElementsByTagName("dependency"))) {
      managed.add(child(dependency, "groupId") + ":" + child(dependency, "artifactId") + ":" + child(dependency, "version"));
    }
    assertEquals("rampart-bom", child(bom, "artifactId"));
    assertEquals(version, child(bom, "version"), "the BOM's version is the reactor's");
    assertEquals(0, bom.getElementsByTagName("parent").getLength(),
        "the BOM has no parent: importing it would import the parent's dependencyManagement too");
    assertEquals(libraries.keySet().stream().map(id -> "dev.rampart:" + id + ":${project.version}").sorted().toList(),
        managed.stream().sorted().toList());
  }

  @Test
  void theReadmeListsEveryLibraryWithItsFolder() throws IOException {
    Map<String, String> listed = new TreeMap<>();
    Matcher row = README_ROW.matcher(Files.readString(root.resolve("README.md")));
    while (row.find()) {
      listed.put(row.group(1), row.group(2));
    }
    listed.keySet().removeAll(APPLICATIONS);
    listed.remove("rampart-bom");

    assertEquals(libraries, listed);
  }

  @Test
  void everyLibraryJarNamesItsModuleAfterItsRootPackageBesideSourceAndJavadocJars() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> library : libraries.entrySet()) {
      Path target = root.resolve(library.getValue()).resolve("target");
      Path jar = target.resolve(library.getKey() + "-" + version + ".jar");
      Assumptions.assumeTrue(Files.exists(jar), () -> notice(jar));
      ModuleDescriptor module = ModuleFinder.of(jar).findAll().iterator().next().descriptor();
      String name = ModuleNamesTest.rootPackage(library.getValue());
      if (!module.name().equals(name)) {
        problems.add(jar.getFileName() + ": module " + module.name() + ", expected " + name);
      }
      List<String> attached = new ArrayList<>(List.of("sources"));
      if (Files.isDirectory(root.resolve(library.getValue()).resolve("src/main/java"))) {
        attached.add("javadoc");
      }
      for (String classifier : attached) {
        Path companion = target.resolve(library.getKey() + "-" + version + "-" + classifier + ".jar");
        if (!Files.exists(companion)) {
          problems.add(jar.getFileName() + ": no " + companion.getFileName());
        }
      }
    }
    assertEquals("", String.join("\n", problems));
  }

  private static String notice(Path jar) {
    String notice = jar + " is not built: the library jars are checked after 'mvn package' or 'mvn verify'";
    System.getLogger(LibraryJarsTest.class.getName()).log(System.Logger.Level.WARNING, "NOTICE: " + notice);
    return notice;
  }

  private static Element pom(Path file) throws Exception {
    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    return document.getDocumentElement();
  }

  /** The text of a direct child element, or null. */
  private static String child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element.getTextContent().trim();
      }
    }
    return null;
  }

  private static List<Element> elements(org.w3c.dom.NodeList nodes) {
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }
}
