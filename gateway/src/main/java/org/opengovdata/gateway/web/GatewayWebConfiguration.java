package org.opengovdata.gateway.web;

import java.time.Clock;
import org.opengovdata.common.security.IdentityTokenProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Hooks;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityTokenProperties.class)
class GatewayWebConfiguration {

  private static final Logger DROPPED = LoggerFactory.getLogger("opendata.gateway.dropped");

  /**
   * An error that arrives after its subscriber gave up — typically a Redis call that failed after
   * its time-out had already answered the request locally — is expected here: one debug line, not
   * Reactor's default ERROR with a stack trace per request.
   */
  @Bean
  SmartInitializingSingleton quietDroppedErrors() {
    return () ->
        Hooks.onErrorDropped(
            error -> DROPPED.debug("error after the caller gave up: {}", error.toString()));
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
