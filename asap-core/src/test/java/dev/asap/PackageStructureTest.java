package dev.asap;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Packages depend on each other in one direction only: the records of a study ({@code trial}) below the store
 * and the tools, the tools' contract ({@code optimizer}) below every tool, the pool ({@code integrator}) above
 * the tools, and the tool registry ({@code tools}) above both.
 */
class PackageStructureTest {

  @Test
  void noPackageOfTheCoreDependsOnItselfThroughAnother() {
    JavaClasses core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.asap");
    slices().matching("dev.asap.(**)").should().beFreeOfCycles().check(core);
  }
}
