package dev.asap;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The command line, the stores and the embedded LLM engine add no dependency cycle between packages. */
class CliPackageStructureTest {

  @Test
  void noPackageDependsOnItselfThroughAnother() {
    slices().matching("dev.asap.(**)").should().beFreeOfCycles().check(new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.asap"));
  }
}
