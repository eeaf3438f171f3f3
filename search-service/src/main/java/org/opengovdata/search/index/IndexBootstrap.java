package org.opengovdata.search.index;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Creates the indices and aliases at start-up when they are missing (never inside a client bean).
 * When Elasticsearch is not reachable yet the service still starts — readiness reports it — and
 * this keeps trying in the background.
 */
@Component
class IndexBootstrap implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(IndexBootstrap.class);

  private final SearchIndices indices;
  private final IndexProperties properties;
  private final Set<IndexKind> pending = EnumSet.allOf(IndexKind.class);
  private ScheduledExecutorService retries;
  private volatile boolean running;

  IndexBootstrap(SearchIndices indices, IndexProperties properties) {
    this.indices = indices;
    this.properties = properties;
  }

  @Override
  public void start() {
    running = true;
    if (!attempt()) {
      retries =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "index-bootstrap");
                t.setDaemon(true);
                return t;
              });
      long millis = properties.bootstrapRetry().toMillis();
      retries.scheduleWithFixedDelay(
          () -> {
            if (attempt()) {
              retries.shutdown();
            }
          },
          millis,
          millis,
          TimeUnit.MILLISECONDS);
    }
  }

  /** Whether every index exists now. */
  synchronized boolean attempt() {
    for (IndexKind kind : Set.copyOf(pending)) {
      try {
        indices.ensure(kind);
        pending.remove(kind);
      } catch (Exception e) {
        log.warn(
            "index {} not ready yet ({}); retrying every {}",
            indices.alias(kind),
            e.getMessage(),
            properties.bootstrapRetry());
      }
    }
    return pending.isEmpty();
  }

  public synchronized boolean done() {
    return pending.isEmpty();
  }

  @Override
  public void stop() {
    running = false;
    if (retries != null) {
      retries.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the indexer and the web server (which start in later phases). */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE + 1000;
  }
}
