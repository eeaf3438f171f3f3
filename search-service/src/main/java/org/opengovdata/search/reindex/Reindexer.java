package org.opengovdata.search.reindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ProblemType;
import org.opengovdata.search.cache.QueryCache;
import org.opengovdata.search.dataset.Dataset;
import org.opengovdata.search.dataset.DatasetIndex;
import org.opengovdata.search.dataset.DatasetSource;
import org.opengovdata.search.index.IndexKind;
import org.opengovdata.search.index.SearchIndices;
import org.opengovdata.search.jobs.Job;
import org.opengovdata.search.jobs.Jobs;
import org.opengovdata.search.policy.index.PolicyBulkLoader;
import org.opengovdata.search.policy.source.Policy;
import org.opengovdata.search.policy.source.PolicySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Full rebuild of the policy index with zero downtime: a new {@code policies-vN+1} is filled from
 * the source (changes arriving meanwhile are written to it too), then the alias moves to it in one
 * atomic step and the old index is dropped. Searches read the old index until the switch. A failed
 * rebuild deletes its half-built index and leaves the alias where it was.
 */
@Service
public class Reindexer implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(Reindexer.class);

  private final ElasticsearchClient client;
  private final SearchIndices indices;
  private final PolicyBulkLoader loader;
  private final ObjectProvider<PolicySource> policies;
  private final ObjectProvider<DatasetSource> datasets;
  private final DatasetIndex datasetIndex;
  private final QueryCache cache;
  private final Jobs jobs;
  private final Map<IndexKind, Job> running = new EnumMap<>(IndexKind.class);
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "reindex");
            t.setDaemon(true);
            return t;
          });

  public Reindexer(
      ElasticsearchClient client,
      SearchIndices indices,
      PolicyBulkLoader loader,
      ObjectProvider<PolicySource> policies,
      ObjectProvider<DatasetSource> datasets,
      DatasetIndex datasetIndex,
      QueryCache cache,
      Jobs jobs) {
    this.datasets = datasets;
    this.datasetIndex = datasetIndex;
    this.client = client;
    this.indices = indices;
    this.loader = loader;
    this.policies = policies;
    this.cache = cache;
    this.jobs = jobs;
  }

  /** Starts a rebuild; 409 while one of the same index runs, 503 without a source. */
  public synchronized Job start(IndexKind kind) {
    Job current = running.get(kind);
    if (current != null && current.state() == Job.State.RUNNING) {
      throw ApiException.conflict(
              "A rebuild of %s is already running (job %s)."
                  .formatted(kind.baseName(), current.id()))
          .with("jobId", current.id().toString());
    }
    if (kind == IndexKind.DATASETS) {
      DatasetSource datasetSource = datasets.getIfAvailable();
      if (datasetSource == null) {
        throw new ApiException(
            ProblemType.SERVICE_UNAVAILABLE,
            "No dataset source is configured, so there is nothing to rebuild from; the index is"
                + " left as it is.");
      }
      Job job = jobs.start("reindex-" + kind.baseName());
      running.put(kind, job);
      executor.execute(() -> rebuildDatasets(datasetSource, job));
      return job;
    }
    PolicySource source = policies.getIfAvailable();
    if (source == null) {
      throw new ApiException(
          ProblemType.SERVICE_UNAVAILABLE,
          "No policy source is configured, so there is nothing to rebuild from; the index is"
              + " left as it is.");
    }
    Job job = jobs.start("reindex-" + kind.baseName());
    running.put(kind, job);
    executor.execute(() -> rebuild(kind, source, job));
    return job;
  }

  private void rebuild(IndexKind kind, PolicySource source, Job job) {
    String index = null;
    try {
      index = indices.createNextVersion(kind);
      String target = index;
      client
          .indices()
          .putSettings(p -> p.index(target).settings(s -> s.refreshInterval(t -> t.time("-1"))));
      indices.startBuild(kind, index);
      job.total(source.countPublished());
      PolicyBulkLoader.Result result;
      try (Stream<Policy> all = source.streamPublished()) {
        result = loader.load(index, all, job::progress);
      }
      if (result.failed() > 0) {
        throw new IllegalStateException(
            "%d documents could not be indexed, e.g. %s"
                .formatted(result.failed(), result.failures()));
      }
      client
          .indices()
          .putSettings(p -> p.index(target).settings(s -> s.refreshInterval(t -> t.time("1s"))));
      client.indices().refresh(r -> r.index(target));
      String previous = indices.switchAlias(kind, index).orElse("none");
      cache.invalidate();
      job.succeed(
          "%s built with %d documents; alias %s switched from %s"
              .formatted(
                  index, result.written() + result.alreadyNewer(), indices.alias(kind), previous));
      log.info("rebuild of {} done: {}", kind.baseName(), job.detail().orElse(""));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abandon(kind, index, job, "interrupted by shutdown");
    } catch (IOException | RuntimeException e) {
      log.error("rebuild of {} failed", kind.baseName(), e);
      abandon(kind, index, job, e.getMessage());
    }
  }

  private void rebuildDatasets(DatasetSource source, Job job) {
    IndexKind kind = IndexKind.DATASETS;
    String index = null;
    try {
      index = indices.createNextVersion(kind);
      indices.startBuild(kind, index);
      long done = 0;
      try (Stream<Dataset> all = source.streamAll()) {
        for (Dataset dataset : (Iterable<Dataset>) all::iterator) {
          datasetIndex.writeTo(java.util.List.of(index), dataset);
          job.progress(++done);
        }
      }
      job.total(done);
      String target = index;
      client.indices().refresh(r -> r.index(target));
      String previous = indices.switchAlias(kind, index).orElse("none");
      cache.invalidate();
      job.succeed(
          "%s built with %d datasets; alias %s switched from %s"
              .formatted(index, done, indices.alias(kind), previous));
    } catch (IOException | RuntimeException e) {
      log.error("rebuild of datasets failed", e);
      abandon(kind, index, job, e.getMessage());
    }
  }

  private void abandon(IndexKind kind, String index, Job job, String reason) {
    if (index != null) {
      indices.abandonBuild(kind, index);
    }
    job.fail("rebuild failed, the index is unchanged: " + reason);
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
