package org.opengovdata.common.info;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/** The provider behind each service's {@code /info}; needs the actuator's health endpoint. */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration",
      "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
    })
@ConditionalOnClass(HealthEndpoint.class)
public class ServiceInfoAutoConfiguration {

  @Bean
  @ConditionalOnBean({HealthEndpoint.class, JsonMapper.class})
  ServiceInfoProvider serviceInfoProvider(
      Environment environment,
      ObjectProvider<BuildProperties> build,
      HealthEndpoint health,
      JsonMapper json) {
    String name = environment.getProperty("spring.application.name", "service");
    return new ServiceInfoProvider(name, build, health, json);
  }
}
