package org.opengovdata.search.policy.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.opengovdata.docnumber.DocumentNumber;
import org.opengovdata.docnumber.DocumentNumberPrefix;
import org.opengovdata.search.policy.source.Policy.Validity;

/**
 * A document search with every parameter already checked and typed: the only input the query
 * builder accepts (user text reaches Elasticsearch only as values of typed queries, never as query
 * syntax).
 *
 * @param text the words of {@code q}, folded, or null
 * @param qNumber {@code q} read as a document number, when it is one (that document ranks first)
 * @param exactNumber the {@code documentNumber} filter when it is a complete number
 * @param numberPrefix the {@code documentNumber} filter when it is a partial number
 * @param regionLineage not used for filtering; the region's own code is matched against each
 *     document's region path
 * @param after the sort values of the last hit seen (cursor), or null for page mode
 */
public record DocumentQuery(
    Text text,
    DocumentNumber qNumber,
    DocumentNumber exactNumber,
    DocumentNumberPrefix numberPrefix,
    String issuer,
    String documentType,
    String subject,
    String region,
    Validity validity,
    DateField dateField,
    LocalDate from,
    LocalDate to,
    Integer year,
    LocalDate inForceOn,
    Sort sort,
    int page,
    int size,
    List<Object> after,
    List<String> regionLineage) {

  /** The folded query text and its words. */
  public record Text(String folded, List<String> words) {}

  /** Which date {@code from}, {@code to} and {@code year} filter on, and newest/oldest sort by. */
  public enum DateField {
    PUBLISHED("publishedDate"),
    WRITTEN("writtenDate"),
    EFFECTIVE("effectiveDate");

    private final String field;

    DateField(String field) {
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  public enum Sort {
    RELEVANCE,
    NEWEST,
    OLDEST
  }

  public Optional<Text> query() {
    return Optional.ofNullable(text);
  }

  public boolean cursorMode() {
    return after != null;
  }
}
