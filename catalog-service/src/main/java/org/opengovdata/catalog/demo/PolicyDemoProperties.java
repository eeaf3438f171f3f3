package org.opengovdata.catalog.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Demo policy documents ({@code opendata.catalog.demo-policies.*}): generated at startup into an
 * empty policy table when enabled (with the other demo data: {@code CATALOG_DEMO_DATA}).
 *
 * @param count how many documents ({@code CATALOG_DEMO_POLICIES}; 1,000,000 for benchmarks)
 */
@Validated
@ConfigurationProperties("opendata.catalog.demo-policies")
public record PolicyDemoProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("3000") @Min(1) @Max(5_000_000) int count,
    @DefaultValue("20150101") long seed,
    @DefaultValue("2015") @Min(2000) @Max(2100) int fromYear,
    @DefaultValue("2025") @Min(2000) @Max(2100) int toYear) {}
