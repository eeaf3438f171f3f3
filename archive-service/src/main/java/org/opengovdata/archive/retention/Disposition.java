package org.opengovdata.archive.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A proposed (PENDING) or witnessed and executed (EXECUTED) destruction of records. */
public record Disposition(
    UUID id,
    State state,
    String reason,
    List<UUID> recordIds,
    String proposedBy,
    Instant proposedAt,
    String approvedBy,
    Instant approvedAt) {

  public enum State {
    PENDING,
    EXECUTED
  }
}
