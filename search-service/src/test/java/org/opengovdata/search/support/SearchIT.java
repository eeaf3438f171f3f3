package org.opengovdata.search.support;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import org.opengovdata.search.index.IndexKind;
import org.opengovdata.search.index.SearchIndices;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of search-service's integration tests: the service on a random port with real Elasticsearch
 * and Redis, its indices under a prefix unique to this test run (deleted when the context closes),
 * its own event stream, and the {@link FixturePolicySource} as its catalog.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SearchIT.Fixtures.class)
public abstract class SearchIT {

  /** Unique per test JVM: several work trees and CI runs share one Elasticsearch. */
  public static final String RUN =
      "it-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "-";

  public static final String STREAM = "test." + RUN + "events";

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerElasticsearch(registry);
    TestInfrastructure.registerRedis(registry);
    TestTokens.registerSecret(registry);
    registry.add("opendata.search.index.prefix", () -> RUN);
    registry.add("opendata.search.indexer.stream", () -> STREAM);
    registry.add("opendata.search.indexer.claim-idle", () -> "2s");
    registry.add("opendata.search.indexer.block", () -> "500ms");
    // the fixture source below stands in for the catalog
    registry.add("opendata.search.sources.catalog.enabled", () -> "false");
  }

  @LocalServerPort protected int port;

  /**
   * Starts a test class on an empty policy index (the classes share one Spring context and so one
   * index): drops this run's policy indices and lets the service create version 1 again.
   */
  protected static void resetPolicyIndex(SearchIndices indices, ElasticsearchClient client)
      throws IOException {
    String alias = indices.alias(IndexKind.POLICIES);
    for (var index : client.indices().resolveIndex(r -> r.name(alias + "-v*")).indices()) {
      client.indices().delete(d -> d.index(index.name()));
    }
    indices.ensure(IndexKind.POLICIES);
  }

  protected String api(String pathAndQuery) {
    return "http://localhost:" + port + "/api/v1/search" + pathAndQuery;
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Fixtures {

    @Bean
    FixturePolicySource fixturePolicySource() {
      return new FixturePolicySource();
    }

    @Bean
    FixtureDatasetSource fixtureDatasetSource() {
      return new FixtureDatasetSource();
    }

    /** Removes this run's indices when the test context closes. */
    @Bean
    DisposableBean dropTestIndices(SearchIndices indices) {
      return () -> {
        try {
          indices.deleteAll();
        } catch (IOException e) {
          // the cluster is gone already; nothing left to clean
        }
      };
    }
  }
}
