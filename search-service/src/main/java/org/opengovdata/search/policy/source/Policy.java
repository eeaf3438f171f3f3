package org.opengovdata.search.policy.source;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A published policy document as the catalog serves it ({@code GET /api/v1/catalog/policies/{id}}),
 * with the extracted text of its attachments: what search indexes. Search never changes it.
 *
 * @param version increases with every change; the index keeps the highest it has seen
 */
public record Policy(
    UUID id,
    long version,
    String title,
    IssuedNumber documentNumber,
    String indexNumber,
    String issuer,
    String documentType,
    String subject,
    String regionCode,
    LocalDate writtenDate,
    LocalDate publishedDate,
    LocalDate effectiveDate,
    LocalDate expiryDate,
    Validity validity,
    Reference replacedBy,
    String body,
    List<Attachment> attachments,
    List<Interpretation> interpretations) {

  public Policy {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(validity, "validity");
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    interpretations = interpretations == null ? List.of() : List.copyOf(interpretations);
  }

  /** 有效 / 失效 / 废止 / 已修订. */
  public enum Validity {
    VALID,
    EXPIRED,
    REPEALED,
    AMENDED
  }

  /** The document number (发文字号) as the catalog parsed it. */
  public record IssuedNumber(
      String canonical, String asWritten, String issuerCode, Integer year, Integer serial) {}

  /** The document that replaced a repealed or amended one. */
  public record Reference(UUID id, String documentNumber, String title) {}

  /** An attachment and the text extracted from it (empty when it has none, e.g. a scan). */
  public record Attachment(
      UUID id, String fileName, String mediaType, long size, String sha256, String extractedText) {}

  /** A policy interpretation (政策解读) linked to the document. */
  public record Interpretation(UUID id, String title, String body, LocalDate publishedDate) {}
}
