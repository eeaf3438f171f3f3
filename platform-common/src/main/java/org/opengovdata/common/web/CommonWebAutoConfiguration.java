package org.opengovdata.common.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.AuthenticationEntryPoint;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every servlet service gets by depending on platform-common: request ids, one problem+json
 * error model (including Boot's {@code /error} path).
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
      "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"
    })
@ConditionalOnWebApplication(type = Type.SERVLET)
public class CommonWebAutoConfiguration {

  @Bean
  FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
    FilterRegistrationBean<RequestIdFilter> registration =
        new FilterRegistrationBean<>(new RequestIdFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  ProblemExceptionHandler problemExceptionHandler() {
    return new ProblemExceptionHandler();
  }

  @Bean
  ProblemErrorController problemErrorController() {
    return new ProblemErrorController();
  }

  /** 401 and 403 of Spring Security as problem+json (services only; the gateway is reactive). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(AuthenticationEntryPoint.class)
  static class SecurityProblems {

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(JsonMapper json) {
      return new ProblemSecurityHandlers(json);
    }
  }
}
