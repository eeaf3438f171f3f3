package org.opengovdata.catalog.policy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A policy document (政策文件) as stored. List rows carry no body, attachments or interpretations (null
 * body, empty lists); a single read carries all.
 *
 * @param version increases with every change, workflow steps included
 * @param replacedBy the document that repealed (with replacement) or amended this one
 * @param amends the document this one amends
 */
public record Policy(
    UUID id,
    long version,
    PolicyStatus status,
    String title,
    NumberParts documentNumber,
    String indexNumber,
    String issuer,
    DocumentType documentType,
    String subject,
    String regionCode,
    String regionName,
    LocalDate writtenDate,
    LocalDate publishedDate,
    LocalDate effectiveDate,
    LocalDate expiryDate,
    LocalDate repealedOn,
    String repealReason,
    LocalDate amendedOn,
    UUID replacedBy,
    UUID amends,
    String body,
    String createdBy,
    String submittedBy,
    String approvedBy,
    String rejectionReason,
    OffsetDateTime modified,
    List<Attachment> attachments,
    List<Interpretation> interpretations) {

  public Policy {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    interpretations = interpretations == null ? List.of() : List.copyOf(interpretations);
  }

  /**
   * 发文字号 parsed by the shared document-number module.
   *
   * @param key form-independent (the uniqueness key among an issuer's published documents)
   */
  public record NumberParts(
      String canonical,
      String asWritten,
      String key,
      String issuerCode,
      Integer year,
      int serial) {}

  public Validity validityOn(LocalDate day) {
    return Validity.on(day, expiryDate, repealedOn, amendedOn);
  }

  /** Whether the document was in force on {@code day} (see {@code PolicyFilter#IN_FORCE}). */
  public boolean inForceOn(LocalDate day) {
    return status == PolicyStatus.PUBLISHED
        && effectiveDate != null
        && !effectiveDate.isAfter(day)
        && validityOn(day) == Validity.VALID;
  }

  public String documentNumberText() {
    return documentNumber == null ? null : documentNumber.canonical();
  }

  Policy withDetails(List<Attachment> files, List<Interpretation> notes) {
    return new Policy(
        id,
        version,
        status,
        title,
        documentNumber,
        indexNumber,
        issuer,
        documentType,
        subject,
        regionCode,
        regionName,
        writtenDate,
        publishedDate,
        effectiveDate,
        expiryDate,
        repealedOn,
        repealReason,
        amendedOn,
        replacedBy,
        amends,
        body,
        createdBy,
        submittedBy,
        approvedBy,
        rejectionReason,
        modified,
        files,
        notes);
  }
}
