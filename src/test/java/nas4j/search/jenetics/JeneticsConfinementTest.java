package nas4j.search.jenetics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Jenetics lives only in nas4j.search.jenetics, and that package depends only on search, bench and space. */
class JeneticsConfinementTest {
  static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("nas4j");

  @Test
  void onlyThisPackageUsesJenetics() {
    noClasses().that().resideOutsideOfPackage("nas4j.search.jenetics..")
        .should().dependOnClassesThat().resideInAPackage("io.jenetics..").check(MAIN);
  }

  @Test
  void thisPackageDependsOnlyOnLowerLayers() {
    noClasses().that().resideInAPackage("nas4j.search.jenetics..")
        .should().dependOnClassesThat().resideInAnyPackage("nas4j.experiment..", "nas4j.cli..", "nas4j.analysis..",
            "nas4j.bench.io..", "nas4j.bench.surrogate..")
        .check(MAIN);
  }
}
