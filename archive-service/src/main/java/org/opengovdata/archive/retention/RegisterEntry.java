package org.opengovdata.archive.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One line of the destruction register (销毁清册). */
public record RegisterEntry(
    long sequence,
    UUID dispositionId,
    UUID recordId,
    String objectId,
    String title,
    String documentNumber,
    LocalDate documentDate,
    String retentionClass,
    LocalDate dispositionDate,
    String reason,
    String proposedBy,
    String approvedBy,
    Instant destroyedAt,
    int versions,
    String lastDigest) {}
