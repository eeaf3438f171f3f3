package org.opengovdata.archive.record;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ProblemType;

/** 410: the record was destroyed; the problem carries its tombstone. */
final class RecordGone {

  private RecordGone() {}

  static ApiException of(Tombstone t) {
    Map<String, Object> disposition = new LinkedHashMap<>();
    disposition.put("recordId", t.recordId().toString());
    disposition.put("dispositionId", t.dispositionId().toString());
    disposition.put("title", t.title());
    if (t.documentNumber() != null) {
      disposition.put("documentNumber", t.documentNumber());
    }
    disposition.put("reason", t.reason());
    disposition.put("proposedBy", t.proposedBy());
    disposition.put("approvedBy", t.approvedBy());
    disposition.put("destroyedAt", t.destroyedAt().toString());
    return new ApiException(
            ProblemType.GONE,
            "Record %s was destroyed on %s by disposition %s (proposed by %s, approved by %s)."
                .formatted(
                    t.recordId(),
                    t.destroyedAt(),
                    t.dispositionId(),
                    t.proposedBy(),
                    t.approvedBy()))
        .with("disposition", disposition);
  }
}
