package org.opengovdata.catalog.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

  @Test
  void yearsQuartersAndMonthsHaveTheirDays() {
    Period year = Period.parse("2024");
    assertThat(year.frequency()).isEqualTo(Period.Frequency.A);
    assertThat(year.start()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(year.end()).isEqualTo(LocalDate.of(2024, 12, 31));
    Period quarter = Period.parse("2024Q3");
    assertThat(quarter.frequency()).isEqualTo(Period.Frequency.Q);
    assertThat(quarter.start()).isEqualTo(LocalDate.of(2024, 7, 1));
    assertThat(quarter.end()).isEqualTo(LocalDate.of(2024, 9, 30));
    Period month = Period.parse("2024-02");
    assertThat(month.frequency()).isEqualTo(Period.Frequency.M);
    assertThat(month.end()).isEqualTo(LocalDate.of(2024, 2, 29));
  }

  @Test
  void anythingElseIsNotAPeriod() {
    for (String text : new String[] {"2024Q5", "2024-13", "2024-7", "24", "2024Q", "2024 ", null}) {
      assertThat(Period.parse(text)).as(text).isNull();
    }
  }
}
