package org.opengovdata.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformEventTest {

  @Test
  void fieldsRoundTrip() {
    var event =
        new PlatformEvent(
            PlatformEvent.POLICY_PUBLISHED, "p-1", 3, Instant.parse("2024-05-01T08:00:00Z"));

    assertThat(event.toFields())
        .containsExactly(
            Map.entry("type", "policy.published"),
            Map.entry("id", "p-1"),
            Map.entry("version", "3"),
            Map.entry("occurredAt", "2024-05-01T08:00:00Z"));
    assertThat(PlatformEvent.fromFields(event.toFields())).isEqualTo(event);
  }

  @Test
  void missingOrMalformedFieldsAreRejectedWithTheReason() {
    assertThatThrownBy(() -> PlatformEvent.fromFields(Map.of("type", "policy.published")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'id'");
    assertThatThrownBy(
            () ->
                PlatformEvent.fromFields(
                    Map.of(
                        "type", "policy.published",
                        "id", "p-1",
                        "version", "three",
                        "occurredAt", "2024-05-01T08:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed");
  }
}
