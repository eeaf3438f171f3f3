package org.opengovdata.search.policy.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.opengovdata.search.policy.source.Policy;
import org.springframework.stereotype.Component;

/**
 * Loads many policies into one index (a rebuild, a benchmark): segments them on all cores in chunks
 * and sends them through the client's {@link BulkIngester} (batches of 500 documents or 5 MB, two
 * requests in flight), with the external version like single writes.
 */
@Component
public class PolicyBulkLoader {

  private static final int CHUNK = 256;

  private final ElasticsearchClient client;
  private final PolicyDocuments documents;

  public PolicyBulkLoader(ElasticsearchClient client, PolicyDocuments documents) {
    this.client = client;
    this.documents = documents;
  }

  /** Outcome of a load: documents written, skipped as already newer, failed (first reasons). */
  public record Result(long written, long alreadyNewer, long failed, List<String> failures) {}

  /**
   * Writes every policy of the stream into {@code index}.
   *
   * @param progress called with the number of documents acknowledged so far
   */
  public Result load(String index, Stream<Policy> policies, LongConsumer progress)
      throws InterruptedException {
    AtomicLong written = new AtomicLong();
    AtomicLong newer = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    BulkListener<Void> listener =
        new BulkListener<>() {
          @Override
          public void beforeBulk(long executionId, BulkRequest request, List<Void> contexts) {}

          @Override
          public void afterBulk(
              long executionId, BulkRequest request, List<Void> contexts, BulkResponse response) {
            for (BulkResponseItem item : response.items()) {
              if (item.error() == null) {
                written.incrementAndGet();
              } else if (item.status() == 409) {
                newer.incrementAndGet();
              } else {
                failed.incrementAndGet();
                if (failures.size() < 10) {
                  failures.add(item.id() + ": " + item.error().reason());
                }
              }
            }
            progress.accept(written.get() + newer.get() + failed.get());
          }

          @Override
          public void afterBulk(
              long executionId, BulkRequest request, List<Void> contexts, Throwable failure) {
            failed.addAndGet(request.operations().size());
            if (failures.size() < 10) {
              failures.add("bulk request failed: " + failure.getMessage());
            }
            progress.accept(written.get() + newer.get() + failed.get());
          }
        };
    ForkJoinPool segmenters = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    BulkIngester<Void> ingester =
        BulkIngester.of(
            b ->
                b.client(client)
                    .maxOperations(500)
                    .maxSize(5L * 1024 * 1024)
                    .maxConcurrentRequests(2)
                    .listener(listener));
    try {
      Iterator<Policy> iterator = policies.iterator();
      List<Policy> chunk = new ArrayList<>(CHUNK);
      while (iterator.hasNext()) {
        chunk.add(iterator.next());
        if (chunk.size() == CHUNK || !iterator.hasNext()) {
          List<Policy> batch = List.copyOf(chunk);
          chunk.clear();
          List<PolicyDocument> mapped =
              segmenters
                  .submit(() -> batch.parallelStream().map(documents::toDocument).toList())
                  .join();
          mapped.forEach(
              d ->
                  ingester.add(
                      BulkOperation.of(
                          op ->
                              op.index(
                                  i ->
                                      i.index(index)
                                          .id(d.id())
                                          .version(d.version())
                                          .versionType(VersionType.External)
                                          .document(d)))));
          if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
          }
        }
      }
    } finally {
      ingester.close();
      segmenters.shutdown();
      segmenters.awaitTermination(10, TimeUnit.SECONDS);
    }
    return new Result(written.get(), newer.get(), failed.get(), List.copyOf(failures));
  }
}
