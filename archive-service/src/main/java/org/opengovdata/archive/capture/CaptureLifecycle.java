package org.opengovdata.archive.capture;

import java.time.Duration;
import org.opengovdata.archive.record.Records;
import org.opengovdata.common.events.StreamConsumer;
import org.opengovdata.common.events.StreamConsumerSettings;
import org.opengovdata.common.events.StreamEntryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;

/**
 * Runs the policy capture as member {@code consumer} of group {@code archive-capture} on {@code
 * opendata.events} while the service runs (unless {@code ARCHIVE_CAPTURE_ENABLED=false}): starts
 * after everything else, stops first, letting the capture in progress complete.
 */
@Component
class CaptureLifecycle implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CaptureLifecycle.class);

  private final JedisPooled redis;
  private final CaptureProperties properties;
  private final Records records;
  private final JdbcClient jdbc;
  private StreamConsumer consumer;

  CaptureLifecycle(
      JedisPooled redis, CaptureProperties properties, Records records, JdbcClient jdbc) {
    this.redis = redis;
    this.properties = properties;
    this.records = records;
    this.jdbc = jdbc;
  }

  @Override
  public synchronized void start() {
    if (!properties.enabled()) {
      log.info("policy capture disabled (ARCHIVE_CAPTURE_ENABLED=false)");
      return;
    }
    StreamConsumerSettings settings =
        new StreamConsumerSettings(
            properties.stream(),
            properties.group(),
            properties.consumer(),
            properties.batchSize(),
            properties.block(),
            properties.claimIdle(),
            properties.claimInterval(),
            properties.maxDeliveries(),
            StreamConsumerSettings.deadLetterStreamOf(properties.stream(), properties.group()),
            properties.backoffInitial(),
            properties.backoffMax());
    consumer =
        new StreamConsumer(
            redis,
            settings,
            StreamEntryHandler.forPlatformEvents(
                new PolicyCapture(new CatalogPolicies(properties), records, jdbc, properties)));
    consumer.start();
    log.info("capturing policies published at {}", properties.catalogUrl());
  }

  @Override
  public synchronized void stop() {
    if (consumer != null) {
      if (!consumer.stop(properties.block().plus(Duration.ofSeconds(10)))) {
        log.warn(
            "the policy capture did not stop in time; its pending entries are reclaimed later");
      }
      consumer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return consumer != null;
  }
}
