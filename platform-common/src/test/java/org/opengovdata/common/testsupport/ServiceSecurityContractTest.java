package org.opengovdata.common.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rule behind {@code everyWriteEndpointChecksARole}: which expressions count as a role check.
 */
class ServiceSecurityContractTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hasRole('PUBLISHER')",
        "hasAnyRole('ARCHIVIST', 'ADMIN')",
        "hasRole('ARCHIVIST') or hasRole('ADMIN')",
        "hasRole('PUBLISHER') and #id != null"
      })
  void aRoleExpressionCounts(String expression) {
    assertThat(ServiceSecurityContract.requiresARole(Optional.of(expression))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "permitAll()",
        "isAuthenticated()",
        "isAnonymous()",
        "true",
        "hasRole('ADMIN') or permitAll()",
        "hasRole('ADMIN') or isAuthenticated()",
        "hasRole('ADMIN') || true",
        "hasRole()"
      })
  void anExpressionThatLetsOthersInDoesNot(String expression) {
    assertThat(ServiceSecurityContract.requiresARole(Optional.of(expression))).isFalse();
  }

  @Test
  void noAnnotationDoesNot() {
    assertThat(ServiceSecurityContract.requiresARole(Optional.empty())).isFalse();
  }
}
