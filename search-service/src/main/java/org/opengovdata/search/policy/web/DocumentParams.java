package org.opengovdata.search.policy.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.docnumber.DocumentNumber;
import org.opengovdata.docnumber.DocumentNumberPrefix;
import org.opengovdata.docnumber.DocumentNumberQuery;
import org.opengovdata.docnumber.DocumentNumbers;
import org.opengovdata.docnumber.InvalidDocumentNumberException;
import org.opengovdata.search.policy.query.DocumentQuery;
import org.opengovdata.search.policy.query.DocumentQueryBuilder;
import org.opengovdata.search.policy.query.SearchCursors;
import org.opengovdata.search.policy.source.Policy.Validity;
import org.opengovdata.search.region.RegionTree;
import org.opengovdata.search.text.ChineseText;
import org.springframework.stereotype.Component;

/**
 * Reads the query parameters of {@code GET /documents} into a {@link DocumentQuery}; every value it
 * cannot use is a 400 that names the parameter.
 */
@Component
class DocumentParams {

  private final ChineseText text;
  private final RegionTree regions;
  private final SearchCursors cursors;

  DocumentParams(ChineseText text, RegionTree regions, SearchCursors cursors) {
    this.text = text;
    this.regions = regions;
    this.cursors = cursors;
  }

  /** The raw parameters as the generated interface passes them. */
  record Raw(
      String q,
      String documentNumber,
      String issuer,
      String documentType,
      String subject,
      String region,
      String validity,
      String dateField,
      String from,
      String to,
      Integer year,
      String inForceOn,
      String sort,
      Integer page,
      Integer size,
      String cursor) {}

  DocumentQuery read(Raw raw) {
    DocumentQuery.Text query = null;
    DocumentNumber qNumber = null;
    String q = blankToNull(raw.q());
    if (q != null) {
      String folded = text.fold(q);
      query = new DocumentQuery.Text(folded, text.wordList(folded));
      // only text written like a number is read as one (内政发 alone is as likely a word)
      qNumber =
          DocumentNumbers.looksLikeDocumentNumber(q)
              ? DocumentNumbers.tryParse(q).orElse(null)
              : null;
    }
    DocumentNumber exact = null;
    DocumentNumberPrefix prefix = null;
    String number = blankToNull(raw.documentNumber());
    if (number != null) {
      DocumentNumberQuery parsed;
      try {
        parsed = DocumentNumbers.parseQuery(number);
      } catch (InvalidDocumentNumberException e) {
        throw ApiException.invalidParameter("documentNumber", e.reason());
      }
      if (parsed instanceof DocumentNumber whole) {
        exact = whole;
      } else {
        prefix = (DocumentNumberPrefix) parsed;
      }
    }
    String region = blankToNull(raw.region());
    if (region != null && !regions.contains(region)) {
      throw ApiException.invalidParameter(
          "region", "'%s' is not a region code of 内蒙古自治区 (GB/T 2260)".formatted(region));
    }
    LocalDate from = date("from", raw.from());
    LocalDate to = date("to", raw.to());
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiException.invalidParameter("from", "from (%s) is after to (%s)".formatted(from, to));
    }
    int page = raw.page() == null ? 0 : raw.page();
    int size = raw.size() == null ? 20 : raw.size();
    String cursor = blankToNull(raw.cursor());
    if (cursor != null && page != 0) {
      throw ApiException.invalidParameter(
          "page", "page and cursor cannot be used together; the cursor already holds the position");
    }
    if (cursor == null && (long) (page + 1) * size > DocumentQueryBuilder.MAX_WINDOW) {
      throw ApiException.invalidParameter(
          "page",
          "pages reach only the first %d hits; iterate further with cursor (meta.nextCursor)"
              .formatted(DocumentQueryBuilder.MAX_WINDOW));
    }
    DocumentQuery parsed =
        new DocumentQuery(
            query,
            qNumber,
            exact,
            prefix,
            blankToNull(raw.issuer()),
            blankToNull(raw.documentType()),
            blankToNull(raw.subject()),
            region,
            validity(raw.validity()),
            dateField(raw.dateField()),
            from,
            to,
            raw.year(),
            date("inForceOn", raw.inForceOn()),
            sort(raw.sort()),
            page,
            size,
            null,
            region == null ? List.of() : regions.lineage(region));
    if (cursor == null) {
      return parsed;
    }
    List<Object> after =
        cursors.decode(cursor, fingerprint(parsed), DocumentQueryBuilder.sortValueCount(parsed));
    return new DocumentQuery(
        parsed.text(),
        parsed.qNumber(),
        parsed.exactNumber(),
        parsed.numberPrefix(),
        parsed.issuer(),
        parsed.documentType(),
        parsed.subject(),
        parsed.region(),
        parsed.validity(),
        parsed.dateField(),
        parsed.from(),
        parsed.to(),
        parsed.year(),
        parsed.inForceOn(),
        parsed.sort(),
        0,
        size,
        after,
        parsed.regionLineage());
  }

  /** What a cursor is bound to: everything that decides the hits and their order. */
  static String fingerprint(DocumentQuery q) {
    return String.join(
        "|",
        "q=" + (q.text() == null ? "" : q.text().folded()),
        "n=" + (q.exactNumber() == null ? "" : q.exactNumber().key()),
        "p=" + (q.numberPrefix() == null ? "" : q.numberPrefix().canonical()),
        "i=" + nullToEmpty(q.issuer()),
        "t=" + nullToEmpty(q.documentType()),
        "s=" + nullToEmpty(q.subject()),
        "r=" + nullToEmpty(q.region()),
        "v=" + (q.validity() == null ? "" : q.validity().name()),
        "d=" + q.dateField().name(),
        "f=" + nullToEmpty(q.from()),
        "to=" + nullToEmpty(q.to()),
        "y=" + nullToEmpty(q.year()),
        "in=" + nullToEmpty(q.inForceOn()),
        "o=" + (q.sort() == null ? "" : q.sort().name()));
  }

  private static LocalDate date(String parameter, String value) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiException.invalidParameter(
          parameter,
          "'%s' is not a date (YYYY-MM-DD, e.g. 2024-06-01) for parameter '%s'"
              .formatted(v, parameter));
    }
  }

  private static Validity validity(String value) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    try {
      return Validity.valueOf(v);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidParameter(
          "validity", "'%s' is not one of VALID, EXPIRED, REPEALED, AMENDED".formatted(v));
    }
  }

  private static DocumentQuery.DateField dateField(String value) {
    String v = blankToNull(value);
    if (v == null) {
      return DocumentQuery.DateField.PUBLISHED;
    }
    return switch (v) {
      case "published" -> DocumentQuery.DateField.PUBLISHED;
      case "written" -> DocumentQuery.DateField.WRITTEN;
      case "effective" -> DocumentQuery.DateField.EFFECTIVE;
      default ->
          throw ApiException.invalidParameter(
              "dateField", "'%s' is not one of published, written, effective".formatted(v));
    };
  }

  private static DocumentQuery.Sort sort(String value) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    return switch (v) {
      case "relevance", "newest", "oldest" ->
          DocumentQuery.Sort.valueOf(v.toUpperCase(Locale.ROOT));
      default ->
          throw ApiException.invalidParameter(
              "sort", "'%s' is not one of relevance, newest, oldest".formatted(v));
    };
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String nullToEmpty(Object value) {
    return value == null ? "" : value.toString();
  }
}
