package org.opengovdata.search.indexing;

import java.time.Duration;
import org.opengovdata.common.events.StreamConsumer;
import org.opengovdata.common.events.StreamConsumerSettings;
import org.opengovdata.common.events.StreamEntryHandler;
import org.opengovdata.search.cache.QueryCache;
import org.opengovdata.search.dataset.DatasetIndex;
import org.opengovdata.search.dataset.DatasetSource;
import org.opengovdata.search.policy.index.PolicyWriter;
import org.opengovdata.search.policy.source.PolicySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;

/**
 * Runs the indexer as member {@code consumer} of group {@code search-indexer} on {@code
 * opendata.events} while the service runs; stops it cleanly (the entry in progress completes)
 * before the Elasticsearch client closes. Without a {@link PolicySource} (the catalog source
 * disabled and no file) it does not consume: events wait in the stream, nothing is lost.
 */
@Component
class IndexerLifecycle implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(IndexerLifecycle.class);

  private final JedisPooled redis;
  private final IndexerProperties properties;
  private final ObjectProvider<PolicySource> sources;
  private final PolicyWriter writer;
  private final ObjectProvider<DatasetSource> datasetSources;
  private final DatasetIndex datasetIndex;
  private final QueryCache cache;
  private StreamConsumer consumer;

  IndexerLifecycle(
      JedisPooled redis,
      IndexerProperties properties,
      ObjectProvider<PolicySource> sources,
      PolicyWriter writer,
      ObjectProvider<DatasetSource> datasetSources,
      DatasetIndex datasetIndex,
      QueryCache cache) {
    this.redis = redis;
    this.properties = properties;
    this.sources = sources;
    this.writer = writer;
    this.datasetSources = datasetSources;
    this.datasetIndex = datasetIndex;
    this.cache = cache;
  }

  @Override
  public synchronized void start() {
    if (!properties.enabled()) {
      log.info("event indexer disabled (opendata.search.indexer.enabled=false)");
      return;
    }
    PolicySource source = sources.getIfAvailable();
    if (source == null) {
      log.warn(
          "no policy source configured: the indexer does not consume {}; events wait there",
          properties.stream());
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
                new SearchIndexer(
                    source, writer, datasetSources.getIfAvailable(), datasetIndex, cache)));
    consumer.start();
  }

  @Override
  public synchronized void stop() {
    if (consumer != null) {
      if (!consumer.stop(properties.block().plus(Duration.ofSeconds(10)))) {
        log.warn("the indexer did not stop in time; its pending entries are reclaimed later");
      }
      consumer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return consumer != null;
  }

  /** After the indices exist; stopped before the web server and the clients go. */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE + 2000;
  }
}
