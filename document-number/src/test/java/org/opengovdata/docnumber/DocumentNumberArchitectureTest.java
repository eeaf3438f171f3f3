package org.opengovdata.docnumber;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.opengovdata.common.testsupport.PlatformArchitectureTest;

/**
 * The platform's layout rules ({@link PlatformArchitectureTest}: no package cycles, no service's
 * code, …), and this module's own: it stays plain Java that every service can use — the JDK and
 * opencc4j, nothing else — and the dictionary library stays behind {@link IssuerCodes}, so it can
 * be replaced in one class.
 */
@AnalyzeClasses(
    packages = "org.opengovdata.docnumber",
    importOptions = ImportOption.DoNotIncludeTests.class)
class DocumentNumberArchitectureTest extends PlatformArchitectureTest {

  @ArchTest
  static final ArchRule plainJava =
      classes()
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..", "org.opengovdata.docnumber..", "com.github.houbb.opencc4j..");

  @ArchTest
  static final ArchRule openccOnlyInIssuerCodes =
      noClasses()
          .that()
          .doNotHaveSimpleName("IssuerCodes")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.github.houbb..");
}
