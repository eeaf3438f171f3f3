package org.opengovdata.archive.record;

import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ProblemType;

/** Stored content that failed verification: an error response (and an alert), never the bytes. */
public final class IntegrityFailure {

  private IntegrityFailure() {}

  public static ApiException invalidObject(ArchiveRecord record) {
    return new ApiException(
            ProblemType.INTEGRITY_FAILURE,
            "Record %s is not served: its OCFL object %s failed validation (%s)."
                .formatted(
                    record.id(),
                    record.objectId(),
                    record.problems().isEmpty()
                        ? "see the index rebuild job"
                        : record.problems().get(0)))
        .with("recordId", record.id().toString());
  }

  public static ApiException digestMismatch(ArchiveRecord record, int version, String path) {
    return new ApiException(
            ProblemType.INTEGRITY_FAILURE,
            "Version %d of record %s is not served: the stored file %s does not match its recorded digest."
                .formatted(version, record.id(), path))
        .with("recordId", record.id().toString())
        .with("version", version);
  }
}
