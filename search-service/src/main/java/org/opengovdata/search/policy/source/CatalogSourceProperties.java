package org.opengovdata.search.policy.source;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The catalog as the policy source ({@code opendata.search.sources.catalog}).
 *
 * @param enabled false = no catalog source (tests that bring their own)
 * @param url the catalog-service ({@code CATALOG_URL}, the same variable the gateway routes to)
 * @param connectTimeout opening a connection ({@code CATALOG_CONNECT_TIMEOUT})
 * @param readTimeout the whole answer of one request ({@code CATALOG_READ_TIMEOUT})
 * @param failureRateThreshold percent of failed calls (of the last {@code slidingWindow}) that
 *     opens the breaker
 * @param slidingWindow calls the failure rate is computed over (also the minimum before it is)
 * @param openFor how long an open breaker refuses calls before letting a few through again
 * @param pageSize policies per list page when streaming every published one (rebuild)
 */
@Validated
@ConfigurationProperties("opendata.search.sources.catalog")
public record CatalogSourceProperties(
    @DefaultValue("true") boolean enabled,
    @NotNull @DefaultValue("http://localhost:8081") URI url,
    @NotNull @DefaultValue("2s") Duration connectTimeout,
    @NotNull @DefaultValue("10s") Duration readTimeout,
    @Min(1) @Max(100) @DefaultValue("50") int failureRateThreshold,
    @Min(1) @DefaultValue("10") int slidingWindow,
    @NotNull @DefaultValue("15s") Duration openFor,
    @Min(1) @Max(1000) @DefaultValue("500") int pageSize) {}
