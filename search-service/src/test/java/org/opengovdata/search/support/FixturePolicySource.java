package org.opengovdata.search.support;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.opengovdata.search.policy.source.Policy;
import org.opengovdata.search.policy.source.PolicySource;
import org.opengovdata.search.policy.source.PolicySourceUnavailableException;

/**
 * The catalog as the indexer's tests see it: a set of published policies the test controls
 * (publish, update, withdraw, catalog down). Only the source is a stand-in; Elasticsearch and Redis
 * are real. The catalog source itself is tested over HTTP in {@code
 * CatalogPolicySourceIntegrationTest}.
 */
public class FixturePolicySource implements PolicySource {

  private final Map<UUID, Policy> published = new ConcurrentHashMap<>();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile boolean down;

  /** While down, every fetch fails as the catalog source does when the catalog is unreachable. */
  public void down(boolean down) {
    this.down = down;
  }

  /** Fetches refused while down. */
  public int refusedFetches() {
    return refused.get();
  }

  public void publish(Policy policy) {
    published.put(policy.id(), policy);
  }

  public void publishAll(Collection<Policy> policies) {
    policies.forEach(this::publish);
  }

  public void withdraw(UUID id) {
    published.remove(id);
  }

  public void clear() {
    published.clear();
  }

  @Override
  public Optional<Policy> fetch(UUID id) {
    if (down) {
      refused.incrementAndGet();
      throw new PolicySourceUnavailableException("catalog down (fixture)", null);
    }
    return Optional.ofNullable(published.get(id));
  }

  @Override
  public long countPublished() {
    return published.size();
  }

  @Override
  public Stream<Policy> streamPublished() {
    return published.values().stream().sorted(Comparator.comparing(Policy::id));
  }
}
