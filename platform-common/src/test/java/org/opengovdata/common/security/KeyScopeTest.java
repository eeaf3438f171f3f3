package org.opengovdata.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyScopeTest {

  @Test
  void aPrefectureCoversItsCountiesButNotItsNeighbours() {
    KeyScope ordos = KeyScope.of(List.of("150600"), null);

    assertThat(ordos.coversRegion("150600")).isTrue();
    assertThat(ordos.coversRegion("150602")).isTrue();
    assertThat(ordos.coversRegion("150700")).isFalse();
    assertThat(ordos.coversRegion("150000")).isFalse();
    assertThat(ordos.coversRegion(null)).isFalse();
  }

  @Test
  void theProvinceCoversEverythingInIt() {
    KeyScope region = KeyScope.of(List.of("150000"), null);

    assertThat(region.coversRegion("152921")).isTrue();
    assertThat(region.coversRegion("110000")).isFalse();
  }

  @Test
  void aCountyCoversOnlyItself() {
    KeyScope county = KeyScope.of(List.of("150602"), null);

    assertThat(county.coversRegion("150602")).isTrue();
    assertThat(county.coversRegion("150603")).isFalse();
  }

  @Test
  void anEmptyAxisIsUnrestrictedOnThatAxis() {
    KeyScope datasetsOnly = KeyScope.of(null, List.of("fiscal-items"));

    assertThat(datasetsOnly.coversRegion("150700")).isTrue();
    assertThat(datasetsOnly.coversDataset("fiscal-items")).isTrue();
    assertThat(datasetsOnly.coversDataset("statistics")).isFalse();
    assertThat(KeyScope.UNRESTRICTED.unrestricted()).isTrue();
    assertThat(datasetsOnly.unrestricted()).isFalse();
  }

  @Test
  void theTokenCarriesTheScopeAndOmitsEmptyAxes() throws Exception {
    String token =
        IdentityToken.mint(
            "0123456789abcdef0123456789abcdef",
            "k1",
            List.of(Role.PUBLISHER),
            new KeyScope(Set.of("150700", "150600"), Set.of()),
            Duration.ofSeconds(60),
            Instant.now());

    var claims = SignedJWT.parse(token).getJWTClaimsSet();
    assertThat(claims.getStringListClaim(IdentityToken.REGIONS_CLAIM))
        .containsExactly("150600", "150700");
    assertThat(claims.getClaim(IdentityToken.DATASETS_CLAIM)).isNull();
  }
}
