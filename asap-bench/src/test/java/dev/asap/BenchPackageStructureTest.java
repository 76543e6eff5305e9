package dev.asap;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The benchmark harness's packages depend on each other in one direction only: the task contract below the
 * task families, the catalog above the families, the harness below the report, and {@code Benchmark}, which
 * runs a suite and writes its report, above both.
 */
class BenchPackageStructureTest {

  @Test
  void noPackageDependsOnItselfThroughAnother() {
    slices().matching("dev.asap.(**)").should().beFreeOfCycles().check(new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.asap"));
  }
}
