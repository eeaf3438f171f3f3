package org.opengovdata.common.info;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET {base}/info} and {@code GET {base}/admin/whoami} of every servlet service: one
 * controller, generated from {@code platform.yaml}, under the service's {@code
 * opendata.api.base-path}.
 */
@AutoConfiguration(after = ServiceInfoAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnBean(ServiceInfoProvider.class)
@EnableConfigurationProperties(ApiProperties.class)
public class PlatformEndpointsAutoConfiguration {

  @Bean
  PlatformEndpointsController platformEndpointsController(
      ServiceInfoProvider info, JsonMapper json) {
    return new PlatformEndpointsController(info, json);
  }

  @Bean
  WebMvcConfigurer platformEndpointsBasePath(ApiProperties api) {
    return new WebMvcConfigurer() {
      @Override
      public void configurePathMatch(PathMatchConfigurer configurer) {
        configurer.addPathPrefix(
            api.basePath(),
            HandlerTypePredicate.forAssignableType(PlatformEndpointsController.class));
      }
    };
  }
}
