package org.opengovdata.catalog.policy.screening;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Screening stays pure domain code: the JDK only, so any caller can use it anywhere. */
@AnalyzeClasses(
    packages = "org.opengovdata.catalog.policy.screening",
    importOptions = ImportOption.DoNotIncludeTests.class)
class PersonalDataScreeningArchitectureTest {

  @ArchTest
  static final ArchRule dependsOnTheJdkOnly =
      classes()
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "org.opengovdata.catalog.policy.screening..");
}
