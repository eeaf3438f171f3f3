package org.opengovdata.common.redis;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;

/** The services' Redis client (Jedis), built from {@code opendata.redis.*} / {@code REDIS_URL}. */
@AutoConfiguration
@ConditionalOnClass(JedisPooled.class)
@EnableConfigurationProperties(RedisProperties.class)
public class JedisAutoConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  JedisPooled jedis(RedisProperties properties) {
    var url = properties.url();
    int timeoutMillis = Math.toIntExact(properties.timeout().toMillis());
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(timeoutMillis)
            .socketTimeoutMillis(timeoutMillis)
            .ssl("rediss".equals(url.getScheme()));
    String userInfo = url.getUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      if (colon < 0) {
        config.password(userInfo);
      } else {
        if (colon > 0) {
          config.user(userInfo.substring(0, colon));
        }
        config.password(userInfo.substring(colon + 1));
      }
    }
    String path = url.getPath();
    if (path != null && path.length() > 1) {
      config.database(Integer.parseInt(path.substring(1)));
    }
    JedisClientConfig clientConfig = config.build();
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(properties.maxConnections());
    pool.setMaxWait(properties.timeout());
    int port = url.getPort() > 0 ? url.getPort() : 6379;
    return new JedisPooled(pool, new HostAndPort(url.getHost(), port), clientConfig);
  }

  @Bean
  @ConditionalOnMissingBean(name = "redisHealthIndicator")
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  RedisHealthIndicator redisHealthIndicator(JedisPooled jedis) {
    return new RedisHealthIndicator(jedis);
  }
}
