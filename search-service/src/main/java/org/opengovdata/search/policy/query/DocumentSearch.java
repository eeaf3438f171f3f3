package org.opengovdata.search.policy.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengovdata.docnumber.DocumentNumber;
import org.opengovdata.search.index.IndexKind;
import org.opengovdata.search.index.SearchIndices;
import org.opengovdata.search.index.SearchUnavailableException;
import org.opengovdata.search.policy.index.PolicyDocument;
import org.springframework.stereotype.Service;

/** Runs document searches and number lookups against the {@code policies} alias. */
@Service
public class DocumentSearch {

  private final ElasticsearchClient client;
  private final SearchIndices indices;

  public DocumentSearch(ElasticsearchClient client, SearchIndices indices) {
    this.client = client;
    this.indices = indices;
  }

  /** One hit: the stored document (without its long texts), highlights and its sort values. */
  public record DocumentHit(
      PolicyDocument document, Map<String, List<String>> highlights, List<Object> sortValues) {}

  /** A value of a facet and how many matching documents have it. */
  public record FacetCount(String value, long count) {}

  public record Result(
      List<DocumentHit> hits, Map<String, List<FacetCount>> facets, long total, long took) {

    /** The sort values of the last hit (the next cursor's position), or null without hits. */
    public List<Object> lastSortValues() {
      return hits.isEmpty() ? null : hits.get(hits.size() - 1).sortValues();
    }
  }

  public Result search(DocumentQuery query) {
    boolean facets = !query.cursorMode();
    return run(DocumentQueryBuilder.build(indices.alias(IndexKind.POLICIES), query, facets));
  }

  /** Every document with exactly this number (usually one; more when issuers reuse a number). */
  public Result findByNumber(DocumentNumber number) {
    return run(byNumberRequest(indices.alias(IndexKind.POLICIES), number.key()));
  }

  /** The exact lookup of a number's key (public for the benchmark's raw requests). */
  public static SearchRequest byNumberRequest(String index, String key) {
    return SearchRequest.of(
        s ->
            s.index(index)
                .query(q -> q.term(t -> t.field("documentNumber.key").value(key)))
                .size(100)
                .trackTotalHits(t -> t.enabled(true))
                .source(
                    src ->
                        src.filter(
                            f ->
                                f.excludes(
                                    "body",
                                    "interpretations",
                                    "attachments",
                                    "suggest",
                                    "title.words")))
                .sort(o -> o.field(f -> f.field("publishedDate").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));
  }

  private Result run(SearchRequest request) {
    SearchResponse<PolicyDocument> response;
    try {
      response = client.search(request, PolicyDocument.class);
    } catch (IOException e) {
      throw new SearchUnavailableException(e);
    }
    List<DocumentHit> hits = new ArrayList<>();
    for (Hit<PolicyDocument> hit : response.hits().hits()) {
      hits.add(
          new DocumentHit(
              hit.source(),
              hit.highlight() == null ? Map.of() : hit.highlight(),
              hit.sort().stream().map(DocumentSearch::plain).toList()));
    }
    long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
    return new Result(hits, facets(response.aggregations()), total, response.took());
  }

  private static Map<String, List<FacetCount>> facets(Map<String, Aggregate> aggregations) {
    Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
    if (aggregations == null) {
      return facets;
    }
    aggregations.forEach(
        (name, aggregate) -> {
          List<FacetCount> counts = new ArrayList<>();
          if (aggregate.isSterms()) {
            aggregate
                .sterms()
                .buckets()
                .array()
                .forEach(b -> counts.add(new FacetCount(b.key().stringValue(), b.docCount())));
          } else if (aggregate.isDateHistogram()) {
            aggregate
                .dateHistogram()
                .buckets()
                .array()
                .forEach(b -> counts.add(new FacetCount(b.keyAsString(), b.docCount())));
            counts.sort((a, b) -> b.value().compareTo(a.value()));
          }
          facets.put(name, counts);
        });
    return facets;
  }

  private static Object plain(FieldValue value) {
    if (value.isDouble()) {
      return value.doubleValue();
    }
    if (value.isLong()) {
      return value.longValue();
    }
    if (value.isString()) {
      return value.stringValue();
    }
    if (value.isBoolean()) {
      return Boolean.toString(value.booleanValue());
    }
    return null;
  }
}
