package org.opengovdata.client.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The SDK is for any Java program: it must not drag in Spring, Jackson 3 or the platform's own
 * service and shared code (it is generated from the spec, not from the service).
 */
@AnalyzeClasses(
    packages = "org.opengovdata.client",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule standsAlone =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "tools.jackson..",
              "org.opengovdata.catalog..",
              "org.opengovdata.common..");
}
