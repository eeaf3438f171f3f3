package org.opengovdata.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.opengovdata.common.testsupport.PlatformArchitectureTest;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's layout rules (no package cycles; controllers and repositories package-private;
 * domain code — {@code tabular} included — never imports {@code web}; no other service's code),
 * inherited from {@link PlatformArchitectureTest}, and the catalog's own below.
 */
@AnalyzeClasses(
    packages = "org.opengovdata.catalog",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest extends PlatformArchitectureTest {

  @ArchTest
  static final ArchRule controllersAreNamedSo =
      classes()
          .that()
          .areAnnotatedWith(RestController.class)
          .should()
          .haveSimpleNameEndingWith("Controller");

  @ArchTest
  static final ArchRule fiscalAndStatisticsDoNotKnowEachOther =
      noClasses()
          .that()
          .resideInAPackage("..catalog.fiscal..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..catalog.statistics..");

  @ArchTest
  static final ArchRule nothingDependsOnTheDemoGenerator =
      noClasses()
          .that()
          .resideOutsideOfPackage("..catalog.demo..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..catalog.demo..");

  /** The shared layers serve every feature, so they know none. */
  @ArchTest
  static final ArchRule sharedSupportDoesNotDependOnFeatures =
      noClasses()
          .that()
          .resideInAnyPackage(
              "..catalog.web..",
              "..catalog.tabular..",
              "..catalog.jdbc..",
              "..catalog.cache..",
              "..catalog.load..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..catalog.fiscal..", "..catalog.statistics..", "..catalog.demo..");
}
