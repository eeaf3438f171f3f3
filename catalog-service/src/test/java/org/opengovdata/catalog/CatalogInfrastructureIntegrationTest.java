package org.opengovdata.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.AbstractServiceIT;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The catalog on its real infrastructure: what every service promises ({@link AbstractServiceIT})
 * and its migrated PostgreSQL schema.
 */
class CatalogInfrastructureIntegrationTest extends AbstractServiceIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerPostgres(registry);
  }

  @Override
  protected String service() {
    return "catalog";
  }

  @Override
  protected List<String> dependencies() {
    return List.of("db", "redis");
  }

  @Autowired JdbcClient jdbc;

  @Test
  void flywayMigratedTheCatalogSchema() {
    List<String> tables =
        jdbc.sql("select table_name from information_schema.tables where table_schema = 'catalog'")
            .query(String.class)
            .list();
    assertThat(tables).contains("outbox_event", "flyway_schema_history");
    Long id =
        jdbc.sql(
                "insert into outbox_event (type, aggregate_id, version) values ('dataset.updated', 'fiscal-items', 1) returning id")
            .query(Long.class)
            .single();
    assertThat(
            jdbc.sql("select type from outbox_event where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("dataset.updated");
  }
}
