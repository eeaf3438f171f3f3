package org.opengovdata.search.policy.index;

import java.util.List;

/**
 * A policy as stored in the {@code policies} index (Jackson 2, the Elasticsearch client's mapper).
 * Text is stored folded (simplified, NFKC) in {@code *.text} (standard analyzer: one token per Han
 * character, for exact phrases and highlighting) and segmented in {@code *.words} (whitespace
 * analyzer over the service's word segmentation). Dates are ISO strings.
 */
public record PolicyDocument(
    String id,
    long version,
    Text title,
    Text body,
    Text interpretations,
    Text attachments,
    Number documentNumber,
    String indexNumber,
    String issuer,
    String documentType,
    String subject,
    String regionCode,
    List<String> regionPath,
    String validity,
    String writtenDate,
    String publishedDate,
    String effectiveDate,
    String expiryDate,
    DateRange inForce,
    Reference replacedBy,
    Suggest suggest) {

  /** The same document with another validity (the expiry job: expired without a new version). */
  public PolicyDocument withValidity(String newValidity) {
    return new PolicyDocument(
        id,
        version,
        title,
        body,
        interpretations,
        attachments,
        documentNumber,
        indexNumber,
        issuer,
        documentType,
        subject,
        regionCode,
        regionPath,
        newValidity,
        writtenDate,
        publishedDate,
        effectiveDate,
        expiryDate,
        inForce,
        replacedBy,
        suggest);
  }

  /**
   * @param original the text as written, kept only when folding changed it (for display)
   */
  public record Text(String text, String words, String original) {}

  /**
   * @param key the number's identity, independent of its written form (exact lookup, prefixes)
   */
  public record Number(
      String canonical,
      String key,
      String asWritten,
      String issuerCode,
      Integer year,
      Integer serial) {}

  /** Inclusive bounds; an open end has no {@code lte}. */
  public record DateRange(String gte, String lte) {}

  public record Reference(String id, String documentNumber, String title) {}

  public record Suggest(Completion title, Completion number) {}

  public record Completion(List<String> input, int weight) {}
}
