package org.opengovdata.search;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.opengovdata.common.testsupport.PlatformArchitectureTest;
import org.springframework.web.bind.annotation.RestController;

/** The platform's layout rules, plus search-service's own. */
@AnalyzeClasses(
    packages = "org.opengovdata.search",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest extends PlatformArchitectureTest {

  /** Index documents and domain results never leak as responses: only the HTTP layer maps. */
  @ArchTest
  static final ArchRule onlyTheHttpLayerUsesTheGeneratedModel =
      noClasses()
          .that()
          .areNotAnnotatedWith(RestController.class)
          .and()
          .resideOutsideOfPackages("..search.api..", "..search.policy.web..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..search.api..");

  /** Folding and segmentation happen in one place, the same for documents and queries. */
  @ArchTest
  static final ArchRule onlyTheTextPackageSegmentsAndFolds =
      noClasses()
          .that()
          .resideOutsideOfPackage("..search.text..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.lucene..", "com.github.houbb..");

  /** User text never becomes query syntax. */
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
