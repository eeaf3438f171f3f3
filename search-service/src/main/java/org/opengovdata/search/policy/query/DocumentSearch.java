package org.opengovdata.search.policy.query;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.core.JsonParser;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NByteArrayEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.opengovdata.docnumber.DocumentNumber;
import org.opengovdata.search.index.IndexKind;
import org.opengovdata.search.index.SearchIndices;
import org.opengovdata.search.index.SearchUnavailableException;
import org.opengovdata.search.policy.index.PolicyDocument;
import org.springframework.stereotype.Service;

/** Runs document searches and number lookups against the {@code policies} alias. */
@Service
public class DocumentSearch {

  private final RestClient restClient;
  private final JacksonJsonpMapper mapper;
  private final SearchIndices indices;

  /**
   * Searches go through the low-level client: the request is the typed client's own {@link
   * SearchRequest} (built by {@link DocumentQueryBuilder}, serialized by its mapper), and the
   * answer is read from the stream by {@link SearchAnswerReader} into this class's records, without
   * the typed response model in between (profiled: its JSON-P layer was 12 % of a search request's
   * CPU in the service, second only to Spring MVC's dispatch).
   */
  public DocumentSearch(RestClient restClient, JacksonJsonpMapper mapper, SearchIndices indices) {
    this.restClient = restClient;
    this.mapper = mapper;
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

  private Result run(SearchRequest search) {
    Request request = new Request("POST", "/" + String.join(",", search.index()) + "/_search");
    request.addParameter("typed_keys", "true");
    request.addParameter("filter_path", SearchAnswerReader.FILTER_PATH);
    request.setEntity(new NByteArrayEntity(body(search), ContentType.APPLICATION_JSON));
    Response response;
    try {
      response = restClient.performRequest(request);
    } catch (ResponseException e) {
      int status = e.getResponse().getStatusLine().getStatusCode();
      if (status == 429 || status >= 500) {
        throw new SearchUnavailableException(e);
      }
      // the query is built from typed parameters only: Elasticsearch refusing it is a bug here
      throw new IllegalStateException("Elasticsearch refused a search: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new SearchUnavailableException(e);
    }
    try (InputStream in = response.getEntity().getContent();
        JsonParser parser = mapper.objectMapper().createParser(in)) {
      return SearchAnswerReader.read(parser, mapper.objectMapper());
    } catch (IOException e) {
      throw new SearchUnavailableException(e);
    }
  }

  /** The request body exactly as the typed client would send it. */
  private byte[] body(SearchRequest search) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    try (JsonGenerator generator = mapper.jsonProvider().createGenerator(out)) {
      search.serialize(generator, mapper);
    }
    return out.toByteArray();
  }
}
