package org.opengovdata.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.ServiceSecurityContract;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.JedisPooled;

/** The search service on its real infrastructure: an index created and queried, Redis, HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchInfrastructureIntegrationTest extends ServiceSecurityContract {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerElasticsearch(registry);
    TestInfrastructure.registerRedis(registry);
    TestTokens.registerSecret(registry);
  }

  @LocalServerPort int port;

  @Override
  protected String service() {
    return "search";
  }

  @Override
  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  @Autowired ElasticsearchClient elasticsearch;
  @Autowired JedisPooled redis;

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

  @Test
  void redisRoundTrip() {
    String key = "search:test:" + UUID.randomUUID();
    redis.setex(key, 30, "发文字号");
    assertThat(redis.get(key)).isEqualTo("发文字号");
  }

  @Test
  void infoReportsElasticsearchAndRedis() {
    HttpResponse<String> response = Http.get("http://localhost:" + port + "/api/v1/search/info");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<String>read(response.body(), "$.name")).isEqualTo("search-service");
    assertThat(
            JsonPath.<List<String>>read(
                response.body(), "$.dependencies[?(@.name=='elasticsearch')].status"))
        .containsExactly("UP");
    assertThat(
            JsonPath.<List<String>>read(
                response.body(), "$.dependencies[?(@.name=='redis')].status"))
        .containsExactly("UP");
  }

  @Test
  void unknownPathIsProblemJson() {
    HttpResponse<String> response = Http.get("http://localhost:" + port + "/api/v1/search/nope");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
  }
}
