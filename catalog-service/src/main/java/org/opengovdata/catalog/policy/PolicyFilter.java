package org.opengovdata.catalog.policy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;
import org.opengovdata.catalog.jdbc.SqlWhere;
import org.opengovdata.catalog.tabular.TabularResource;

/**
 * Filters of {@code GET /policies}.
 *
 * @param statuses the workflow statuses the caller may see and asked for
 * @param today the day validity is computed for when {@code inForceOn} is not given
 */
record PolicyFilter(
    String issuer,
    DocumentType type,
    Set<String> regions,
    Validity validity,
    Set<PolicyStatus> statuses,
    LocalDate inForceOn,
    LocalDate writtenFrom,
    LocalDate writtenTo,
    LocalDate publishedFrom,
    LocalDate publishedTo,
    LocalDate effectiveFrom,
    LocalDate effectiveTo,
    OffsetDateTime modifiedSince,
    LocalDate today)
    implements TabularResource.Filter {

  SqlWhere where() {
    SqlWhere where =
        new SqlWhere()
            .andIf(issuer, "p.issuer = ?")
            .andIf(type == null ? null : type.name(), "p.document_type = ?")
            .andIn("p.region_code", regions)
            .andIn("p.status", statuses.stream().map(Enum::name).toList())
            .andIf(writtenFrom, "p.written_date >= ?")
            .andIf(writtenTo, "p.written_date <= ?")
            .andIf(publishedFrom, "p.published_date >= ?")
            .andIf(publishedTo, "p.published_date <= ?")
            .andIf(effectiveFrom, "p.effective_date >= ?")
            .andIf(effectiveTo, "p.effective_date <= ?")
            .andIf(modifiedSince, "p.modified > ?");
    if (inForceOn != null) {
      // in force on D: effective on or before D, and not expired, repealed or amended by D
      where.and(
          "p.status = 'PUBLISHED' and p.effective_date <= ?"
              + " and (p.expiry_date is null or p.expiry_date > ?)"
              + " and (p.repealed_on is null or p.repealed_on > ?)"
              + " and (p.amended_on is null or p.amended_on > ?)",
          inForceOn,
          inForceOn,
          inForceOn,
          inForceOn);
    }
    if (validity != null) {
      LocalDate day = day();
      switch (validity) {
        case REPEALED -> where.and("p.repealed_on <= ?", day);
        case AMENDED ->
            where.and(
                "(p.repealed_on is null or p.repealed_on > ?) and p.amended_on <= ?", day, day);
        case EXPIRED ->
            where.and(
                "(p.repealed_on is null or p.repealed_on > ?)"
                    + " and (p.amended_on is null or p.amended_on > ?) and p.expiry_date <= ?",
                day,
                day,
                day);
        case VALID ->
            where.and(
                "(p.repealed_on is null or p.repealed_on > ?)"
                    + " and (p.amended_on is null or p.amended_on > ?)"
                    + " and (p.expiry_date is null or p.expiry_date > ?)",
                day,
                day,
                day);
      }
    }
    return where;
  }

  /** The day validity is computed for: today (in China). */
  LocalDate day() {
    return today;
  }

  @Override
  public String canonical() {
    return String.join(
        "|",
        String.valueOf(issuer),
        String.valueOf(type),
        regions == null ? "*" : String.join(",", new TreeSet<>(regions)),
        String.valueOf(validity),
        String.valueOf(new TreeSet<>(statuses)),
        String.valueOf(inForceOn),
        String.valueOf(writtenFrom),
        String.valueOf(writtenTo),
        String.valueOf(publishedFrom),
        String.valueOf(publishedTo),
        String.valueOf(effectiveFrom),
        String.valueOf(effectiveTo),
        modifiedSince == null ? "null" : modifiedSince.toInstant().toString(),
        String.valueOf(today));
  }
}
