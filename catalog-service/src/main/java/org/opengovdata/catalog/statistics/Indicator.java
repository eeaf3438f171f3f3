package org.opengovdata.catalog.statistics;

import java.time.OffsetDateTime;

/** A statistical indicator (统计指标). */
record Indicator(
    String code,
    String name,
    String nameEn,
    String unit,
    String unitEn,
    Period.Frequency frequency,
    String description,
    OffsetDateTime modified) {}
