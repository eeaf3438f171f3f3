package org.opengovdata.search.indexing;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.opengovdata.common.events.ConsumerConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The indexer's place in the event stream (DESIGN.md "Events").
 *
 * @param enabled whether this instance consumes events ({@code SEARCH_INDEXER_ENABLED})
 * @param consumer this instance's name in the group; the pod name in a cluster ({@code HOSTNAME})
 */
@Validated
@ConfigurationProperties("opendata.search.indexer")
public record IndexerProperties(
    @DefaultValue("true") boolean enabled,
    @NotBlank @DefaultValue("opendata.events") String stream,
    @NotBlank @DefaultValue("search-indexer") String group,
    @NotBlank @DefaultValue("search-service") String consumer,
    @Min(1) @DefaultValue("50") int batchSize,
    @NotNull @DefaultValue("2s") Duration block,
    @NotNull @DefaultValue("60s") Duration claimIdle,
    @NotNull @DefaultValue("5s") Duration claimInterval,
    @Min(1) @DefaultValue("5") int maxDeliveries,
    @NotNull @DefaultValue("200ms") Duration backoffInitial,
    @NotNull @DefaultValue("30s") Duration backoffMax)
    implements ConsumerConfiguration {}
