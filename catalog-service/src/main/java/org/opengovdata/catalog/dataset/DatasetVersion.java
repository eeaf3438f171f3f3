package org.opengovdata.catalog.dataset;

import java.time.OffsetDateTime;

/** A dataset's version after a load. */
public record DatasetVersion(String id, long version, OffsetDateTime modified) {}
