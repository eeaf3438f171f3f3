package org.opengovdata.catalog.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class CatalogCacheTest {

  @Test
  void anUnreachableRedisMeansComputingEveryTimeNeverAnError() {
    try (JedisPooled closedPort =
        new JedisPooled(
            new HostAndPort("127.0.0.1", 1),
            DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(200)
                .socketTimeoutMillis(200)
                .build())) {
      CatalogCache cache = new CatalogCache(closedPort, JsonMapper.builder().build());
      AtomicInteger computed = new AtomicInteger();
      for (int i = 0; i < 3; i++) {
        Long value =
            cache.get(
                "test",
                "stamp",
                "key",
                new TypeReference<Long>() {},
                () -> (long) computed.incrementAndGet());
        assertThat(value).isEqualTo(i + 1L);
      }
      assertThat(computed).hasValue(3);
    }
  }
}
