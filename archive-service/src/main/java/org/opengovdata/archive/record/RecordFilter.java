package org.opengovdata.archive.record;

import java.time.LocalDate;

/**
 * Filters of {@code GET /records}; nulls mean "any".
 *
 * @param includeRestricted whether restricted records may be listed (archivists only)
 */
public record RecordFilter(
    org.opengovdata.docnumber.DocumentNumberQuery documentNumber,
    String titleKeyword,
    LocalDate dateFrom,
    LocalDate dateTo,
    RetentionClass retentionClass,
    Boolean onHold,
    LocalDate dueOn,
    boolean includeRestricted) {}
