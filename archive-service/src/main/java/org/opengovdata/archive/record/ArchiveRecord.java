package org.opengovdata.archive.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A record as the index knows it: metadata of its latest version, its effective retention (raised
 * by appraisal, never lowered) and whether it may be served.
 *
 * @param valid whether the object passed validation when indexed; invalid objects are never served
 */
public record ArchiveRecord(
    UUID id,
    String objectId,
    RecordMetadata metadata,
    int headVersion,
    boolean onHold,
    boolean valid,
    List<String> problems,
    Instant createdAt,
    Instant updatedAt) {

  public Optional<LocalDate> dispositionDate() {
    return metadata.retentionClass().dispositionDate(metadata.documentDate());
  }

  public boolean restricted() {
    return metadata.access() == Access.RESTRICTED;
  }
}
