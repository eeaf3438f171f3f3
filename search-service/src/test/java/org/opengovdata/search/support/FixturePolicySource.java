package org.opengovdata.search.support;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.opengovdata.search.policy.source.Policy;
import org.opengovdata.search.policy.source.PolicySource;

/**
 * The catalog as the tests see it until the catalog's policy API exists: a set of published
 * policies the test controls (publish, update, withdraw). Only the source is a stand-in;
 * Elasticsearch and Redis are real.
 */
public class FixturePolicySource implements PolicySource {

  private final Map<UUID, Policy> published = new ConcurrentHashMap<>();

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
