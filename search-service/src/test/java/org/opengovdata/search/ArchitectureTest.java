package org.opengovdata.search;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

/** The layout rules of STYLE.md for search-service, checked by the build. */
@AnalyzeClasses(
    packages = "org.opengovdata.search",
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
  static final ArchRule nothingButControllersUsesTheGeneratedApiModel =
      noClasses()
          .that()
          .areNotAnnotatedWith(RestController.class)
          .and()
          .resideOutsideOfPackages("..search.api..", "..search.policy.web..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..search.api..");

  @ArchTest
  static final ArchRule onlyTheTextPackageSegments =
      noClasses()
          .that()
          .resideOutsideOfPackage("..search.text..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.lucene..", "com.github.houbb..");

  @ArchTest
  static final ArchRule documentNumbersOnlyThroughTheSeam =
      noClasses()
          .that()
          .resideOutsideOfPackage("..search.docnumber..")
          .should()
          .dependOnClassesThat()
          .haveSimpleName("InterimDocumentNumberParser");

  @ArchTest
  static final ArchRule noQueryStringQueries =
      noClasses()
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName(
              "co.elastic.clients.elasticsearch._types.query_dsl.QueryStringQuery")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName(
              "co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringQuery");
}
