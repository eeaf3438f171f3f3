package org.opengovdata.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.AbstractServiceIT;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The search service on its real infrastructure: what every service promises ({@link
 * AbstractServiceIT}) and an index created and queried.
 */
class SearchInfrastructureIntegrationTest extends AbstractServiceIT {

  @DynamicPropertySource
  static void elasticsearch(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerElasticsearch(registry);
  }

  @Override
  protected String service() {
    return "search";
  }

  @Override
  protected List<String> dependencies() {
    return List.of("elasticsearch", "redis");
  }

  @Autowired ElasticsearchClient elasticsearch;

  @Test
  @SuppressWarnings("rawtypes")
  void indexIsCreatedAndQueried() throws IOException {
    String index = "it-foundation-" + UUID.randomUUID().toString().toLowerCase(Locale.ROOT);
    try {
      elasticsearch.indices().create(c -> c.index(index));
      elasticsearch.index(
          i ->
              i.index(index)
                  .id("1")
                  .document(Map.of("title", "关于做好2024年财政预算公开工作的通知", "number", "内政发〔2024〕12号"))
                  .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
      SearchResponse<Map> hits =
          elasticsearch.search(
              s ->
                  s.index(index)
                      .query(q -> q.term(t -> t.field("number.keyword").value("内政发〔2024〕12号"))),
              Map.class);
      assertThat(hits.hits().total().value()).isEqualTo(1);
      assertThat(hits.hits().hits().get(0).source().get("title")).isEqualTo("关于做好2024年财政预算公开工作的通知");
    } finally {
      elasticsearch.indices().delete(d -> d.index(index).ignoreUnavailable(true));
    }
  }
}
