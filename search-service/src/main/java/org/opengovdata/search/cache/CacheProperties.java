package org.opengovdata.search.cache;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Redis cache of search answers ({@code SEARCH_CACHE_ENABLED}).
 *
 * @param ttl how long an answer is kept at most; any index change makes it unreachable sooner
 * @param generationCheck how long the index generation read from Redis is trusted locally, so that
 *     a cached answer costs one Redis round trip, not two
 * @param settleDelay the least time between two settle steps (refresh the indices, advance the
 *     generation again): a change after a quiet period settles at once, changes meanwhile share one
 *     step; see {@link QueryCache}
 */
@Validated
@ConfigurationProperties("opendata.search.cache")
public record CacheProperties(
    @DefaultValue("true") boolean enabled,
    @NotNull @DefaultValue("60s") Duration ttl,
    @NotNull @DefaultValue("250ms") Duration generationCheck,
    @NotNull @DefaultValue("500ms") Duration settleDelay) {}
