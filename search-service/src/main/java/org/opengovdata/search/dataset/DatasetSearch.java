package org.opengovdata.search.dataset;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.CombinedFieldsOperator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opengovdata.search.index.IndexKind;
import org.opengovdata.search.index.SearchIndices;
import org.opengovdata.search.index.SearchUnavailableException;
import org.opengovdata.search.region.RegionTree;
import org.opengovdata.search.text.ChineseText;
import org.springframework.stereotype.Service;

/**
 * Search over dataset metadata: the words of {@code q} in titles (×6), keywords (×3), publishers
 * (×2) and descriptions, plus exact phrases; typed filters for theme and region. A region finds the
 * datasets about it, about the regions inside it, and those of the regions covering it (a dataset
 * of 150000 covers every 盟/市 and 旗/县/区, as in the catalog).
 */
@Service
public class DatasetSearch {

  private final ElasticsearchClient client;
  private final SearchIndices indices;
  private final ChineseText text;
  private final RegionTree regions;

  public DatasetSearch(
      ElasticsearchClient client, SearchIndices indices, ChineseText text, RegionTree regions) {
    this.client = client;
    this.indices = indices;
    this.text = text;
    this.regions = regions;
  }

  public record Hit(DatasetDocument document, Map<String, List<String>> highlights) {}

  public record Result(List<Hit> hits, long total, long took) {}

  public Result search(String q, String theme, String region, int page, int size) {
    List<Query> filters = new ArrayList<>();
    if (theme != null) {
      filters.add(Query.of(x -> x.term(t -> t.field("theme").value(theme))));
    }
    if (region != null) {
      List<co.elastic.clients.elasticsearch._types.FieldValue> covering =
          regions.lineage(region).stream()
              .map(co.elastic.clients.elasticsearch._types.FieldValue::of)
              .toList();
      filters.add(
          Query.of(
              x ->
                  x.bool(
                      b ->
                          b.should(s -> s.term(t -> t.field("regionPath").value(region)))
                              .should(
                                  s ->
                                      s.terms(
                                          t -> t.field("regionCode").terms(v -> v.value(covering))))
                              .minimumShouldMatch("1"))));
    }
    String folded = q == null ? null : text.fold(q);
    String words = folded == null ? "" : text.words(folded);
    SearchResponse<DatasetDocument> response;
    try {
      response =
          client.search(
              s -> {
                s.index(indices.alias(IndexKind.DATASETS))
                    .from(page * size)
                    .size(size)
                    .trackTotalHits(t -> t.enabled(true));
                s.query(
                    x ->
                        x.bool(
                            b -> {
                              b.filter(filters);
                              if (folded != null) {
                                b.must(
                                    m ->
                                        m.bool(
                                            t ->
                                                t.should(
                                                        w ->
                                                            w.combinedFields(
                                                                c ->
                                                                    c.query(
                                                                            words.isEmpty()
                                                                                ? folded
                                                                                : words)
                                                                        .fields(
                                                                            "title.words^6",
                                                                            "keywordWords^3",
                                                                            "publisherWords^2",
                                                                            "description.words")
                                                                        .operator(
                                                                            CombinedFieldsOperator
                                                                                .Or)
                                                                        .minimumShouldMatch(
                                                                            "2<75%")))
                                                    .should(
                                                        p ->
                                                            p.matchPhrase(
                                                                mp ->
                                                                    mp.field("title.text")
                                                                        .query(folded)
                                                                        .boost(12f)))
                                                    .should(
                                                        p ->
                                                            p.matchPhrase(
                                                                mp ->
                                                                    mp.field("description.text")
                                                                        .query(folded)
                                                                        .boost(4f)))
                                                    .minimumShouldMatch("1")));
                              }
                              return b;
                            }));
                if (folded == null) {
                  s.sort(
                      SortOptions.of(
                          o -> o.field(f -> f.field("title.sort").order(SortOrder.Asc))));
                } else {
                  s.sort(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
                  s.highlight(
                      h ->
                          h.encoder(HighlighterEncoder.Html)
                              .fields("title.text", f -> f.numberOfFragments(0))
                              .fields(
                                  "description.text",
                                  f -> f.fragmentSize(100).numberOfFragments(2)));
                }
                s.sort(SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));
                return s;
              },
              DatasetDocument.class);
    } catch (IOException e) {
      throw new SearchUnavailableException(e);
    }
    List<Hit> hits =
        response.hits().hits().stream()
            .map(h -> new Hit(h.source(), h.highlight() == null ? Map.of() : h.highlight()))
            .toList();
    return new Result(hits, response.hits().total().value(), response.took());
  }
}
