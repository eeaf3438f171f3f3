package org.opengovdata.gateway.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.opengovdata.common.security.KeyScope;
import org.opengovdata.common.security.Role;
import org.opengovdata.gateway.caller.ApiKey;
import org.opengovdata.gateway.caller.RouteGroup;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Key records in Redis (as Tyk keeps them; production Redis runs with persistence).
 *
 * <pre>
 * gateway:key:{id}         hash   the record (no secret)
 * gateway:keyhash:{sha256} string the id of the key with that hash; deleted on revocation
 * gateway:keys             zset   every id, scored by creation time
 * gateway:keys:active      zset   ids not revoked
 * </pre>
 */
@Component
class ApiKeyStore {

  private static final String RECORD = "gateway:key:";
  private static final String BY_HASH = "gateway:keyhash:";
  private static final String ALL = "gateway:keys";
  private static final String ACTIVE = "gateway:keys:active";
  private static final String LIMIT_FIELD = "limit.";
  private static final Duration MANAGEMENT_TIMEOUT = Duration.ofSeconds(2);

  private final ReactiveStringRedisTemplate redis;
  private final Duration timeout;

  ApiKeyStore(ReactiveStringRedisTemplate redis, GatewaySecurityProperties properties) {
    this.redis = redis;
    this.timeout = properties.redisTimeout();
  }

  Mono<Void> save(ApiKey key, String hash) {
    Map<String, String> fields = new HashMap<>();
    fields.put("id", key.id());
    fields.put("name", key.name());
    fields.put("owner", key.owner());
    fields.put(
        "roles", key.roles().stream().map(Role::claimValue).collect(Collectors.joining(",")));
    fields.put("createdAt", key.createdAt().toString());
    fields.put("revoked", Boolean.toString(key.revoked()));
    fields.put("hash", hash);
    key.limits().forEach((group, limit) -> fields.put(LIMIT_FIELD + group.key(), limit.toString()));
    fields.put("scopeRegions", String.join(",", key.scope().regions()));
    fields.put("scopeDatasets", String.join(",", key.scope().datasets()));
    double score = key.createdAt().toEpochMilli();
    return redis
        .opsForHash()
        .putAll(RECORD + key.id(), fields)
        .then(redis.opsForValue().set(BY_HASH + hash, key.id()))
        .then(redis.opsForZSet().add(ALL, key.id(), score))
        .then(redis.opsForZSet().add(ACTIVE, key.id(), score))
        .transform(this::guarded)
        .then();
  }

  Mono<ApiKey> findById(String id) {
    return redis
        .<String, String>opsForHash()
        .entries(RECORD + id)
        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
        .filter(fields -> !fields.isEmpty())
        .map(ApiKeyStore::toKey)
        .transform(this::fast);
  }

  Mono<ApiKey> findByHash(String hash) {
    return redis.opsForValue().get(BY_HASH + hash).transform(this::fast).flatMap(this::findById);
  }

  Mono<String> hashOf(String id) {
    return redis.<String, String>opsForHash().get(RECORD + id, "hash").transform(this::guarded);
  }

  /** Replaces the hash a key is found by (the bootstrap admin key after ADMIN_API_KEY changed). */
  Mono<Void> rehash(String id, String oldHash, String newHash) {
    Mono<Boolean> dropOld =
        oldHash == null ? Mono.just(true) : redis.delete(BY_HASH + oldHash).thenReturn(true);
    return dropOld
        .then(redis.opsForHash().put(RECORD + id, "hash", newHash))
        .then(redis.opsForValue().set(BY_HASH + newHash, id))
        .transform(this::guarded)
        .then();
  }

  Mono<Page> list(int page, int size, boolean includeRevoked) {
    String index = includeRevoked ? ALL : ACTIVE;
    long start = (long) page * size;
    Mono<Long> total = redis.opsForZSet().size(index);
    Mono<List<ApiKey>> keys =
        redis
            .opsForZSet()
            .reverseRange(index, Range.closed(start, start + size - 1))
            .concatMap(this::findById)
            .collectList();
    return Mono.zip(total, keys).map(t -> new Page(t.getT2(), t.getT1())).transform(this::guarded);
  }

  Mono<Boolean> revoke(String id, Instant at) {
    return findById(id)
        .flatMap(
            key ->
                hashOf(id)
                    .flatMap(hash -> redis.delete(BY_HASH + hash))
                    .then(
                        redis
                            .opsForHash()
                            .putAll(
                                RECORD + id, Map.of("revoked", "true", "revokedAt", at.toString())))
                    .then(redis.opsForZSet().remove(ACTIVE, id))
                    .thenReturn(true))
        .defaultIfEmpty(false)
        .transform(this::guarded);
  }

  Mono<Void> touch(String id, Instant at) {
    return redis
        .opsForHash()
        .put(RECORD + id, "lastUsedAt", at.toString())
        .transform(this::guarded)
        .then();
  }

  record Page(List<ApiKey> keys, long total) {}

  /**
   * Bounds a Redis call on the request path. Lettuce may block while (re)connecting, so calls start
   * on the bounded-elastic scheduler: a hung Redis then costs {@code redisTimeout}, never a stalled
   * event loop.
   */
  private <T> Mono<T> fast(Mono<T> call) {
    return call.subscribeOn(Schedulers.boundedElastic()).timeout(timeout);
  }

  /** Bounds a key-management call: slower is fine, hanging is not. */
  private <T> Mono<T> guarded(Mono<T> call) {
    return call.subscribeOn(Schedulers.boundedElastic()).timeout(MANAGEMENT_TIMEOUT);
  }

  private static ApiKey toKey(Map<String, String> fields) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String value : fields.getOrDefault("roles", "").split(",")) {
      Role.fromClaim(value.trim()).ifPresent(roles::add);
    }
    Map<RouteGroup, Integer> limits = new EnumMap<>(RouteGroup.class);
    for (RouteGroup group : RouteGroup.values()) {
      String limit = fields.get(LIMIT_FIELD + group.key());
      if (limit != null) {
        limits.put(group, Integer.valueOf(limit));
      }
    }
    return new ApiKey(
        fields.get("id"),
        fields.get("name"),
        fields.get("owner"),
        roles,
        limits,
        KeyScope.of(list(fields.get("scopeRegions")), list(fields.get("scopeDatasets"))),
        instant(fields.get("createdAt")),
        instant(fields.get("lastUsedAt")),
        Boolean.parseBoolean(fields.get("revoked")),
        instant(fields.get("revokedAt")));
  }

  /** A comma-separated field; absent (keys created before scopes existed) = empty. */
  private static List<String> list(String value) {
    return value == null || value.isBlank() ? List.of() : List.of(value.split(","));
  }

  private static Instant instant(String value) {
    return value == null ? null : Instant.parse(value);
  }
}
