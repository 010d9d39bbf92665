package dev.rampart.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's shape: an API package the internals never reach back into, no package cycles, only
 * the runtime talking to Drools, internal types public only where another package uses them, no
 * console or exit, no generic exceptions.
 */
class EngineArchitectureTest {

  static JavaClasses engine;

  @BeforeAll
  static void importEngine() {
    engine = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.rampart.engine", "dev.rampart.spi");
  }

  // The one internal type public for another module alone: pack-signing signs with it (ModuleLayeringTest
  // holds what pack-signing may use).
  private static final String EXPORTED_TO_PACK_SIGNING = "dev.rampart.engine.internal.signing.PackToSign";

  @Test
  void internalPackagesHaveNoCycles() {
    slices().matching("dev.rampart.engine.internal.(*)..").should().beFreeOfCycles().check(engine);
  }

  @Test
  void theInternalsNeverDependOnTheApiPackage() {
    noClasses().that().resideInAPackage("dev.rampart.engine.internal..")
        .should().dependOnClassesThat().resideInAPackage("dev.rampart.engine")
        .check(engine);
  }

  @Test
  void noPackageOfTheEngineIsInACycle() {
    // every package is a slice of its own, the API package ("engine") and the shared values included
    slices().matching("dev.rampart.(**)").should().beFreeOfCycles().check(engine);
  }

  @Test
  void internalTypesArePublicOnlyWhereAnotherPackageUsesThem() {
    classes().that().resideInAPackage("dev.rampart.engine.internal..")
        .and().doNotHaveFullyQualifiedName(EXPORTED_TO_PACK_SIGNING).and().arePublic().and().areTopLevelClasses()
        .should(new ArchCondition<JavaClass>("be used from another package") {
          @Override
          public void check(JavaClass type, ConditionEvents events) {
            boolean usedElsewhere = type.getDirectDependenciesToSelf().stream()
                .anyMatch(d -> !d.getOriginClass().getPackageName().equals(type.getPackageName()));
            if (!usedElsewhere) {
              events.add(SimpleConditionEvent.violated(type,
                  type.getName() + " is public but used only in its own package; make it package-private"));
            }
          }
        })
        .check(engine);
  }

  @Test
  void noThreadLocalCarriesResults() {
    // a verdict travels with the match that computed it, never through a side channel
    noClasses().should().dependOnClassesThat().areAssignableTo(ThreadLocal.class).check(engine);
  }

  @Test
  void spiDependsOnNothingOfTheEngine() {
    noClasses().that().resideInAPackage("dev.rampart.spi..")
        .should().dependOnClassesThat().resideInAPackage("dev.rampart.engine..")
        .check(engine);
  }

  @Test
  void onlyTheRuntimeTalksToDrools() {
    noClasses().that().resideOutsideOfPackage("dev.rampart.engine.internal.runtime..")
        .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..")
        .check(engine);
  }

  @Test
  void noPackContentBecomesSourceText() {
    // a pack string pasted into DRL would be code execution; packs are only ever data
    noClasses().should().dependOnClassesThat().haveFullyQualifiedName("org.kie.api.io.ResourceType")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kie.internal.utils.KieHelper")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kie.api.builder.KieFileSystem")
        .check(engine);
  }

  @Test
  void librariesNeitherPrintNorExit() {
    NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(engine);
    noClasses().should().callMethod(System.class, "exit", int.class).check(engine);
  }

  @Test
  void noGenericRuntimeExceptionsAreThrown() {
    noClasses().that().areNotAssignableTo(Throwable.class).should().callConstructor(RuntimeException.class)
        .orShould().callConstructor(RuntimeException.class, String.class)
        .orShould().callConstructor(RuntimeException.class, String.class, Throwable.class)
        .check(engine);
  }
}
