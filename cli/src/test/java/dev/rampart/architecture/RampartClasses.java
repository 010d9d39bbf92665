package dev.rampart.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The main code of every Rampart module, imported once for all the architecture tests of this module. */
final class RampartClasses {

  private static JavaClasses imported;

  private RampartClasses() {
  }

  static synchronized JavaClasses all() {
    if (imported == null) {
      imported = new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.rampart");
    }
    return imported;
  }
}
