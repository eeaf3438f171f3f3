package org.opengovdata.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import java.io.IOException;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Readiness contribution: the cluster answers and is at least yellow. */
class ElasticsearchHealthIndicator extends AbstractHealthIndicator {

  private final ElasticsearchClient client;

  ElasticsearchHealthIndicator(ElasticsearchClient client) {
    super("Elasticsearch is not reachable");
    this.client = client;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws IOException {
    HealthResponse health = client.cluster().health();
    HealthStatus status = health.status();
    builder.status(status == HealthStatus.Red ? "DOWN" : "UP").withDetail("cluster", status);
  }
}
