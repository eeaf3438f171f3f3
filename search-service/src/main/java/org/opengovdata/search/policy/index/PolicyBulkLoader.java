package org.opengovdata.search.policy.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.apache.http.client.config.RequestConfig;
import org.elasticsearch.client.RequestOptions;
import org.opengovdata.search.index.ElasticsearchErrors;
import org.opengovdata.search.policy.source.Policy;
import org.springframework.stereotype.Component;

/**
 * Loads many policies into one index (a rebuild, a benchmark): segments them on all cores in chunks
 * of 500 and sends each chunk as one {@code _bulk} request, two in flight, with the external
 * version like single writes. A request that times out or meets a busy cluster (429, 5xx) is sent
 * again, up to five times with growing pauses — a rebuild on a shared, loaded cluster must not fail
 * on one slow answer; bulk requests get a 2-minute socket timeout instead of the searches' 10 s.
 */
@Component
public class PolicyBulkLoader {

  private static final int CHUNK = 500;
  private static final int ATTEMPTS = 5;

  private final ElasticsearchClient client;
  private final PolicyDocuments documents;

  public PolicyBulkLoader(ElasticsearchClient client, PolicyDocuments documents) {
    this.client =
        client.withTransportOptions(
            new RestClientOptions(
                RequestOptions.DEFAULT.toBuilder()
                    .setRequestConfig(
                        RequestConfig.custom()
                            .setConnectTimeout(5_000)
                            .setSocketTimeout(120_000)
                            .build())
                    .build(),
                false));
    this.documents = documents;
  }

  /** Outcome of a load: documents written, skipped as already newer, failed (first reasons). */
  public record Result(long written, long alreadyNewer, long failed, List<String> failures) {}

  /**
   * Writes every policy of the stream into {@code index}.
   *
   * @param progress called with the number of documents done (written, newer or failed) so far
   */
  public Result load(String index, Stream<Policy> policies, LongConsumer progress)
      throws InterruptedException {
    AtomicLong written = new AtomicLong();
    AtomicLong newer = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    ForkJoinPool segmenters = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    ExecutorService senders = Executors.newFixedThreadPool(2);
    Semaphore inFlight = new Semaphore(2);
    List<Future<?>> sent = new ArrayList<>();
    try {
      Iterator<Policy> iterator = policies.iterator();
      List<Policy> chunk = new ArrayList<>(CHUNK);
      while (iterator.hasNext()) {
        chunk.add(iterator.next());
        if (chunk.size() == CHUNK || !iterator.hasNext()) {
          List<Policy> batch = List.copyOf(chunk);
          chunk.clear();
          List<BulkOperation> operations =
              segmenters
                  .submit(
                      () ->
                          batch.parallelStream()
                              .map(documents::toDocument)
                              .map(d -> operation(index, d))
                              .toList())
                  .join();
          inFlight.acquire();
          sent.add(
              senders.submit(
                  () -> {
                    try {
                      send(operations, written, newer, failed, failures);
                      progress.accept(written.get() + newer.get() + failed.get());
                    } finally {
                      inFlight.release();
                    }
                    return null;
                  }));
        }
      }
      for (Future<?> future : sent) {
        future.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } finally {
      senders.shutdownNow();
      segmenters.shutdown();
      segmenters.awaitTermination(10, TimeUnit.SECONDS);
    }
    return new Result(written.get(), newer.get(), failed.get(), List.copyOf(failures));
  }

  private static BulkOperation operation(String index, PolicyDocument d) {
    return BulkOperation.of(
        op ->
            op.index(
                i ->
                    i.index(index)
                        .id(d.id())
                        .version(d.version())
                        .versionType(VersionType.External)
                        .document(d)));
  }

  private void send(
      List<BulkOperation> operations,
      AtomicLong written,
      AtomicLong newer,
      AtomicLong failed,
      List<String> failures)
      throws InterruptedException {
    List<BulkOperation> pending = operations;
    for (int attempt = 1; ; attempt++) {
      List<BulkOperation> retry = new ArrayList<>();
      try {
        List<BulkOperation> current = pending;
        BulkResponse response = client.bulk(b -> b.operations(current));
        for (int i = 0; i < response.items().size(); i++) {
          BulkResponseItem item = response.items().get(i);
          if (item.error() == null) {
            written.incrementAndGet();
          } else if (item.status() == 409) {
            newer.incrementAndGet();
          } else if (item.status() == 429 && attempt < ATTEMPTS) {
            retry.add(pending.get(i));
          } else {
            failed.incrementAndGet();
            if (failures.size() < 10) {
              failures.add(item.id() + ": " + item.error().reason());
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        int status = ElasticsearchErrors.status(e);
        boolean transientFailure = status == 0 || status == 429 || status >= 500;
        if (!transientFailure || attempt >= ATTEMPTS) {
          failed.addAndGet(pending.size());
          if (failures.size() < 10) {
            failures.add("bulk request failed after " + attempt + " attempts: " + e.getMessage());
          }
          return;
        }
        retry = pending;
      }
      if (retry.isEmpty()) {
        return;
      }
      pending = retry;
      Thread.sleep(500L << attempt);
    }
  }
}
