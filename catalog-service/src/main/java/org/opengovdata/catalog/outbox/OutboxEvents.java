package org.opengovdata.catalog.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox (DESIGN.md "Events"): an event row written in the same transaction as
 * the change it announces. A relay (with the policy issue) publishes unsent rows to the Redis
 * stream {@code opendata.events}.
 */
@Component
public class OutboxEvents {

  public static final String DATASET_UPDATED = "dataset.updated";

  private final JdbcClient jdbc;

  OutboxEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(String type, String aggregateId, long version) {
    jdbc.sql("insert into outbox_event (type, aggregate_id, version) values (?, ?, ?)")
        .params(type, aggregateId, version)
        .update();
  }
}
