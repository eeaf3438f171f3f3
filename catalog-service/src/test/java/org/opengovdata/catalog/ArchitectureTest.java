package org.opengovdata.catalog;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** The layout rules of STYLE.md, checked by the build. */
@AnalyzeClasses(
    packages = "org.opengovdata.catalog",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String WEB = "org.opengovdata..web..";

  private static final DescribedPredicate<JavaClass> CONTROLLERS =
      DescribedPredicate.describe(
          "controllers", c -> !c.isInterface() && c.isMetaAnnotatedWith(Controller.class));

  private static final DescribedPredicate<JavaClass> REPOSITORIES =
      DescribedPredicate.describe(
          "repositories (@Repository or named *Repository)",
          c ->
              !c.isInterface()
                  && (c.isMetaAnnotatedWith(Repository.class)
                      || c.getSimpleName().endsWith("Repository")));

  /** Every package is a slice; no two of them may depend on each other, however indirectly. */
  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("org.opengovdata.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule controllersArePackagePrivate =
      classes()
          .that()
          .areAnnotatedWith(RestController.class)
          .should()
          .notBePublic()
          .andShould()
          .haveSimpleNameEndingWith("Controller");

  @ArchTest
  static final ArchRule repositoriesArePackagePrivate =
      classes().that(are(REPOSITORIES)).should().notBePublic();

  /**
   * Domain code never imports the HTTP layer: only {@code ..web..} and the controllers themselves
   * (the HTTP adapters of their feature) use it. The list engine ({@code tabular}) is domain code
   * in this sense: repositories and column definitions build on it.
   */
  @ArchTest
  static final ArchRule domainCodeNeverImportsWeb =
      noClasses()
          .that()
          .resideOutsideOfPackage(WEB)
          .and(not(CONTROLLERS))
          .should()
          .dependOnClassesThat()
          .resideInAPackage(WEB);

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
