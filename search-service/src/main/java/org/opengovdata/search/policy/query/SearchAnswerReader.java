package org.opengovdata.search.policy.query;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengovdata.search.policy.index.PolicyDocument;

/**
 * Reads Elasticsearch's {@code _search} answer (with {@code typed_keys} and {@link #FILTER_PATH})
 * token by token into a {@link DocumentSearch.Result}: no JSON-P event layer and no typed response
 * model in between. Only {@code _source} is bound (Jackson 2 databind, the client's own mapper).
 */
final class SearchAnswerReader {

  /**
   * The parts of the answer the service uses; Elasticsearch leaves out the rest (shards, index
   * names, ids, scores). Aggregations stay whole: a narrower path would drop a facet whose buckets
   * are empty, and the API answers such a facet with an empty list.
   */
  static final String FILTER_PATH =
      "took,hits.total.value,hits.hits._source,hits.hits.highlight,hits.hits.sort,aggregations";

  private SearchAnswerReader() {}

  static DocumentSearch.Result read(JsonParser p, ObjectMapper mapper) throws IOException {
    expect(p.nextToken(), JsonToken.START_OBJECT);
    long took = 0;
    long total = -1;
    List<DocumentSearch.DocumentHit> hits = new ArrayList<>();
    Map<String, List<DocumentSearch.FacetCount>> facets = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "took" -> took = p.getLongValue();
        case "hits" -> total = readHits(p, mapper, hits);
        case "aggregations" -> readAggregations(p, facets);
        default -> p.skipChildren();
      }
    }
    return new DocumentSearch.Result(hits, facets, total < 0 ? hits.size() : total, took);
  }

  /** The {@code hits} object: fills {@code hits}, returns the total (-1 when absent). */
  private static long readHits(
      JsonParser p, ObjectMapper mapper, List<DocumentSearch.DocumentHit> hits) throws IOException {
    long total = -1;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("total") && value == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          boolean isValue = p.currentName().equals("value");
          p.nextToken();
          if (isValue) {
            total = p.getLongValue();
          } else {
            p.skipChildren();
          }
        }
      } else if (name.equals("hits") && value == JsonToken.START_ARRAY) {
        while (p.nextToken() == JsonToken.START_OBJECT) {
          hits.add(readHit(p, mapper));
        }
      } else {
        p.skipChildren();
      }
    }
    return total;
  }

  private static DocumentSearch.DocumentHit readHit(JsonParser p, ObjectMapper mapper)
      throws IOException {
    PolicyDocument source = null;
    Map<String, List<String>> highlights = Map.of();
    List<Object> sort = List.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "_source" -> source = mapper.readValue(p, PolicyDocument.class);
        case "highlight" -> highlights = readHighlights(p);
        case "sort" -> sort = readSortValues(p);
        default -> p.skipChildren();
      }
    }
    return new DocumentSearch.DocumentHit(source, highlights, sort);
  }

  private static Map<String, List<String>> readHighlights(JsonParser p) throws IOException {
    Map<String, List<String>> highlights = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      expect(p.nextToken(), JsonToken.START_ARRAY);
      List<String> fragments = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        fragments.add(p.getText());
      }
      highlights.put(field, fragments);
    }
    return highlights;
  }

  /** Sort values as plain Java values: Long, Double, String or null (booleans as strings). */
  private static List<Object> readSortValues(JsonParser p) throws IOException {
    List<Object> values = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      values.add(
          switch (t) {
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_STRING, VALUE_TRUE, VALUE_FALSE -> p.getText();
            default -> {
              p.skipChildren();
              yield null;
            }
          });
    }
    return values;
  }

  /**
   * Facets by name ({@code typed_keys}: {@code sterms#issuer}, {@code date_histogram#year}): a
   * term's key, a year's formatted key (newest first); any other kind of aggregation is empty.
   */
  private static void readAggregations(
      JsonParser p, Map<String, List<DocumentSearch.FacetCount>> facets) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String typedName = p.currentName();
      int hash = typedName.indexOf('#');
      String type = hash < 0 ? "" : typedName.substring(0, hash);
      String name = typedName.substring(hash + 1);
      boolean terms = type.equals("sterms");
      boolean years = type.equals("date_histogram");
      List<DocumentSearch.FacetCount> counts = new ArrayList<>();
      expect(p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        boolean buckets = p.currentName().equals("buckets");
        if (p.nextToken() == JsonToken.START_ARRAY && buckets && (terms || years)) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            counts.add(readBucket(p, years));
          }
        } else {
          p.skipChildren();
        }
      }
      if (years) {
        counts.sort((a, b) -> b.value().compareTo(a.value()));
      }
      facets.put(name, counts);
    }
  }

  private static DocumentSearch.FacetCount readBucket(JsonParser p, boolean formattedKey)
      throws IOException {
    String key = null;
    long count = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "key" -> {
          if (!formattedKey) {
            key = p.getText();
          }
        }
        case "key_as_string" -> {
          if (formattedKey) {
            key = p.getText();
          }
        }
        case "doc_count" -> count = p.getLongValue();
        default -> p.skipChildren();
      }
    }
    return new DocumentSearch.FacetCount(key, count);
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("unexpected search answer: " + actual + " where " + expected + " was");
    }
  }
}
