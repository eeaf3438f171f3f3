package org.opengovdata.catalog.policy;

/** Where a document is in the publishing workflow (审核发布). */
public enum PolicyStatus {
  DRAFT,
  SUBMITTED,
  APPROVED,
  PUBLISHED,
  /** Sent back by a reviewer with a reason; editing it makes it a draft again. */
  REJECTED
}
