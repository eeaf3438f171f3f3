package org.opengovdata.common.outbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.opengovdata.common.events.PlatformEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code opendata.outbox.*}: whether this service uses the shared outbox (writer and relay), and
 * how the relay polls.
 *
 * @param enabled a service opts in (it must have the {@code outbox_event} table: Flyway location
 *     {@code classpath:db/outbox})
 * @param stream the Redis stream the relay appends to
 * @param batchSize rows published per transaction
 * @param pollInterval how long an idle relay sleeps when no writer in this JVM nudges it (rows
 *     written by another instance or a script)
 * @param maxBackoff the longest wait between retries while Redis or PostgreSQL is unreachable
 */
@Validated
@ConfigurationProperties("opendata.outbox")
public record OutboxRelaySettings(
    @DefaultValue("false") boolean enabled,
    @NotBlank @DefaultValue(PlatformEvent.STREAM) String stream,
    @Positive @DefaultValue("500") int batchSize,
    @NotNull @DefaultValue("500ms") Duration pollInterval,
    @NotNull @DefaultValue("5s") Duration maxBackoff) {}
