package org.opengovdata.common.params;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every servlet service refuses query parameters its operations do not declare (400). */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
public class QueryParametersAutoConfiguration {

  @Bean
  WebMvcConfigurer unknownQueryParametersAre400() {
    UnknownParameterInterceptor interceptor = new UnknownParameterInterceptor();
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor);
      }
    };
  }
}
