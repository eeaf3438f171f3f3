package org.opengovdata.archive.retention;

import java.time.Instant;
import java.util.UUID;

/** A legal hold: while active (not released) the record cannot be disposed. */
public record Hold(
    UUID id,
    UUID recordId,
    String reason,
    String placedBy,
    Instant placedAt,
    String releasedBy,
    Instant releasedAt,
    String releaseReason) {

  public boolean active() {
    return releasedAt == null;
  }
}
