package org.opengovdata.search.policy.source;

import com.fasterxml.jackson.core.JacksonException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.opengovdata.client.catalog.CatalogClient;
import org.opengovdata.client.catalog.api.PoliciesApi;
import org.opengovdata.client.catalog.api.PoliciesApi.APIGetPolicyRequest;
import org.opengovdata.client.catalog.api.PoliciesApi.APIListPoliciesRequest;
import org.opengovdata.client.catalog.invoker.ApiException;
import org.opengovdata.client.catalog.model.PolicyList;
import org.opengovdata.client.catalog.model.PolicySummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog-service as the policy source, through the catalog's Java SDK ({@code
 * clients/catalog-client}): {@code GET /api/v1/catalog/policies/{id}} for one document, the
 * published list with its cursor for a rebuild. Asks anonymously, so the catalog shows published
 * documents only.
 *
 * <p>Every call goes through a Resilience4j circuit breaker. An I/O error, a time-out, a 429 or a
 * 5xx answer is a {@link PolicySourceUnavailableException} (the event waits and is retried) and
 * counts as a failure; when too many calls fail the breaker opens and calls fail at once, without
 * waiting for time-outs, until it lets a few through again. A 404 is an answer (the document is not
 * published: empty), not a failure. Any other answer (400, 401, an unreadable body) is a bug on one
 * side: an {@link IllegalStateException}, which uses up the event's deliveries.
 */
public class CatalogPolicySource implements PolicySource {

  private static final Logger log = LoggerFactory.getLogger(CatalogPolicySource.class);

  private final PoliciesApi policies;
  private final CircuitBreaker breaker;
  private final String catalog;
  private final int pageSize;

  public CatalogPolicySource(
      CatalogClient client, String catalog, CircuitBreaker breaker, int pageSize) {
    this.policies = client.policies();
    this.catalog = catalog;
    this.breaker = breaker;
    this.pageSize = pageSize;
  }

  /** The source as configured: SDK client with the time-outs, breaker with the thresholds. */
  public static CatalogPolicySource create(CatalogSourceProperties properties) {
    if (!StandardCharsets.UTF_8.equals(Charset.defaultCharset())) {
      // the generated native client decodes answers with the default charset
      log.error(
          "default charset is {}, not UTF-8: Chinese text from the catalog would be garbled;"
              + " run with -Dfile.encoding=UTF-8",
          Charset.defaultCharset());
    }
    CatalogClient client =
        CatalogClient.of(properties.url())
            .withTimeouts(properties.connectTimeout(), properties.readTimeout());
    CircuitBreaker breaker =
        CircuitBreaker.of(
            "catalog-policies",
            CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.slidingWindow())
                .minimumNumberOfCalls(properties.slidingWindow())
                .waitDurationInOpenState(properties.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordExceptions(PolicySourceUnavailableException.class)
                .build());
    return new CatalogPolicySource(
        client, properties.url().toString(), breaker, properties.pageSize());
  }

  public CircuitBreaker.State breakerState() {
    return breaker.getState();
  }

  @Override
  public Optional<Policy> fetch(UUID id) {
    String what = "GET /api/v1/catalog/policies/" + id;
    return call(
        what,
        () -> {
          try {
            return CatalogPolicies.toPolicy(
                policies.getPolicy(APIGetPolicyRequest.newBuilder().policyId(id).build()));
          } catch (ApiException e) {
            if (e.getCode() == 404) {
              return Optional.empty();
            }
            throw failure(what, e);
          }
        });
  }

  @Override
  public long countPublished() {
    PolicyList first = page(null, 1);
    return first.getMeta() == null || first.getMeta().getTotal() == null
        ? 0
        : first.getMeta().getTotal();
  }

  /**
   * Pages through the published list by cursor and fetches each document (the list has no body).
   */
  @Override
  public Stream<Policy> streamPublished() {
    Iterator<Policy> iterator =
        new Iterator<>() {
          private final Deque<UUID> ids = new ArrayDeque<>();
          private String cursor;
          private boolean last;
          private Policy next;

          @Override
          public boolean hasNext() {
            while (next == null) {
              if (ids.isEmpty()) {
                if (last) {
                  return false;
                }
                PolicyList page = page(cursor, pageSize);
                page.getData().stream().map(PolicySummary::getId).forEach(ids::add);
                cursor = page.getMeta() == null ? null : page.getMeta().getNextCursor();
                last = cursor == null;
                continue;
              }
              // withdrawn between the list and the fetch: skip it (its event removes it)
              next = fetch(ids.poll()).orElse(null);
            }
            return true;
          }

          @Override
          public Policy next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            Policy policy = next;
            next = null;
            return policy;
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  private PolicyList page(String cursor, int size) {
    String what = "GET /api/v1/catalog/policies?size=" + size + (cursor == null ? "" : "&cursor=…");
    return call(
        what,
        () -> {
          try {
            return policies.listPolicies(
                APIListPoliciesRequest.newBuilder().size(size).cursor(cursor).build());
          } catch (ApiException e) {
            throw failure(what, e);
          }
        });
  }

  private <T> T call(String what, Supplier<T> supplier) {
    try {
      return breaker.executeSupplier(supplier);
    } catch (CallNotPermittedException e) {
      throw new PolicySourceUnavailableException(
          "circuit breaker open after repeated failures of the catalog at "
              + catalog
              + "; "
              + what
              + " not tried",
          e);
    }
  }

  private RuntimeException failure(String what, ApiException e) {
    int code = e.getCode();
    if (code == 0 && e.getCause() instanceof JacksonException) {
      return new IllegalStateException(
          what + ": the catalog's answer is not a policy: " + e.getCause().getMessage(), e);
    }
    if (code == 0 || code == 429 || code >= 500) {
      String reason =
          code == 0
              ? String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause())
              : "answered " + code;
      return new PolicySourceUnavailableException(
          "catalog at " + catalog + " unavailable: " + what + " " + reason, e);
    }
    return new IllegalStateException(what + " answered " + code + ": " + e.getResponseBody(), e);
  }
}
