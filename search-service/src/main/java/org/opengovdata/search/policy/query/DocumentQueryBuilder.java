package org.opengovdata.search.policy.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.CombinedFieldsOperator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.RangeRelation;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Elasticsearch request of a {@link DocumentQuery} from typed clauses only ({@code
 * term}, {@code range}, {@code combined_fields}, {@code match_phrase}) — never {@code
 * query_string}, so no user text is ever parsed as query syntax.
 *
 * <p>Ranking with {@code q}: the words (segmented like the documents) must mostly occur ({@code
 * combined_fields} over the {@code *.words} fields: titles ×6, interpretation titles ×3, bodies ×2,
 * attachments ×1 — combined_fields needs boosts ≥ 1), and exact phrases of the folded text in title
 * (×12) or body (×4) add to the score; a {@code q} that is a document number adds a constant far
 * above any text score for the document with that number.
 */
public final class DocumentQueryBuilder {

  public static final int MAX_WINDOW = 10_000;
  static final String[] WORD_FIELDS = {
    "title.words^6", "body.words^2", "interpretations.words^3", "attachments.words"
  };
  static final List<String> TEXT_FIELDS =
      List.of("title.text", "body.text", "interpretations.text", "attachments.text");
  static final float NUMBER_BOOST = 1000f;

  /** Facet name → aggregation. */
  public static final Map<String, String> TERM_FACETS =
      Map.of(
          "issuer", "issuer",
          "documentType", "documentType",
          "subject", "subject",
          "region", "regionCode",
          "validity", "validity");

  private DocumentQueryBuilder() {}

  public static SearchRequest build(String index, DocumentQuery query, boolean withFacets) {
    SearchRequest.Builder request =
        new SearchRequest.Builder()
            .index(index)
            .query(query(query))
            .size(query.size())
            .trackTotalHits(t -> t.enabled(true))
            .sort(sort(query))
            .source(
                s ->
                    s.filter(
                        f ->
                            f.excludes(
                                "body",
                                "interpretations",
                                "attachments",
                                "suggest",
                                "title.words")));
    if (query.cursorMode()) {
      request.searchAfter(query.after().stream().map(DocumentQueryBuilder::fieldValue).toList());
    } else {
      request.from(query.page() * query.size());
    }
    query.query().ifPresent(text -> request.highlight(highlight(text)));
    if (withFacets) {
      request.aggregations(facets());
    }
    return request.build();
  }

  static Query query(DocumentQuery q) {
    BoolQuery.Builder bool = new BoolQuery.Builder().filter(filters(q));
    q.query().ifPresent(text -> bool.must(textQuery(text, q)));
    return bool.build()._toQuery();
  }

  static List<Query> filters(DocumentQuery q) {
    List<Query> filters = new ArrayList<>();
    if (q.exactNumber() != null) {
      filters.add(term("documentNumber.key", q.exactNumber().key()));
    }
    if (q.numberPrefix() != null) {
      // with a year, the prefix's spelling is a string prefix of exactly that issuer's keys of the
      // year (in every form); without, only the issuer code itself (内政发 must not match 内政发电)
      if (q.numberPrefix().year() != null) {
        String prefix = q.numberPrefix().canonical();
        filters.add(Query.of(x -> x.prefix(p -> p.field("documentNumber.key").value(prefix))));
      } else {
        filters.add(term("documentNumber.issuerCode", q.numberPrefix().issuerCode()));
      }
    }
    addTerm(filters, "issuer", q.issuer());
    addTerm(filters, "documentType", q.documentType());
    addTerm(filters, "subject", q.subject());
    addTerm(filters, "regionPath", q.region());
    addTerm(filters, "validity", q.validity() == null ? null : q.validity().name());
    String dateField = q.dateField().field();
    if (q.from() != null || q.to() != null) {
      filters.add(dateRange(dateField, q.from(), q.to()));
    }
    if (q.year() != null) {
      filters.add(
          dateRange(dateField, LocalDate.of(q.year(), 1, 1), LocalDate.of(q.year(), 12, 31)));
    }
    if (q.inForceOn() != null) {
      String day = q.inForceOn().toString();
      filters.add(
          Query.of(
              x ->
                  x.range(
                      r ->
                          r.date(
                              d ->
                                  d.field("inForce")
                                      .gte(day)
                                      .lte(day)
                                      .relation(RangeRelation.Contains)))));
    }
    return filters;
  }

  static Query textQuery(DocumentQuery.Text text, DocumentQuery q) {
    List<Query> should = new ArrayList<>();
    if (!text.words().isEmpty()) {
      String words = String.join(" ", text.words());
      should.add(
          Query.of(
              x ->
                  x.combinedFields(
                      c ->
                          c.query(words)
                              .fields(List.of(WORD_FIELDS))
                              .operator(CombinedFieldsOperator.Or)
                              .minimumShouldMatch("2<75%"))));
      should.add(phrase("title.text", text.folded(), 12f));
      should.add(phrase("body.text", text.folded(), 4f));
    }
    if (q.qNumber() != null) {
      should.add(
          Query.of(
              x ->
                  x.constantScore(
                      c ->
                          c.filter(term("documentNumber.key", q.qNumber().key()))
                              .boost(NUMBER_BOOST))));
    }
    return Query.of(x -> x.bool(b -> b.should(should).minimumShouldMatch("1")));
  }

  static List<SortOptions> sort(DocumentQuery q) {
    String date = q.dateField().field();
    List<SortOptions> sort = new ArrayList<>();
    DocumentQuery.Sort mode =
        q.sort() != null
            ? q.sort()
            : q.query().isPresent() ? DocumentQuery.Sort.RELEVANCE : DocumentQuery.Sort.NEWEST;
    switch (mode) {
      case RELEVANCE -> {
        sort.add(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))));
        sort.add(dateSort(date, SortOrder.Desc));
      }
      case NEWEST -> sort.add(dateSort(date, SortOrder.Desc));
      case OLDEST -> sort.add(dateSort(date, SortOrder.Asc));
    }
    // the tiebreaker that makes the order total, so a cursor never skips or repeats a hit
    sort.add(SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc))));
    return sort;
  }

  /** How many sort values a cursor of this query carries. */
  public static int sortValueCount(DocumentQuery q) {
    return sort(q).size();
  }

  static Highlight highlight(DocumentQuery.Text text) {
    // the per-character fields are highlighted, with each segmented word as a phrase, so that
    // 预算 is marked as <em>预算</em> and not character by character in unrelated places
    List<Query> phrases = new ArrayList<>();
    for (String word : text.words()) {
      phrases.add(
          Query.of(
              x ->
                  x.multiMatch(m -> m.query(word).type(TextQueryType.Phrase).fields(TEXT_FIELDS))));
    }
    Query highlightQuery = Query.of(x -> x.bool(b -> b.should(phrases)));
    return Highlight.of(
        h ->
            h.encoder(HighlighterEncoder.Html)
                .highlightQuery(highlightQuery)
                .fields("title.text", f -> f.numberOfFragments(0))
                .fields("body.text", f -> f.fragmentSize(100).numberOfFragments(3))
                .fields("interpretations.text", f -> f.fragmentSize(80).numberOfFragments(2))
                .fields("attachments.text", f -> f.fragmentSize(100).numberOfFragments(2)));
  }

  static Map<String, Aggregation> facets() {
    Map<String, Aggregation> aggs = new LinkedHashMap<>();
    TERM_FACETS.forEach(
        (name, field) ->
            aggs.put(
                name,
                Aggregation.of(
                    a -> a.terms(t -> t.field(field).size(name.equals("region") ? 150 : 50)))));
    aggs.put(
        "year",
        Aggregation.of(
            a ->
                a.dateHistogram(
                    d ->
                        d.field("publishedDate")
                            .calendarInterval(CalendarInterval.Year)
                            .format("yyyy")
                            .minDocCount(1))));
    return aggs;
  }

  private static Query phrase(String field, String text, float boost) {
    return Query.of(x -> x.matchPhrase(m -> m.field(field).query(text).boost(boost)));
  }

  private static Query term(String field, String value) {
    return Query.of(x -> x.term(t -> t.field(field).value(value)));
  }

  private static void addTerm(List<Query> filters, String field, String value) {
    if (value != null) {
      filters.add(term(field, value));
    }
  }

  private static Query dateRange(String field, LocalDate from, LocalDate to) {
    return Query.of(
        x ->
            x.range(
                r ->
                    r.date(
                        d -> {
                          d.field(field);
                          if (from != null) {
                            d.gte(from.toString());
                          }
                          if (to != null) {
                            d.lte(to.toString());
                          }
                          return d;
                        })));
  }

  private static SortOptions dateSort(String field, SortOrder order) {
    return SortOptions.of(
        s -> s.field(f -> f.field(field).order(order).missing(FieldValue.of("_last"))));
  }

  static FieldValue fieldValue(Object value) {
    if (value instanceof Double d) {
      return FieldValue.of(d);
    }
    if (value instanceof Long l) {
      return FieldValue.of(l);
    }
    if (value == null) {
      return FieldValue.NULL;
    }
    return FieldValue.of(value.toString());
  }
}
