package org.opengovdata.search.indexing;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.opengovdata.common.events.PlatformEvent;
import org.opengovdata.common.events.PoisonEntryException;
import org.opengovdata.common.events.RetryLaterException;
import org.opengovdata.common.events.StreamEntryHandler;
import org.opengovdata.search.cache.QueryCache;
import org.opengovdata.search.dataset.Dataset;
import org.opengovdata.search.dataset.DatasetIndex;
import org.opengovdata.search.dataset.DatasetSource;
import org.opengovdata.search.index.ElasticsearchErrors;
import org.opengovdata.search.policy.index.PolicyWriter;
import org.opengovdata.search.policy.source.Policy;
import org.opengovdata.search.policy.source.PolicySource;
import org.opengovdata.search.policy.source.PolicySourceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the indexer does with one event: fetch the policy's current state from the source and write
 * it (published, updated, repealed — a repealed policy stays findable, marked 废止 with its
 * replacement), or remove it when the source no longer publishes it. Idempotent through external
 * versioning, so replays and out-of-order delivery are harmless.
 */
public class SearchIndexer implements StreamEntryHandler.PlatformEventHandler {

  private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

  private final PolicySource policies;
  private final PolicyWriter writer;
  private final DatasetSource datasets;
  private final DatasetIndex datasetIndex;
  private final QueryCache cache;

  /**
   * @param policies null when no policy source is configured (policy events then wait)
   * @param datasets null when no dataset source is configured (dataset events are skipped; a
   *     rebuild catches up)
   */
  public SearchIndexer(
      PolicySource policies,
      PolicyWriter writer,
      DatasetSource datasets,
      DatasetIndex datasetIndex,
      QueryCache cache) {
    this.policies = policies;
    this.writer = writer;
    this.datasets = datasets;
    this.datasetIndex = datasetIndex;
    this.cache = cache;
  }

  @Override
  public void handle(PlatformEvent event) {
    switch (event.type()) {
      case PlatformEvent.POLICY_PUBLISHED,
          PlatformEvent.POLICY_UPDATED,
          PlatformEvent.POLICY_REPEALED ->
          indexPolicy(event);
      case PlatformEvent.DATASET_UPDATED -> indexDataset(event);
      default -> {
        // other services' events (datasets, archive) are not the policy index's business
      }
    }
  }

  private void indexDataset(PlatformEvent event) {
    if (datasets == null) {
      return;
    }
    Optional<Dataset> current;
    try {
      current = datasets.fetch(event.id());
    } catch (RuntimeException e) {
      throw new RetryLaterException("dataset source unavailable: " + e.getMessage(), e);
    }
    try {
      boolean changed =
          current.isPresent()
              ? datasetIndex.write(current.get())
              : datasetIndex.remove(event.id(), event.version());
      if (changed) {
        cache.invalidate();
      }
    } catch (IOException e) {
      throw new RetryLaterException("Elasticsearch unavailable: " + e.getMessage(), e);
    }
  }

  private void indexPolicy(PlatformEvent event) {
    if (policies == null) {
      throw new RetryLaterException("no policy source configured yet", null);
    }
    UUID id;
    try {
      id = UUID.fromString(event.id());
    } catch (IllegalArgumentException e) {
      throw new PoisonEntryException("policy id is not a UUID: " + event.id(), e);
    }
    Optional<Policy> current;
    try {
      current = policies.fetch(id);
    } catch (PolicySourceUnavailableException e) {
      throw new RetryLaterException("policy source unavailable: " + e.getMessage(), e);
    }
    try {
      boolean changed =
          current.isPresent()
              ? writer.write(current.get())
              : writer.remove(event.id(), event.version());
      if (changed) {
        cache.invalidate();
      }
      log.debug(
          "{} {} v{}: {}",
          event.type(),
          id,
          event.version(),
          changed ? "indexed" : "index already newer");
    } catch (IOException | ElasticsearchException e) {
      int status = ElasticsearchErrors.status(e);
      if (status == 0 || status == 429 || status >= 500) {
        throw new RetryLaterException("Elasticsearch unavailable or busy: " + e.getMessage(), e);
      }
      throw new IllegalStateException("Elasticsearch refused the write: " + e.getMessage(), e);
    }
  }
}
