package org.opengovdata.catalog.dataset;

import jakarta.validation.constraints.Pattern;
import java.time.MonthDay;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When datasets are due ({@code opendata.catalog.freshness.*}).
 *
 * @param annualDue {@code MM-dd}: an annual dataset modified in year Y is due again by this day of
 *     year Y + 1 (default 06-30: a year's final accounts, 决算, are published by the middle of the
 *     next; set {@code CATALOG_ANNUAL_DUE})
 */
@Validated
@ConfigurationProperties("opendata.catalog.freshness")
public record FreshnessProperties(
    @DefaultValue("06-30") @Pattern(regexp = "(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")
        String annualDue) {

  public FreshnessProperties {
    MonthDay.parse("--" + annualDue); // a day that does not exist (02-30) fails at start-up
  }

  MonthDay annualDueDay() {
    return MonthDay.parse("--" + annualDue);
  }
}
