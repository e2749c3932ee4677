package nas4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package layering of nas4j (dependencies point one way only, no cycles) and the one-package home of each specialised
 * third-party library. The packages form a tree under {@code experiment} (each uses only what is to its right),
 * with {@code cli} on top of everything:
 *
 * <pre>
 * cli ─┬─ experiment ─┬─ search ────────────┐
 *      │              ├─ bench.io ──────────┤
 *      │              └─ bench.surrogate ───┤
 *      └─ analysis ─────────────────────────┴─ bench ── space ── util
 * search.jenetics ── search      (a plug-in: found at run time through ServiceLoader)
 * </pre>
 *
 * Jenetics, Tablesaw, XGBoost and protobuf each live in one package; Jackson (JSON, YAML) and commons-math3
 * (statistics) are general-purpose and may be used anywhere. Packages that do not exist yet satisfy every rule
 * (empty sets are allowed).
 */
@AnalyzeClasses(packages = "nas4j", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  static final String SPACE = "nas4j.space..";
  static final String BENCH_CORE = "nas4j.bench";
  static final String BENCH_IO = "nas4j.bench.io..";
  static final String SURROGATE = "nas4j.bench.surrogate..";
  static final String SEARCH = "nas4j.search..";
  static final String SEARCH_CORE = "nas4j.search";
  static final String JENETICS_ADAPTER = "nas4j.search.jenetics..";
  static final String EXPERIMENT = "nas4j.experiment..";
  static final String ANALYSIS = "nas4j.analysis..";
  static final String CLI = "nas4j.cli..";
  static final String UTIL = "nas4j.util..";

  // ---------------------------------------------------------------- layering

  @ArchTest
  static final ArchRule utilDependsOnTheJdkAndCommonsMathOnly = noClasses().that().resideInAPackage(UTIL)
      .should().dependOnClassesThat().resideOutsideOfPackages(UTIL, "java..", "org.apache.commons.math3..")
      .as("nas4j.util depends on the JDK and commons-math3 only").allowEmptyShould(true);

  @ArchTest
  static final ArchRule spaceDependsOnTheJdkOnly = noClasses().that().resideInAPackage(SPACE)
      .should().dependOnClassesThat().resideOutsideOfPackages(SPACE, UTIL, "java..")
      .as("nas4j.space depends on the JDK and nas4j.util only").allowEmptyShould(true);

  @ArchTest
  static final ArchRule benchCoreDependsOnSpaceOnly = noClasses().that().resideInAPackage(BENCH_CORE)
      .should().dependOnClassesThat().resideInAnyPackage(BENCH_IO, SURROGATE, SEARCH, EXPERIMENT, ANALYSIS, CLI)
      .as("nas4j.bench depends only on space").allowEmptyShould(true);

  @ArchTest
  static final ArchRule benchImplementationsDependOnBenchAndSpaceOnly = noClasses()
      .that().resideInAnyPackage(BENCH_IO, SURROGATE)
      .should().dependOnClassesThat().resideInAnyPackage(SEARCH, EXPERIMENT, ANALYSIS, CLI)
      .as("nas4j.bench.io and nas4j.bench.surrogate depend only on bench and space").allowEmptyShould(true);

  @ArchTest
  static final ArchRule searchSeesTheBenchAndSpaceOnly = noClasses().that().resideInAPackage(SEARCH)
      .should().dependOnClassesThat().resideInAnyPackage(BENCH_IO, SURROGATE, EXPERIMENT, ANALYSIS, CLI)
      .as("nas4j.search depends only on bench (the Oracle) and space").allowEmptyShould(true);

  @ArchTest
  static final ArchRule searchCoreDoesNotSeeItsAdapters = noClasses().that().resideInAPackage(SEARCH_CORE)
      .should().dependOnClassesThat().resideInAPackage(JENETICS_ADAPTER)
      .as("nas4j.search does not depend on nas4j.search.jenetics").allowEmptyShould(true);

  @ArchTest
  static final ArchRule experimentDoesNotDependOnAnalysisOrCli = noClasses().that().resideInAPackage(EXPERIMENT)
      .should().dependOnClassesThat().resideInAnyPackage(ANALYSIS, CLI)
      .as("nas4j.experiment depends only on search, bench and space").allowEmptyShould(true);

  @ArchTest
  static final ArchRule analysisDependsOnBenchAndSpaceOnly = noClasses().that().resideInAPackage(ANALYSIS)
      .should().dependOnClassesThat().resideInAnyPackage(SEARCH, EXPERIMENT, CLI, SURROGATE)
      .as("nas4j.analysis depends only on bench and space").allowEmptyShould(true);

  @ArchTest
  static final ArchRule nothingDependsOnTheCli = noClasses().that().resideOutsideOfPackage(CLI)
      .should().dependOnClassesThat().resideInAPackage(CLI)
      .as("nothing depends on nas4j.cli").allowEmptyShould(true);

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles = slices().matching("nas4j.(**)").should().beFreeOfCycles()
      .allowEmptyShould(true);

  // ---------------------------------------------------------------- third-party libraries

  static ArchRule onlyIn(String library, String libraryPackage, String... homes) {
    return noClasses().that().resideOutsideOfPackages(homes)
        .should().dependOnClassesThat().resideInAPackage(libraryPackage)
        .as(library + " is used only in " + String.join(", ", homes)).allowEmptyShould(true);
  }

  @ArchTest
  static final ArchRule protobufOnlyInBenchIo = onlyIn("protobuf", "com.google.protobuf..", BENCH_IO);

  @ArchTest
  static final ArchRule jeneticsOnlyInItsAdapter = onlyIn("Jenetics", "io.jenetics..", JENETICS_ADAPTER);

  @ArchTest
  static final ArchRule xgboostOnlyInTheSurrogate = onlyIn("XGBoost", "ml.dmlc..", SURROGATE);

  @ArchTest
  static final ArchRule tablesawOnlyInExperiment = onlyIn("Tablesaw", "tech.tablesaw..", EXPERIMENT);

  @ArchTest
  static final ArchRule progressbarOnlyInExperiment = onlyIn("progressbar", "me.tongfei.progressbar..", EXPERIMENT);

  @ArchTest
  static final ArchRule picocliOnlyInCli = onlyIn("picocli", "picocli..", CLI);

  @ArchTest
  static final ArchRule commonsStatisticsOnlyInStats = onlyIn("Commons Statistics", "org.apache.commons.statistics..",
      "nas4j.experiment.stats..");

  @ArchTest
  static final ArchRule statsIsPureStatistics = noClasses().that().resideInAPackage("nas4j.experiment.stats..")
      .should().dependOnClassesThat().resideOutsideOfPackages("nas4j.experiment.stats..", "nas4j.util..", "java..",
          "org.apache.commons.statistics..")
      .as("nas4j.experiment.stats depends on the JDK, nas4j.util and Commons Statistics only").allowEmptyShould(true);

}
