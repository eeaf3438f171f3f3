package org.opengovdata.common.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
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

  /** Undecodable query strings are a 400 problem before anything reads a parameter. */
  @Bean
  FilterRegistrationBean<MalformedRequestFilter> malformedRequestFilter(JsonMapper json) {
    FilterRegistrationBean<MalformedRequestFilter> registration =
        new FilterRegistrationBean<>(new MalformedRequestFilter(json));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
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

  /** Tomcat's own error answers (before any servlet runs) as problem+json, not HTML. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(TomcatServletWebServerFactory.class)
  static class ContainerProblems {

    private static final String USER_DATA_LOGGING = "org.apache.juli.logging.UserDataHelper.CONFIG";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
      // Tomcat logs the first malformed request of each kind with a stack trace; the valve logs
      // one line per rejected request instead (an operator's own setting is kept)
      if (System.getProperty(USER_DATA_LOGGING) == null) {
        System.setProperty(USER_DATA_LOGGING, "NONE");
      }
      return factory ->
          factory.addContextCustomizers(
              context -> {
                if (context.getParent() instanceof StandardHost host) {
                  host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
              });
    }
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
