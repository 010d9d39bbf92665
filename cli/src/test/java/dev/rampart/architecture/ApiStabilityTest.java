package dev.rampart.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.rampart.spi.source.FactSourceProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every public type an embedder can reach says how far to rely on it, as JUnit's do: apiguardian's
 * {@code @API} with STABLE, EXPERIMENTAL or INTERNAL. The API packages are every package of the
 * library modules except the internal ones, plus the adapters' providers; no type of an internal
 * package promises stability; and docs/api-stability.md lists every marked type with its status.
 * (The CLI module sees every other on its class path, so the rule is checked here once for all.)
 */
class ApiStabilityTest {

  // every package of these modules is API unless it is an internal one
  private static final String[] LIBRARY_PACKAGES = {
      "dev.rampart.spi..", "dev.rampart.engine..", "dev.rampart.sources..", "dev.rampart.reports..",
      "dev.rampart.packtesting..", "dev.rampart.oscal.."};
  private static final String INTERNAL = "dev.rampart..internal..";
  private static final Path DOC = ReadmeLayoutTest.ROOT.resolve("docs/api-stability.md");
  private static final Pattern PACKAGE_HEADING = Pattern.compile("^### `([a-z.]+)`$");
  private static final Pattern TYPE_ROW = Pattern.compile("^\\| `([A-Za-z0-9]+)` \\| ([A-Z]+) \\|");

  static JavaClasses rampart;

  @BeforeAll
  static void importRampart() {
    rampart = RampartClasses.all();
  }

  @Test
  void everyPublicTypeOfALibraryApiPackageDeclaresItsStability() {
    classes().that().resideInAnyPackage(LIBRARY_PACKAGES).and().resideOutsideOfPackage(INTERNAL)
        .and().arePublic().and().areTopLevelClasses()
        .should(declareTheirStability())
        .check(rampart);
  }

  @Test
  void everyAdapterProviderDeclaresItsStability() {
    classes().that().resideInAnyPackage("dev.rampart.adapter..", "dev.rampart.adaptersupport..")
        .and().areAssignableTo(FactSourceProvider.class).and().arePublic().and().areTopLevelClasses()
        .should(declareTheirStability())
        .check(rampart);
  }

  @Test
  void noTypeOfAnInternalPackagePromisesStability() {
    classes().that().resideInAPackage(INTERNAL)
        .should(new ArchCondition<JavaClass>("be marked, if at all, @API(status = INTERNAL)") {
          @Override
          public void check(JavaClass type, ConditionEvents events) {
            apiOf(type).filter(api -> api.status() != Status.INTERNAL).ifPresent(api -> events.add(
                SimpleConditionEvent.violated(type, type.getName() + " is in an internal package but marked @API(status = "
                    + api.status() + "): an internal package promises nothing; mark it INTERNAL or move it to an API package")));
          }
        })
        .check(rampart);
  }

  @Test
  void theDocumentListsEveryMarkedTypeWithItsStatus() throws IOException {
    Map<String, String> documented = documented();
    Map<String, String> marked = new TreeMap<>();
    for (JavaClass type : rampart) {
      if (!type.getPackageName().contains(".internal")) {
        apiOf(type).ifPresent(api -> marked.put(type.getName(), api.status().name()));
      }
    }
    TreeSet<String> differences = new TreeSet<>();
    marked.forEach((type, status) -> {
      String listed = documented.get(type);
      if (listed == null) {
        differences.add(type + " is @API(status = " + status + ") but has no row in docs/api-stability.md");
      } else if (!listed.equals(status)) {
        differences.add(type + " is @API(status = " + status + ") but docs/api-stability.md says " + listed);
      }
    });
    documented.keySet().stream().filter(type -> !marked.containsKey(type))
        .forEach(type -> differences.add(type + " has a row in docs/api-stability.md but no @API"));
    assertEquals("", String.join("\n", differences));
  }

  private static ArchCondition<JavaClass> declareTheirStability() {
    return new ArchCondition<>("declare their stability with @API(status = ..., since = ...)") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        Optional<API> api = apiOf(type);
        if (api.isEmpty()) {
          events.add(SimpleConditionEvent.violated(type, type.getName() + " is public API but has no @API: mark it"
              + " @API(status = STABLE, EXPERIMENTAL or INTERNAL, since = \"0.1\") and list it in docs/api-stability.md"));
        } else if (api.get().since().isBlank()) {
          events.add(SimpleConditionEvent.violated(type, type.getName() + " is @API(status = " + api.get().status()
              + ") without since: add since = \"0.1\" (the version it first appeared in)"));
        }
      }
    };
  }

  private static Optional<API> apiOf(JavaClass type) {
    return type.tryGetAnnotationOfType(API.class);
  }

  // "### `dev.rampart.engine`" opens a package; each "| `Type` | STATUS | ..." row below names one of its types
  private static Map<String, String> documented() throws IOException {
    Map<String, String> rows = new TreeMap<>();
    String pkg = null;
    for (String line : Files.readAllLines(DOC)) {
      Matcher heading = PACKAGE_HEADING.matcher(line);
      Matcher row = TYPE_ROW.matcher(line);
      if (heading.matches()) {
        pkg = heading.group(1);
      } else if (row.find() && pkg != null) {
        rows.put(pkg + "." + row.group(1), row.group(2));
      }
    }
    return rows;
  }
}
