package org.opengovdata.archive.capture;

import org.opengovdata.archive.record.Records;
import org.opengovdata.common.events.ConsumerLifecycle;
import org.opengovdata.common.events.StreamEntryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;

/**
 * Runs the policy capture as member {@code consumer} of group {@code archive-capture} on {@code
 * opendata.events} while the service runs (unless {@code ARCHIVE_CAPTURE_ENABLED=false}): starts
 * after everything else, stops first, letting the capture in progress complete.
 */
@Component
class CaptureLifecycle extends ConsumerLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CaptureLifecycle.class);

  private final CaptureProperties properties;
  private final Records records;
  private final JdbcClient jdbc;

  CaptureLifecycle(
      JedisPooled redis, CaptureProperties properties, Records records, JdbcClient jdbc) {
    super(redis, properties);
    this.properties = properties;
    this.records = records;
    this.jdbc = jdbc;
  }

  @Override
  protected StreamEntryHandler handler() {
    if (!properties.enabled()) {
      log.info("policy capture disabled (ARCHIVE_CAPTURE_ENABLED=false)");
      return null;
    }
    log.info("capturing policies published at {}", properties.catalogUrl());
    return StreamEntryHandler.forPlatformEvents(
        new PolicyCapture(new CatalogPolicies(properties), records, jdbc, properties));
  }
}
