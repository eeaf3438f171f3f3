package org.opengovdata.gateway.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opengovdata.common.security.KeyScope;
import org.opengovdata.common.security.Role;
import org.opengovdata.gateway.caller.ApiKey;
import org.opengovdata.gateway.caller.RouteGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Issuing, finding and revoking API keys. A key in use is served from the local cache and refreshed
 * from Redis in the background every {@code keyRefreshInterval} (1 s), so requests do not wait on
 * Redis; a cache entry older than {@code keyCacheTtl} (3 s) is not trusted without asking Redis
 * again, which bounds how long a revoked key keeps working on any gateway instance even if the
 * refresher falls behind. When Redis cannot be reached a cached key keeps working for {@code
 * staleKeyGrace}.
 */
@Service
public class ApiKeys implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
  static final String BOOTSTRAP_ADMIN_ID = "key_bootstrap_admin";
  private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
  private static final int PRUNE_ABOVE = 10_000;

  private final ApiKeyStore store;
  private final GatewaySecurityProperties properties;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();
  private final Set<String> revalidating = ConcurrentHashMap.newKeySet();

  /** Lookups of keys not in the cache, under way, shared by the requests that wait for them. */
  private final Map<String, Mono<Lookup>> inFlight = new ConcurrentHashMap<>();

  private volatile ScheduledExecutorService refresher;

  ApiKeys(ApiKeyStore store, GatewaySecurityProperties properties, Clock clock) {
    this.store = store;
    this.properties = properties;
    this.clock = clock;
  }

  /** A new key and its record; the key is returned here and never again. */
  public record Issued(ApiKey record, String key) {}

  /** What a presented key turned out to be. */
  public sealed interface Lookup {
    record Valid(ApiKey key) implements Lookup {}

    record Invalid() implements Lookup {}

    /** Redis could not be asked and the key was not in the local cache. */
    record Unverifiable() implements Lookup {}
  }

  public Mono<Issued> issue(
      String name, String owner, Set<Role> roles, Map<RouteGroup, Integer> limits, KeyScope scope) {
    String key = KeySecrets.newKey();
    ApiKey record =
        new ApiKey(
            KeySecrets.newId(),
            name,
            owner,
            Set.copyOf(roles),
            Map.copyOf(limits),
            scope,
            clock.instant(),
            null,
            false,
            null);
    return store.save(record, KeySecrets.hash(key)).thenReturn(new Issued(record, key));
  }

  public Mono<Lookup> authenticate(String presented) {
    if (bootstrapAdmin().filter(admin -> KeySecrets.sameKey(admin, presented)).isPresent()) {
      return Mono.just(new Lookup.Valid(bootstrapRecord()));
    }
    if (presented == null || !presented.startsWith(KeySecrets.KEY_PREFIX)) {
      return Mono.just(new Lookup.Invalid());
    }
    String hash = KeySecrets.hash(presented);
    Instant now = clock.instant();
    Cached cached = cache.get(hash);
    if (cached != null && cached.fetchedAt().plus(properties.staleKeyGrace()).isAfter(now)) {
      cached.usedAt = now;
      if (!cached.fetchedAt().plus(properties.keyCacheTtl()).isAfter(now)) {
        // the refresher fell behind (Redis slow or down): ask again, without making anyone wait
        revalidate(hash);
      }
      return Mono.just(cached.lookup());
    }
    // one lookup per key at a time: the first requests of a key not in the cache (a client
    // opening 200 connections at once) share it, instead of 200 Redis lookups racing their time
    // limit and each logging its failure
    return inFlight.computeIfAbsent(hash, first -> firstLookup(first, now));
  }

  private Mono<Lookup> firstLookup(String hash, Instant now) {
    return lookUp(hash)
        .doOnNext(lookup -> remember(hash, lookup, now))
        .doOnNext(lookup -> touch(lookup, now))
        .onErrorResume(
            error -> {
              log.warn("API key lookup failed ({}); the key cannot be verified", error.toString());
              return Mono.just(new Lookup.Unverifiable());
            })
        .doFinally(signal -> inFlight.remove(hash))
        .cache();
  }

  private Mono<Lookup> lookUp(String hash) {
    return store
        .findByHash(hash)
        .map(key -> key.revoked() ? (Lookup) new Lookup.Invalid() : new Lookup.Valid(key))
        .defaultIfEmpty(new Lookup.Invalid());
  }

  /** Keeps "last used" (written at most once a minute) current for keys served from the cache. */
  private void touchIfUsedLately(String hash, Lookup lookup, Instant now) {
    Cached cached = cache.get(hash);
    if (cached != null
        && cached.usedAt.isAfter(now.minus(properties.keyRefreshInterval().multipliedBy(2)))) {
      touch(lookup, now);
    }
  }

  /** One background lookup per key at a time; its answer replaces (or removes) the entry. */
  private void revalidate(String hash) {
    if (revalidating.add(hash)) {
      lookUp(hash)
          .doFinally(signal -> revalidating.remove(hash))
          .subscribe(
              lookup -> remember(hash, lookup, clock.instant()),
              error -> log.debug("key revalidation failed: {}", error.toString()));
    }
  }

  public Mono<ApiKey> find(String id) {
    return store.findById(id);
  }

  public Mono<ApiKeyStore.Page> list(int page, int size, boolean includeRevoked) {
    return store.list(page, size, includeRevoked);
  }

  /** Revokes; every gateway instance stops accepting the key within {@code keyCacheTtl}. */
  public Mono<Boolean> revoke(String id) {
    return store.revoke(id, clock.instant());
  }

  /** Makes sure the bootstrap admin key is listed and findable through Redis. */
  Mono<Void> registerBootstrapAdmin() {
    return bootstrapAdmin()
        .map(
            key -> {
              String hash = KeySecrets.hash(key);
              return store
                  .hashOf(BOOTSTRAP_ADMIN_ID)
                  .defaultIfEmpty("")
                  .flatMap(
                      oldHash -> {
                        if (oldHash.isEmpty()) {
                          return store.save(bootstrapRecord(), hash);
                        }
                        return oldHash.equals(hash)
                            ? Mono.<Void>empty()
                            : store.rehash(BOOTSTRAP_ADMIN_ID, oldHash, hash);
                      });
            })
        .orElse(Mono.empty());
  }

  private Optional<String> bootstrapAdmin() {
    String key = properties.adminApiKey();
    return key == null || key.isBlank() ? Optional.empty() : Optional.of(key);
  }

  private ApiKey bootstrapRecord() {
    return new ApiKey(
        BOOTSTRAP_ADMIN_ID,
        "bootstrap admin (ADMIN_API_KEY)",
        "operator@localhost",
        EnumSet.of(Role.ADMIN),
        Map.of(),
        KeyScope.UNRESTRICTED,
        Instant.EPOCH,
        null,
        false,
        null);
  }

  /**
   * Only valid keys are cached: anyone can present endless invented keys, and caching those would
   * let them fill the heap. Entries older than the stale grace are useless and are dropped.
   */
  private void remember(String hash, Lookup lookup, Instant now) {
    if (lookup instanceof Lookup.Valid) {
      Cached previous = cache.get(hash);
      Cached fresh = new Cached(lookup, now);
      fresh.usedAt = previous == null ? now : previous.usedAt;
      cache.put(hash, fresh);
    } else {
      cache.remove(hash);
    }
    if (cache.size() > PRUNE_ABOVE) {
      Instant oldest = now.minus(properties.staleKeyGrace());
      cache.values().removeIf(cached -> cached.fetchedAt().isBefore(oldest));
    }
  }

  /** Records use at most once a minute per key, off the request path. */
  private void touch(Lookup lookup, Instant now) {
    if (lookup instanceof Lookup.Valid valid) {
      String id = valid.key().id();
      Instant previous = lastTouched.get(id);
      if (previous == null || previous.plus(TOUCH_INTERVAL).isBefore(now)) {
        lastTouched.put(id, now);
        store.touch(id, now).onErrorResume(e -> Mono.empty()).subscribe();
      }
    }
  }

  /**
   * Re-reads every key used within {@code staleKeyGrace} from Redis: revoked keys leave the cache,
   * the others stay fresh, so requests with them never wait for Redis. Keys not used for that long
   * are dropped and looked up again when they return.
   */
  void refreshCache() {
    Instant now = clock.instant();
    Instant idleSince = now.minus(properties.staleKeyGrace());
    cache.entrySet().removeIf(entry -> entry.getValue().usedAt.isBefore(idleSince));
    try {
      Flux.fromIterable(List.copyOf(cache.keySet()))
          .flatMap(
              hash ->
                  lookUp(hash)
                      .doOnNext(lookup -> touchIfUsedLately(hash, lookup, now))
                      .doOnNext(lookup -> remember(hash, lookup, now))
                      .onErrorResume(
                          // Redis slow or down: the entry ages, and past keyCacheTtl requests
                          // revalidate it themselves
                          unreachable -> {
                            log.debug("key cache refresh failed: {}", unreachable.toString());
                            return Mono.empty();
                          }),
              16)
          .then()
          .block(properties.keyRefreshInterval().plus(properties.redisTimeout()));
    } catch (RuntimeException slow) {
      log.debug("key cache refresh incomplete: {}", slow.toString());
    }
  }

  @Override
  public void start() {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "key-cache-refresh");
              thread.setDaemon(true);
              return thread;
            });
    long interval = properties.keyRefreshInterval().toMillis();
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            refreshCache();
          } catch (RuntimeException unexpected) {
            log.warn("key cache refresh failed", unexpected);
          }
        },
        interval,
        interval,
        TimeUnit.MILLISECONDS);
    refresher = executor;
  }

  @Override
  public void stop() {
    ScheduledExecutorService executor = refresher;
    refresher = null;
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return refresher != null;
  }

  /** A looked-up key; {@code usedAt} is written by requests, read by the refresher. */
  private static final class Cached {
    private final Lookup lookup;
    private final Instant fetchedAt;
    private volatile Instant usedAt;

    Cached(Lookup lookup, Instant fetchedAt) {
      this.lookup = lookup;
      this.fetchedAt = fetchedAt;
      this.usedAt = fetchedAt;
    }

    Lookup lookup() {
      return lookup;
    }

    Instant fetchedAt() {
      return fetchedAt;
    }
  }
}
