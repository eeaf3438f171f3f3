package org.opengovdata.search.reindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.opengovdata.common.jobs.Job;
import org.opengovdata.common.jobs.JobProgress;
import org.opengovdata.common.jobs.JobRunner;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ProblemType;
import org.opengovdata.search.cache.QueryCache;
import org.opengovdata.search.dataset.Dataset;
import org.opengovdata.search.dataset.DatasetIndex;
import org.opengovdata.search.dataset.DatasetSource;
import org.opengovdata.search.index.IndexKind;
import org.opengovdata.search.index.SearchIndices;
import org.opengovdata.search.policy.index.PolicyBulkLoader;
import org.opengovdata.search.policy.source.Policy;
import org.opengovdata.search.policy.source.PolicySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Full rebuild of an index with zero downtime, as a job of the platform's {@link JobRunner}: a new
 * {@code policies-vN+1} is filled from the source (changes arriving meanwhile are written to it
 * too), then the alias moves to it in one atomic step and the old index is dropped. Searches read
 * the old index until the switch. A failed rebuild deletes its half-built index and leaves the
 * alias where it was; the job fails with the reason. One rebuild per index at a time (409).
 */
@Service
public class Reindexer {

  private static final Logger log = LoggerFactory.getLogger(Reindexer.class);

  private final ElasticsearchClient client;
  private final SearchIndices indices;
  private final PolicyBulkLoader loader;
  private final ObjectProvider<PolicySource> policies;
  private final ObjectProvider<DatasetSource> datasets;
  private final DatasetIndex datasetIndex;
  private final QueryCache cache;
  private final JobRunner jobs;

  public Reindexer(
      ElasticsearchClient client,
      SearchIndices indices,
      PolicyBulkLoader loader,
      ObjectProvider<PolicySource> policies,
      ObjectProvider<DatasetSource> datasets,
      DatasetIndex datasetIndex,
      QueryCache cache,
      JobRunner jobs) {
    this.client = client;
    this.indices = indices;
    this.loader = loader;
    this.policies = policies;
    this.datasets = datasets;
    this.datasetIndex = datasetIndex;
    this.cache = cache;
    this.jobs = jobs;
  }

  /** Starts a rebuild; 409 while one of the same index runs, 503 without a source. */
  public Job start(IndexKind kind, String submittedBy) {
    String type = "reindex-" + kind.baseName();
    if (kind == IndexKind.DATASETS) {
      DatasetSource source = datasets.getIfAvailable();
      if (source == null) {
        throw noSource("dataset");
      }
      return jobs.submit(type, submittedBy, progress -> rebuildDatasets(source, progress));
    }
    PolicySource source = policies.getIfAvailable();
    if (source == null) {
      throw noSource("policy");
    }
    return jobs.submit(type, submittedBy, progress -> rebuildPolicies(source, progress));
  }

  private static ApiException noSource(String what) {
    return new ApiException(
        ProblemType.SERVICE_UNAVAILABLE,
        "No %s source is configured, so there is nothing to rebuild from; the index is left as it is."
            .formatted(what));
  }

  private void rebuildPolicies(PolicySource source, JobProgress progress) throws Exception {
    IndexKind kind = IndexKind.POLICIES;
    String index = indices.createNextVersion(kind);
    try {
      client
          .indices()
          .putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time("-1"))));
      indices.startBuild(kind, index);
      progress.total(source.countPublished());
      AtomicLong reported = new AtomicLong();
      PolicyBulkLoader.Result result;
      try (Stream<Policy> all = source.streamPublished()) {
        result =
            loader.load(
                index,
                all,
                done -> {
                  synchronized (reported) {
                    long delta = done - reported.get();
                    if (delta > 0) {
                      progress.advance(delta);
                      reported.set(done);
                    }
                  }
                });
      }
      if (result.failed() > 0) {
        throw new IllegalStateException(
            "%d documents could not be indexed, e.g. %s"
                .formatted(result.failed(), result.failures()));
      }
      client
          .indices()
          .putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time("1s"))));
      client.indices().refresh(r -> r.index(index));
      String previous = indices.switchAlias(kind, index).orElse("none");
      cache.invalidate();
      log.info(
          "rebuild of {}: {} built with {} documents, alias switched from {}",
          kind.baseName(),
          index,
          result.written() + result.alreadyNewer(),
          previous);
    } catch (Exception e) {
      indices.abandonBuild(kind, index);
      throw new IllegalStateException(
          "rebuild failed, the index is unchanged: " + e.getMessage(), e);
    }
  }

  private void rebuildDatasets(DatasetSource source, JobProgress progress) throws IOException {
    IndexKind kind = IndexKind.DATASETS;
    String index = indices.createNextVersion(kind);
    try {
      indices.startBuild(kind, index);
      long done = 0;
      try (Stream<Dataset> all = source.streamAll()) {
        for (Dataset dataset : (Iterable<Dataset>) all::iterator) {
          datasetIndex.writeTo(List.of(index), dataset);
          progress.advance(1);
          done++;
        }
      }
      progress.total(done);
      client.indices().refresh(r -> r.index(index));
      indices.switchAlias(kind, index);
      cache.invalidate();
    } catch (IOException | RuntimeException e) {
      indices.abandonBuild(kind, index);
      throw new IllegalStateException(
          "rebuild failed, the index is unchanged: " + e.getMessage(), e);
    }
  }
}
