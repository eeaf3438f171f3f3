package org.opengovdata.catalog.dataset;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * When each dataset's next update is due, from its {@code updateFrequency} and {@code modified}
 * (calendar days in China's time zone): annual — the configured day of the next year; quarterly —
 * the end of the quarter after the one it was modified in; monthly — the end of the next month;
 * irregular — never due. Computed on every read, so nothing needs a job to become overdue.
 */
@Component
class FreshnessRule {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final MonthDay annualDue;
  private final Clock clock;

  FreshnessRule(FreshnessProperties properties, Clock clock) {
    this.annualDue = properties.annualDueDay();
    this.clock = clock;
  }

  Freshness of(Dataset dataset) {
    LocalDate modified = dataset.modified().atZoneSameInstant(ZONE).toLocalDate();
    LocalDate due = nextDue(dataset.updateFrequency(), modified);
    LocalDate today = today();
    int late = due == null || !today.isAfter(due) ? 0 : (int) ChronoUnit.DAYS.between(due, today);
    return new Freshness(dataset, due, late);
  }

  /** Today in the zone the due days are counted in (part of the answers' version stamp). */
  LocalDate today() {
    return LocalDate.now(clock.withZone(ZONE));
  }

  private LocalDate nextDue(String frequency, LocalDate modified) {
    return switch (frequency) {
      case "ANNUAL" -> annualDue.atYear(modified.getYear() + 1);
      case "QUARTERLY" -> {
        int firstMonthOfQuarter = (modified.getMonthValue() - 1) / 3 * 3 + 1;
        yield LocalDate.of(modified.getYear(), firstMonthOfQuarter, 1).plusMonths(6).minusDays(1);
      }
      case "MONTHLY" -> modified.withDayOfMonth(1).plusMonths(2).minusDays(1);
      default -> null; // IRREGULAR
    };
  }
}
