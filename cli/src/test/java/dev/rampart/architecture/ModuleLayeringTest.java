package dev.rampart.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How Rampart's modules depend on each other, checked over all of them at once (the CLI module is
 * the one that sees every other on its classpath): spi depends on nothing of ours, adapters only
 * on spi and the support they share, the engine never on the CLI, and only the CLI prints or exits.
 */
class ModuleLayeringTest {

  private static final String CERTIFICATES = "dev.rampart.adapter.certificates..";

  static JavaClasses rampart;

  @BeforeAll
  static void importRampart() {
    rampart = RampartClasses.all();
  }

  @Test
  void spiDependsOnNoOtherModuleOfOurs() {
    noClasses().that().resideInAPackage("dev.rampart.spi..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.rampart.engine..", "dev.rampart.adapter..", "dev.rampart.adaptersupport..", "dev.rampart.cli..")
        .check(rampart);
  }

  @Test
  void adaptersNeverDependOnTheEngineOrTheCli() {
    noClasses().that().resideInAPackage("dev.rampart.adapter..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.rampart.engine..", "dev.rampart.cli..")
        .check(rampart);
  }

  // certificates is the one adapter package every adapter may use: it reads X.509 for all of them.
  @Test
  void adaptersDoNotDependOnEachOther() {
    slices().matching("dev.rampart.adapter.(*)..").should().notDependOnEachOther()
        .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAPackage(CERTIFICATES))
        .check(rampart);
    noClasses().that().resideInAPackage(CERTIFICATES)
        .should().dependOnClassesThat(resideInAPackage("dev.rampart.adapter..").and(not(resideInAPackage(CERTIFICATES))))
        .check(rampart);
  }

  // What adapters share lives in adaptersupport, which must not become a way round the rule above.
  @Test
  void adapterSupportDependsOnNoAdapterAndServesOnlyAdapters() {
    noClasses().that().resideInAPackage("dev.rampart.adaptersupport..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.rampart.adapter..", "dev.rampart.engine..", "dev.rampart.cli..")
        .check(rampart);
    noClasses().that().resideOutsideOfPackages("dev.rampart.adapter..", "dev.rampart.adaptersupport..")
        .should().dependOnClassesThat().resideInAPackage("dev.rampart.adaptersupport..")
        .check(rampart);
  }

  // An embedder who merges sources should not pull in the rules engine (and Drools) with them.
  @Test
  void sourcesDependOnNoEngineCliReportOrAdapter() {
    noClasses().that().resideInAPackage("dev.rampart.sources..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.rampart.engine..", "dev.rampart.cli..",
            "dev.rampart.reports..", "dev.rampart.adapter..", "dev.rampart.adaptersupport..", "dev.rampart.certificates..")
        .check(rampart);
  }

  @Test
  void theEngineNeverDependsOnTheCli() {
    noClasses().that().resideInAPackage("dev.rampart.engine..")
        .should().dependOnClassesThat().resideInAPackage("dev.rampart.cli..")
        .check(rampart);
  }

  // The engine's one qualified export, as JPMS would write it: exports dev.rampart.engine.internal.signing
  // to dev.rampart.packsigning, and of it only these classes (the signature format that signing needs).
  // Another class here widens the export: keep it out of the list unless pack signing truly needs it.
  private static final List<String> SIGNING_EXPORTED_TO_PACK_SIGNING = List.of(
      "dev.rampart.engine.internal.signing.PackToSign",
      "dev.rampart.engine.internal.signing.Ed25519",
      "dev.rampart.engine.internal.signing.KeyFiles");

  @Test
  void packTestingAndTheFleetGeneratorNeverDependOnTheCli() {
    noClasses().that().resideInAnyPackage("dev.rampart.packtesting..", "dev.rampart.generator..")
        .should().dependOnClassesThat().resideInAPackage("dev.rampart.cli..")
        .check(rampart);
  }

  @Test
  void theReportsNeverDependOnTheCli() {
    noClasses().that().resideInAPackage("dev.rampart.reports..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.rampart.cli..", "picocli..")
        .check(rampart);
  }

  @Test
  void nothingOutsideTheEngineUsesItsInternals() {
    noClasses().that().resideOutsideOfPackages("dev.rampart.engine..", "dev.rampart.packsigning..")
        .should().dependOnClassesThat().resideInAPackage("dev.rampart.engine.internal..")
        .check(rampart);
    noClasses().that().resideInAPackage("dev.rampart.packsigning..")
        .should().dependOnClassesThat(DescribedPredicate.describe(
            "are engine internals other than " + SIGNING_EXPORTED_TO_PACK_SIGNING,
            (JavaClass c) -> c.getPackageName().startsWith("dev.rampart.engine.internal")
                && !SIGNING_EXPORTED_TO_PACK_SIGNING.contains(c.getName())))
        .check(rampart);
  }

  @Test
  void modulesHaveNoCycles() {
    slices().matching("dev.rampart.(*)..").should().beFreeOfCycles().check(rampart);
  }

  @Test
  void noPackageCyclesInsideAnyModule() {
    slices().matching("dev.rampart.(**)").should().beFreeOfCycles().check(rampart);
  }

  @Test
  void onlyTheCliPrintsOrExits() {
    noClasses().that().resideOutsideOfPackage("dev.rampart.cli..")
        .should().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .orShould().callMethod(System.class, "exit", int.class)
        .check(rampart);
  }
}
