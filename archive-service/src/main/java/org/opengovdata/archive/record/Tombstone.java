package org.opengovdata.archive.record;

import java.time.Instant;
import java.util.UUID;

/** What remains of a destroyed record, and who destroyed it, when and why. */
public record Tombstone(
    UUID recordId,
    UUID dispositionId,
    String title,
    String documentNumber,
    String reason,
    String proposedBy,
    String approvedBy,
    Instant destroyedAt) {}
