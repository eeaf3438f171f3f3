package org.opengovdata.search.policy.index;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The day validity is computed for: today in China, as the catalog computes it. A bean, so that
 * tests can move it.
 */
public class PolicyClock {

  /** Dates of the platform's documents are Chinese calendar days. */
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final Clock clock;

  public PolicyClock(Clock clock) {
    this.clock = clock;
  }

  public static PolicyClock system() {
    return new PolicyClock(Clock.system(CHINA));
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(CHINA));
  }
}
