package org.opengovdata.search.index;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Index names and start-up behaviour.
 *
 * @param prefix put before every index and alias name ({@code SEARCH_INDEX_PREFIX}), so that
 *     several platforms (tests, end-to-end runs, benchmarks) share one Elasticsearch cluster
 *     without touching each other's indices
 * @param bootstrapRetry pause between attempts to create the indices while Elasticsearch is down
 */
@Validated
@ConfigurationProperties("opendata.search.index")
public record IndexProperties(
    @DefaultValue("") @Pattern(regexp = "^[a-z0-9._-]*$") String prefix,
    @NotNull @DefaultValue("5s") Duration bootstrapRetry) {}
