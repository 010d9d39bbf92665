package dev.rampart.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's shape: internal packages free of cycles, no console or exit, no generic exceptions. */
class EngineArchitectureTest {

  static JavaClasses engine;

  @BeforeAll
  static void importEngine() {
    engine = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.rampart.engine", "dev.rampart.spi");
  }

  @Test
  void internalPackagesHaveNoCycles() {
    slices().matching("dev.rampart.engine.internal.(*)..").should().beFreeOfCycles().check(engine);
  }

  @Test
  void spiDependsOnNothingOfTheEngine() {
    noClasses().that().resideInAPackage("dev.rampart.spi..")
        .should().dependOnClassesThat().resideInAPackage("dev.rampart.engine..")
        .check(engine);
  }

  @Test
  void onlyTheDroolsPackageAndTheSessionTalkToDrools() {
    noClasses().that().resideInAnyPackage(
            "dev.rampart.engine.internal.ast..", "dev.rampart.engine.internal.load..",
            "dev.rampart.engine.internal.eval..", "dev.rampart.engine.internal.schema..",
            "dev.rampart.engine.internal.yaml..")
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
