package org.opengovdata.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** The layout rules of STYLE.md, checked by the build. */
@AnalyzeClasses(
    packages = "org.opengovdata.catalog",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule controllersArePackagePrivate =
      classes()
          .that()
          .areAnnotatedWith(RestController.class)
          .should()
          .notHaveModifier(JavaModifier.PUBLIC)
          .andShould()
          .haveSimpleNameEndingWith("Controller");

  @ArchTest
  static final ArchRule repositoriesArePackagePrivate =
      classes()
          .that()
          .areAnnotatedWith(Repository.class)
          .should()
          .notHaveModifier(JavaModifier.PUBLIC);

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
              "..catalog.web..", "..catalog.jdbc..", "..catalog.cache..", "..catalog.load..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..catalog.fiscal..", "..catalog.statistics..", "..catalog.demo..");
}
