package org.opengovdata.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opengovdata.gateway.caller.RouteGroup;

class LocalWindowCounterTest {

  private static final long WINDOW_START = 1_800_000_000_000L / 60_000 * 60_000;

  private final LocalWindowCounter counter = new LocalWindowCounter();
  private final RatePolicy alice = policy("ip:10.0.0.1");

  private static RatePolicy policy(String subject) {
    return new RatePolicy(subject, RouteGroup.READ, 5, Duration.ofSeconds(60));
  }

  @Test
  void countsWithinAWindowAndStartsAgainInTheNext() {
    assertThat(counter.increment(alice, WINDOW_START)).isEqualTo(1);
    assertThat(counter.increment(alice, WINDOW_START + 59_999)).isEqualTo(2);
    assertThat(counter.increment(alice, WINDOW_START + 60_000)).isEqualTo(1);
  }

  @Test
  void subjectsAndGroupsAreCountedApart() {
    counter.increment(alice, WINDOW_START);
    assertThat(counter.increment(policy("ip:10.0.0.2"), WINDOW_START)).isEqualTo(1);
    RatePolicy bulk = new RatePolicy("ip:10.0.0.1", RouteGroup.BULK, 5, Duration.ofSeconds(60));
    assertThat(counter.increment(bulk, WINDOW_START)).isEqualTo(1);
    assertThat(counter.increment(alice, WINDOW_START)).isEqualTo(2);
  }

  @Test
  void endedWindowsAreForgottenSoMemoryStaysBounded() {
    for (int i = 0; i < 1000; i++) {
      counter.increment(policy("ip:old-" + i), WINDOW_START);
    }
    assertThat(counter.windows()).isEqualTo(1000);
    for (int i = 0; i < 100; i++) {
      counter.increment(alice, WINDOW_START + 120_000);
    }
    assertThat(counter.windows()).isEqualTo(1);
  }
}
