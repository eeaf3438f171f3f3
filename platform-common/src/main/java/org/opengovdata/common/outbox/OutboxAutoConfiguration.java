package org.opengovdata.common.outbox;

import org.opengovdata.common.redis.JedisAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.JedisPooled;

/**
 * The shared outbox for a service that sets {@code opendata.outbox.enabled=true}: the writer
 * ({@link OutboxEvents}) and the one relay ({@link OutboxRelay}), started with the application.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"
    },
    after = JedisAutoConfiguration.class)
@ConditionalOnClass({JdbcClient.class, JedisPooled.class})
@ConditionalOnProperty(name = "opendata.outbox.enabled", havingValue = "true")
@EnableConfigurationProperties(OutboxRelaySettings.class)
public class OutboxAutoConfiguration {

  @Bean
  OutboxRelay outboxRelay(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      JedisPooled redis,
      OutboxRelaySettings settings) {
    return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), redis, settings);
  }

  @Bean
  OutboxEvents outboxEvents(JdbcClient jdbc, ObjectProvider<OutboxRelay> relay) {
    return new OutboxEvents(jdbc, () -> relay.ifAvailable(OutboxRelay::wakeUp));
  }
}
