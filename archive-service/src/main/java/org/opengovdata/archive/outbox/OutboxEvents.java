package org.opengovdata.archive.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox (DESIGN.md "Events"): the event row commits with the index change it
 * announces. Minimal on purpose: the shared outbox writer and relay of platform-common replace it.
 */
@Component
public class OutboxEvents {

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
