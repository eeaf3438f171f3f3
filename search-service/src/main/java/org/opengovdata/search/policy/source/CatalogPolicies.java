package org.opengovdata.search.policy.source;

import java.util.List;
import java.util.Optional;
import org.opengovdata.client.catalog.model.DocumentType;
import org.opengovdata.client.catalog.model.PolicyStatus;

/**
 * The catalog's policy representation (the SDK's Jackson 2 model) as search reads it: only a {@code
 * PUBLISHED} document is indexable; everything else is "not published" (the indexer removes it).
 * The SDK types stay in this package; the rest of search sees {@link Policy}.
 */
final class CatalogPolicies {

  private CatalogPolicies() {}

  /** The document search indexes, or empty when the catalog does not publish it. */
  static Optional<Policy> toPolicy(org.opengovdata.client.catalog.model.Policy p) {
    if (p.getStatus() != PolicyStatus.PUBLISHED) {
      return Optional.empty();
    }
    return Optional.of(
        new Policy(
            p.getId(),
            p.getVersion() == null ? 0 : p.getVersion(),
            p.getTitle(),
            number(p.getDocumentNumber()),
            p.getIndexNumber(),
            p.getIssuer(),
            documentType(p.getDocumentType()),
            p.getSubject(),
            p.getRegionCode(),
            p.getWrittenDate(),
            p.getPublishedDate(),
            p.getEffectiveDate(),
            p.getExpiryDate(),
            validity(p),
            reference(p.getReplacedBy()),
            p.getBody(),
            attachments(p.getAttachments()),
            interpretations(p.getInterpretations())));
  }

  private static Policy.IssuedNumber number(org.opengovdata.client.catalog.model.DocumentNumber n) {
    return n == null
        ? null
        : new Policy.IssuedNumber(
            n.getCanonical(), n.getAsWritten(), n.getIssuerCode(), n.getYear(), n.getSerial());
  }

  /** The Chinese name (通知, 规范性文件 …); a type added to the API later is left out. */
  private static String documentType(DocumentType type) {
    return type == null || type == DocumentType.UNKNOWN_DEFAULT_OPEN_API ? null : type.getValue();
  }

  private static Policy.Validity validity(org.opengovdata.client.catalog.model.Policy p) {
    var validity = p.getValidity();
    if (validity == null
        || validity == org.opengovdata.client.catalog.model.Validity.UNKNOWN_DEFAULT_OPEN_API) {
      throw new IllegalStateException(
          "policy " + p.getId() + " has a validity search does not know: " + validity);
    }
    return Policy.Validity.valueOf(validity.name());
  }

  private static Policy.Reference reference(
      org.opengovdata.client.catalog.model.PolicyReference r) {
    return r == null ? null : new Policy.Reference(r.getId(), r.getDocumentNumber(), r.getTitle());
  }

  private static List<Policy.Attachment> attachments(
      List<org.opengovdata.client.catalog.model.Attachment> attachments) {
    return attachments == null
        ? List.of()
        : attachments.stream()
            .map(
                a ->
                    new Policy.Attachment(
                        a.getId(),
                        a.getFileName(),
                        a.getMediaType(),
                        a.getSize() == null ? 0 : a.getSize(),
                        a.getSha256(),
                        a.getExtractedText()))
            .toList();
  }

  private static List<Policy.Interpretation> interpretations(
      List<org.opengovdata.client.catalog.model.Interpretation> interpretations) {
    return interpretations == null
        ? List.of()
        : interpretations.stream()
            .map(
                i ->
                    new Policy.Interpretation(
                        i.getId(), i.getTitle(), i.getBody(), i.getPublishedDate()))
            .toList();
  }
}
