package org.opengovdata.catalog.fiscal;

import java.math.BigDecimal;

/** One group of {@code /fiscal/summary}: the sum of its line items. */
record SummaryRow(String key, String name, Integer level, BigDecimal amount, long itemCount) {}
