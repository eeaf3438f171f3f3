package org.opengovdata.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.opengovdata.common.testsupport.PlatformArchitectureTest;

/**
 * The platform's layout rules (no package cycles; controllers package-private; only {@code web} and
 * controllers use {@code web}; no service's code), inherited from {@link PlatformArchitectureTest},
 * and the gateway's own layering below: {@code web} (the filters) on top of {@code keys} and {@code
 * ratelimit}, which share only the values in {@code caller}.
 */
@AnalyzeClasses(
    packages = "org.opengovdata.gateway",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest extends PlatformArchitectureTest {

  /** The shared values know none of the features that use them. */
  @ArchTest
  static final ArchRule callerValuesDependOnNoFeature =
      noClasses()
          .that()
          .resideInAPackage("..gateway.caller..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "..gateway.keys..",
              "..gateway.ratelimit..",
              "..gateway.web..",
              "..gateway.routing..");

  /** Rate limiting does not know how keys are stored or issued. */
  @ArchTest
  static final ArchRule rateLimitingDoesNotKnowKeyStorage =
      noClasses()
          .that()
          .resideInAPackage("..gateway.ratelimit..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..gateway.keys..");
}
