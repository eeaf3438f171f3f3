package org.opengovdata.search.policy.source;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where search reads policy documents from: the catalog, the source of truth. Events only say that
 * a policy changed; the indexer then fetches its current state here. {@link CatalogPolicySource}
 * implements it with the client generated from {@code catalog.yaml} ({@code GET
 * /api/v1/catalog/policies/{id}} and the published list), with timeouts and a circuit breaker.
 *
 * <p>Implementations throw {@link PolicySourceUnavailableException} when the catalog cannot be
 * reached (the event waits and is retried), never for a policy that does not exist.
 */
public interface PolicySource {

  /**
   * The current published state of a policy; empty when it does not exist or is not (or no longer)
   * published — the indexer then removes it from the index.
   */
  Optional<Policy> fetch(UUID id);

  /** How many policies {@link #streamPublished} will deliver (for progress), when known. */
  long countPublished();

  /**
   * Every published policy, for a full rebuild; lazily paged, so it may be large. The caller closes
   * the stream.
   */
  Stream<Policy> streamPublished();
}
