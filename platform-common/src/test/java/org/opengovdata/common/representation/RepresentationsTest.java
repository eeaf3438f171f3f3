package org.opengovdata.common.representation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengovdata.common.representation.Representations.APPLICATION_LD_JSON;
import static org.opengovdata.common.representation.Representations.TEXT_CSV;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepresentationsTest {

  private static final List<org.springframework.http.MediaType> OFFERED =
      List.of(APPLICATION_JSON, TEXT_CSV, APPLICATION_LD_JSON);

  @Test
  void explicitFormatWinsOverAccept() {
    assertThat(Representations.choose(TEXT_CSV, "application/json", OFFERED)).isEqualTo(TEXT_CSV);
  }

  @Test
  void acceptIsHonouredByQualityThenOrder() {
    assertThat(Representations.choose(null, "text/csv", OFFERED)).isEqualTo(TEXT_CSV);
    assertThat(Representations.choose(null, "application/ld+json", OFFERED))
        .isEqualTo(APPLICATION_LD_JSON);
    assertThat(Representations.choose(null, "text/csv;q=0.5, application/json", OFFERED))
        .isEqualTo(APPLICATION_JSON);
    assertThat(Representations.choose(null, "text/*", OFFERED)).isEqualTo(TEXT_CSV);
  }

  @Test
  void wildcardMissingOrBrokenAcceptMeansTheDefault() {
    assertThat(Representations.choose(null, "*/*", OFFERED)).isEqualTo(APPLICATION_JSON);
    assertThat(Representations.choose(null, null, OFFERED)).isEqualTo(APPLICATION_JSON);
    assertThat(Representations.choose(null, "not a type", OFFERED)).isEqualTo(APPLICATION_JSON);
  }
}
