package org.opengovdata.common.events;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import redis.clients.jedis.JedisPooled;

/**
 * Runs one {@link StreamConsumer} while the service runs: starts after everything else, stops first
 * and lets the entry in progress complete (what is left pending is reclaimed later, by this or
 * another instance). A service subclasses it with its handler.
 */
public abstract class ConsumerLifecycle implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ConsumerLifecycle.class);

  private final JedisPooled redis;
  private final ConsumerConfiguration configuration;
  private StreamConsumer consumer;

  protected ConsumerLifecycle(JedisPooled redis, ConsumerConfiguration configuration) {
    this.redis = redis;
    this.configuration = configuration;
  }

  /** The handler of the stream's entries, or null not to consume (events then wait). */
  protected abstract StreamEntryHandler handler();

  @Override
  public synchronized void start() {
    StreamEntryHandler handler = handler();
    if (handler == null) {
      return;
    }
    consumer = new StreamConsumer(redis, configuration.settings(), handler);
    consumer.start();
  }

  @Override
  public synchronized void stop() {
    if (consumer != null) {
      if (!consumer.stop(configuration.block().plus(Duration.ofSeconds(10)))) {
        log.warn(
            "group {} did not stop in time; its pending entries are reclaimed later",
            configuration.group());
      }
      consumer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return consumer != null;
  }
}
