package org.opengovdata.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Elasticsearch 8.19 Java client. Boot 4 only auto-configures the 9.x client, which the 8.19
 * server does not accept, so the client is built here. It maps JSON with its own Jackson 2 mapper,
 * kept apart from the service's Jackson 3.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

  @Bean(destroyMethod = "close")
  RestClient elasticsearchRestClient(ElasticsearchProperties properties) {
    return RestClient.builder(HttpHost.create(properties.url().toString()))
        .setRequestConfigCallback(
            config ->
                config
                    .setConnectTimeout((int) properties.connectTimeout().toMillis())
                    .setSocketTimeout((int) properties.socketTimeout().toMillis()))
        // no credentials and no cookies are ever sent to Elasticsearch, but the HTTP client's auth
        // cache deserializes its scheme (java.io object streams) on every request: a JFR profile of
        // the query pass found it at 3 % of the request threads' samples
        .setHttpClientConfigCallback(http -> http.disableAuthCaching().disableCookieManagement())
        .build();
  }

  /** The client's Jackson 2 mapper; also reads search answers straight from the stream. */
  @Bean
  JacksonJsonpMapper elasticsearchJsonpMapper() {
    return new JacksonJsonpMapper();
  }

  @Bean
  ElasticsearchClient elasticsearchClient(RestClient restClient, JacksonJsonpMapper mapper) {
    return new ElasticsearchClient(new RestClientTransport(restClient, mapper));
  }

  @Bean
  ElasticsearchHealthIndicator elasticsearchHealthIndicator(ElasticsearchClient client) {
    return new ElasticsearchHealthIndicator(client);
  }
}
