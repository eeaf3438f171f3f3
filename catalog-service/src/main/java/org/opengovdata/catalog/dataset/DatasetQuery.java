package org.opengovdata.catalog.dataset;

import java.time.OffsetDateTime;
import java.util.Set;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.paging.SortOrder;

/**
 * Filters of the catalogue list.
 *
 * @param coveringRegions datasets whose region is one of these (the region asked for and its
 *     ancestors); null for any
 * @param ids datasets with one of these identifiers; null for any
 */
record DatasetQuery(
    String theme,
    Set<String> coveringRegions,
    Set<String> ids,
    String text,
    OffsetDateTime modifiedSince,
    SortOrder sort,
    PageRequest page) {}
