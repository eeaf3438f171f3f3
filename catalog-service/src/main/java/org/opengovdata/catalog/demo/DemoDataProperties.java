package org.opengovdata.catalog.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Demo data ({@code opendata.catalog.demo-data.*}): loaded at startup into an empty catalogue when
 * enabled. Off by default — a production catalogue must never receive invented figures; {@code
 * scripts/up.sh} turns it on for local runs.
 *
 * @param scale 1 = the small demo set (229,900 line items); 2 = every region at 项 detail (782,320);
 *     each step above adds one synthetic 项 per 款 (+343,827) — 3 gives 1,126,147 rows for benchmarks
 */
@Validated
@ConfigurationProperties("opendata.catalog.demo-data")
public record DemoDataProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("1") @Min(1) @Max(30) int scale,
    @DefaultValue("20150101") long seed,
    @DefaultValue("2015") @Min(2000) @Max(2100) int fromYear,
    @DefaultValue("2025") @Min(2000) @Max(2100) int toYear) {}
