package org.opengovdata.common.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What every service promises about identity, checked against the running service: only a valid
 * gateway token gets in, roles are enforced, and refusals are problem+json. A service's integration
 * test extends this and says where the service runs.
 */
public abstract class ServiceSecurityContract {

  /** e.g. {@code catalog} */
  protected abstract String service();

  /** e.g. {@code http://localhost:54321} */
  protected abstract String baseUrl();

  private String whoami() {
    return baseUrl() + "/api/v1/" + service() + "/admin/whoami";
  }

  @Test
  void whoamiWithoutTokenIs401Problem() {
    HttpResponse<String> response = Http.get(whoami());
    assertProblem(response, 401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
  }

  @Test
  void forgedOrExpiredTokenIs401() {
    assertProblem(
        Http.get(whoami(), "Authorization", TestTokens.forgedBearer("key_forged", Role.ADMIN)),
        401);
    assertProblem(
        Http.get(whoami(), "Authorization", TestTokens.expiredBearer("key_old", Role.ADMIN)), 401);
  }

  @Test
  void identityHeadersWithoutTokenAreIgnored() {
    assertProblem(Http.get(whoami(), "X-Roles", "admin", "X-User", "key_admin"), 401);
  }

  @Test
  void wrongRoleIs403Problem() {
    assertProblem(
        Http.get(whoami(), "Authorization", TestTokens.bearer("key_consumer", Role.CONSUMER)), 403);
  }

  @Test
  void adminTokenShowsTheVerifiedCaller() {
    HttpResponse<String> response =
        Http.get(whoami(), "Authorization", TestTokens.bearer("key_admin_1", Role.ADMIN));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<String>read(response.body(), "$.subject")).isEqualTo("key_admin_1");
    assertThat(JsonPath.<List<String>>read(response.body(), "$.roles")).containsExactly("admin");
  }

  @Test
  void writeWithoutTokenIs401EvenOnUnknownPaths() {
    HttpResponse<String> response =
        Http.send(
            "POST",
            baseUrl() + "/api/v1/" + service() + "/anything",
            "{}",
            "Content-Type",
            "application/json");
    assertProblem(response, 401);
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping mappings;

  /**
   * A write endpoint added later cannot forget its role check: every one needs a
   * {@code @PreAuthorize} that names a role ({@code hasRole('PUBLISHER')}, {@code hasAnyRole(…)});
   * an expression that lets anyone in ({@code permitAll()}, {@code isAnonymous()}, {@code
   * isAuthenticated()} alone, {@code true}) does not count.
   */
  @Test
  void everyWriteEndpointChecksARole() {
    List<String> unchecked =
        mappings.getHandlerMethods().entrySet().stream()
            .filter(e -> isWrite(e.getKey().getMethodsCondition().getMethods()))
            .filter(e -> !ErrorController.class.isAssignableFrom(e.getValue().getBeanType()))
            .filter(e -> !requiresARole(roleCheck(e.getValue())))
            .map(e -> e.getKey() + " " + roleCheck(e.getValue()).orElse("(no @PreAuthorize)"))
            .toList();
    assertThat(unchecked).as("write endpoints without a role check").isEmpty();
  }

  private static Optional<String> roleCheck(HandlerMethod handler) {
    PreAuthorize onMethod = handler.getMethodAnnotation(PreAuthorize.class);
    PreAuthorize check =
        onMethod != null
            ? onMethod
            : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
    return Optional.ofNullable(check).map(PreAuthorize::value);
  }

  /** Package-visible so that the rule itself is tested ({@code ServiceSecurityContractTest}). */
  static boolean requiresARole(Optional<String> expression) {
    return expression
        .filter(e -> !OPEN_DOOR.matcher(e).find())
        .filter(e -> OR.splitAsStream(e).allMatch(term -> ROLE_CHECK.matcher(term).find()))
        .isPresent();
  }

  private static final Pattern ROLE_CHECK = Pattern.compile("\\bhas(Any)?Role\\s*\\(\\s*'\\w");
  private static final Pattern OR = Pattern.compile("\\bor\\b|\\|\\|");
  private static final Pattern OPEN_DOOR =
      Pattern.compile("permitAll|isAnonymous|\\btrue\\b", Pattern.CASE_INSENSITIVE);

  private static boolean isWrite(Set<RequestMethod> methods) {
    return methods.isEmpty()
        || methods.stream()
            .anyMatch(
                m ->
                    m != RequestMethod.GET
                        && m != RequestMethod.HEAD
                        && m != RequestMethod.OPTIONS);
  }

  @Test
  void publicReadsStayAnonymous() {
    assertThat(Http.get(baseUrl() + "/api/v1/" + service() + "/info").statusCode()).isEqualTo(200);
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(status);
    assertThat(JsonPath.<String>read(response.body(), "$.detail")).isNotBlank();
  }
}
