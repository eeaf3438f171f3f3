package org.opengovdata.catalog.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a dataset's next update is due and how late it is, on days chosen to hit every edge. */
class FreshnessRuleTest {

  /** 2026-11-28 10:00 in Beijing. */
  private static final Clock TODAY =
      Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest(name = "{0} modified {1} → due {2}, {3} days late")
  @CsvSource({
    // annual: due by 06-30 of the next year
    "ANNUAL, 2025-07-10T00:00:00+08:00, 2026-06-30, 151",
    "ANNUAL, 2026-01-05T00:00:00+08:00, 2027-06-30, 0",
    // 2025-12-31 16:30 UTC is already 2026-01-01 in Beijing: the calendar day is China's
    "ANNUAL, 2025-12-31T16:30:00Z, 2027-06-30, 0",
    // quarterly: end of the quarter after the one modified in
    "QUARTERLY, 2026-05-20T00:00:00+08:00, 2026-09-30, 59",
    "QUARTERLY, 2026-07-01T00:00:00+08:00, 2026-12-31, 0",
    "QUARTERLY, 2025-11-30T00:00:00+08:00, 2026-03-31, 242",
    // monthly: end of the next month
    "MONTHLY, 2026-10-31T00:00:00+08:00, 2026-11-30, 0",
    "MONTHLY, 2026-09-15T00:00:00+08:00, 2026-10-31, 28",
    "MONTHLY, 2026-01-31T00:00:00+08:00, 2026-02-28, 273",
  })
  void nextUpdateDueAndDaysOverdue(String frequency, String modified, String due, int late) {
    Freshness freshness = rule("06-30").of(dataset(frequency, modified));
    assertThat(freshness.nextUpdateDue()).isEqualTo(LocalDate.parse(due));
    assertThat(freshness.overdueDays()).isEqualTo(late);
    assertThat(freshness.overdue()).isEqualTo(late > 0);
  }

  @Test
  void theDueDayOfTheYearIsConfigurable() {
    Dataset finals = dataset("ANNUAL", "2025-07-10T00:00:00+08:00");
    assertThat(rule("12-31").of(finals).overdue()).isFalse();
    assertThat(rule("03-31").of(finals).overdueDays()).isEqualTo(242);
  }

  @Test
  void irregularDatasetsAreNeverDue() {
    Freshness freshness = rule("06-30").of(dataset("IRREGULAR", "2015-01-01T00:00:00Z"));
    assertThat(freshness.nextUpdateDue()).isNull();
    assertThat(freshness.overdue()).isFalse();
  }

  @Test
  void aDayThatDoesNotExistIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new FreshnessProperties("02-30")).isInstanceOf(RuntimeException.class);
  }

  private static FreshnessRule rule(String annualDue) {
    return new FreshnessRule(new FreshnessProperties(annualDue), TODAY);
  }

  private static Dataset dataset(String frequency, String modified) {
    return new Dataset(
        "d",
        "fiscal",
        "t",
        null,
        null,
        null,
        "150000",
        List.of(),
        null,
        null,
        frequency,
        null,
        "/x",
        null,
        OffsetDateTime.parse(modified),
        1);
  }
}
