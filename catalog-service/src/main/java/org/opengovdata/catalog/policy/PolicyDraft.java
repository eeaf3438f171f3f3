package org.opengovdata.catalog.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a publisher writes (create, edit, import). {@code documentNumber} is as typed.
 *
 * @param amends a published document this one amends (已修订 from this one's effective date)
 */
public record PolicyDraft(
    String title,
    String documentNumber,
    String indexNumber,
    String issuer,
    DocumentType documentType,
    String subject,
    String regionCode,
    LocalDate writtenDate,
    LocalDate effectiveDate,
    LocalDate expiryDate,
    String body,
    List<Interpretation> interpretations,
    UUID amends) {

  public PolicyDraft {
    body = body == null ? "" : body;
    interpretations = interpretations == null ? List.of() : List.copyOf(interpretations);
  }
}
