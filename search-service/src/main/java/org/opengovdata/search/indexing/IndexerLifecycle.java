package org.opengovdata.search.indexing;

import org.opengovdata.common.events.ConsumerLifecycle;
import org.opengovdata.common.events.StreamEntryHandler;
import org.opengovdata.search.cache.QueryCache;
import org.opengovdata.search.dataset.DatasetIndex;
import org.opengovdata.search.dataset.DatasetSource;
import org.opengovdata.search.policy.index.PolicyWriter;
import org.opengovdata.search.policy.source.PolicySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;

/**
 * Runs the indexer as member {@code consumer} of group {@code search-indexer} on {@code
 * opendata.events} while the service runs; stops it cleanly (the entry in progress completes)
 * before the Elasticsearch client closes. Without a {@link PolicySource} (the catalog source
 * disabled and no file) it does not consume: events wait in the stream, nothing is lost.
 */
@Component
class IndexerLifecycle extends ConsumerLifecycle {

  private static final Logger log = LoggerFactory.getLogger(IndexerLifecycle.class);

  private final IndexerProperties properties;
  private final ObjectProvider<PolicySource> sources;
  private final PolicyWriter writer;
  private final ObjectProvider<DatasetSource> datasetSources;
  private final DatasetIndex datasetIndex;
  private final QueryCache cache;

  IndexerLifecycle(
      JedisPooled redis,
      IndexerProperties properties,
      ObjectProvider<PolicySource> sources,
      PolicyWriter writer,
      ObjectProvider<DatasetSource> datasetSources,
      DatasetIndex datasetIndex,
      QueryCache cache) {
    super(redis, properties);
    this.properties = properties;
    this.sources = sources;
    this.writer = writer;
    this.datasetSources = datasetSources;
    this.datasetIndex = datasetIndex;
    this.cache = cache;
  }

  @Override
  protected StreamEntryHandler handler() {
    if (!properties.enabled()) {
      log.info("event indexer disabled (opendata.search.indexer.enabled=false)");
      return null;
    }
    PolicySource source = sources.getIfAvailable();
    if (source == null) {
      log.warn(
          "no policy source configured: the indexer does not consume {}; events wait there",
          properties.stream());
      return null;
    }
    return StreamEntryHandler.forPlatformEvents(
        new SearchIndexer(source, writer, datasetSources.getIfAvailable(), datasetIndex, cache));
  }

  @Override
  public int getPhase() {
    return Integer.MIN_VALUE + 2000;
  }
}
