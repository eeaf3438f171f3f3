package org.opengovdata.common.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's layout rules (STYLE.md), written once and checked in every module. A module's
 * architecture test extends this class and names what to analyse — nothing else:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "org.opengovdata.search", importOptions = DoNotIncludeTests.class)
 * class ArchitectureTest extends PlatformArchitectureTest {}
 * }</pre>
 *
 * Module-specific rules (e.g. "fiscal and statistics do not know each other") are further
 * {@code @ArchTest} fields of that subclass. Every module but the gateway (whose cycles are its own
 * issue) extends it: platform-common, document-number, catalog, search and archive.
 *
 * <p>Spring's annotations are named, not loaded, so that a plain-Java module (document-number) can
 * use the template without Spring on its class path.
 */
public abstract class PlatformArchitectureTest {

  /** The deployable services; each owns {@code org.opengovdata.<name>..}. */
  private static final Pattern SERVICE =
      Pattern.compile("^org\\.opengovdata\\.(catalog|search|archive|gateway)(\\..*)?$");

  private static final String CONTROLLER = "org.springframework.stereotype.Controller";
  private static final String REPOSITORY = "org.springframework.stereotype.Repository";
  private static final String VALUE = "org.springframework.beans.factory.annotation.Value";

  /** The HTTP layer of any of our modules ({@code org.opengovdata.catalog.web}, …). */
  private static final String WEB = "org.opengovdata..web..";

  private static final DescribedPredicate<JavaClass> CONTROLLERS =
      DescribedPredicate.describe(
          "controllers", c -> !c.isInterface() && c.isMetaAnnotatedWith(CONTROLLER));

  private static final DescribedPredicate<JavaClass> REPOSITORIES =
      DescribedPredicate.describe(
          "repositories (@Repository or named *Repository)",
          c ->
              !c.isInterface()
                  && (c.isMetaAnnotatedWith(REPOSITORY)
                      || c.getSimpleName().endsWith("Repository")));

  /** Every package is a slice; no two of them may depend on each other, however indirectly. */
  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("org.opengovdata.(**)").should().beFreeOfCycles();

  /** Spring calls controllers; nothing else should be able to. */
  @ArchTest
  static final ArchRule controllersArePackagePrivate =
      classes().that(are(CONTROLLERS)).should().notBePublic().allowEmptyShould(true);

  /** Persistence stays behind its feature's facade. */
  @ArchTest
  static final ArchRule repositoriesArePackagePrivate =
      classes().that(are(REPOSITORIES)).should().notBePublic().allowEmptyShould(true);

  /**
   * Domain code never imports the HTTP layer: only {@code ..web..} packages and the controllers
   * themselves (the HTTP adapters, which may sit in their feature package) use {@code ..web..}.
   */
  @ArchTest
  static final ArchRule domainCodeNeverImportsWeb =
      noClasses()
          .that()
          .resideOutsideOfPackage(WEB)
          .and(not(CONTROLLERS))
          .should()
          .dependOnClassesThat()
          .resideInAPackage(WEB)
          .allowEmptyShould(true);

  /** A service talks to another service over HTTP (generated clients), never through its code. */
  @ArchTest
  static final ArchRule servicesNeverImportEachOther =
      classes()
          .that(are(DescribedPredicate.describe("in a service", c -> service(c).isPresent())))
          .should(onlyUseServiceCodeOf("their own service"))
          .allowEmptyShould(true);

  /**
   * Shared code (platform-common and any other library module) imports no service: it is what
   * services build on, so it cannot know them.
   */
  @ArchTest
  static final ArchRule sharedCodeImportsNoService =
      classes()
          .that(are(DescribedPredicate.describe("outside the services", c -> service(c).isEmpty())))
          .should(onlyUseServiceCodeOf("no service"))
          .allowEmptyShould(true);

  /** Constructor injection only (STYLE.md rule 5). */
  @ArchTest
  static final ArchRule noFieldInjection = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

  /** Configuration comes from {@code @ConfigurationProperties} records, not {@code @Value}. */
  @ArchTest
  static final ArchRule noValueInjection =
      noClasses().should(useValueAnnotations()).allowEmptyShould(true);

  /**
   * Fails for every dependency of a class on a service package other than its own (a class outside
   * the services has no own service, so any service dependency fails).
   */
  private static ArchCondition<JavaClass> onlyUseServiceCodeOf(String whose) {
    return new ArchCondition<>("depend on the code of " + whose + " only") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        Optional<String> own = service(origin);
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          Optional<String> target = service(dependency.getTargetClass());
          if (target.isPresent() && !target.equals(own)) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaClass> useValueAnnotations() {
    return new ArchCondition<>("use @Value") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        javaClass.getFields().stream()
            .filter(f -> f.isAnnotatedWith(VALUE))
            .forEach(f -> events.add(SimpleConditionEvent.satisfied(f, f.getFullName())));
        for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
          if (unit.isAnnotatedWith(VALUE)) {
            events.add(SimpleConditionEvent.satisfied(unit, unit.getFullName()));
          }
          for (JavaParameter parameter : unit.getParameters()) {
            if (parameter.isAnnotatedWith(VALUE)) {
              events.add(
                  SimpleConditionEvent.satisfied(
                      parameter, "@Value parameter of " + unit.getFullName()));
            }
          }
        }
      }
    };
  }

  private static Optional<String> service(JavaClass javaClass) {
    Matcher matcher = SERVICE.matcher(javaClass.getPackageName());
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
