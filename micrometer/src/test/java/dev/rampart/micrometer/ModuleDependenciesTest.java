package dev.rampart.micrometer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The binding is one small optional jar: it brings the engine and micrometer-core, and nothing else. */
class ModuleDependenciesTest {

  @Test
  void theModuleDependsOnTheEngineAndMicrometerCoreAlone() throws Exception {
    // the tests run in the module's folder
    NodeList dependencies = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(Path.of("pom.xml").toFile()).getElementsByTagName("dependency");
    List<String> shipped = new ArrayList<>();
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      String scope = text(dependency, "scope");
      if (!scope.equals("test") && !scope.equals("provided")) {
        shipped.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId") + (scope.isEmpty() ? "" : ":" + scope));
      }
    }

    assertEquals(List.of("dev.rampart:rampart-rules-engine", "io.micrometer:micrometer-core"), shipped);
  }

  @Test
  void itsClassesUseTheEnginesApiAndMicrometerOnly() {
    classes().that().resideInAPackage("dev.rampart.micrometer..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.rampart.micrometer..", "dev.rampart.engine",
            "dev.rampart.engine.value", "dev.rampart.spi..", "io.micrometer.core.instrument..", "java..",
            // the null annotations of the engine's own API
            "org.jspecify.annotations")
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rampart.micrometer"));
  }

  private static String text(Element parent, String name) {
    NodeList children = parent.getElementsByTagName(name);
    return children.getLength() == 0 ? "" : children.item(0).getTextContent().trim();
  }
}
