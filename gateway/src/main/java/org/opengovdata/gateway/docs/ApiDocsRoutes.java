package org.opengovdata.gateway.docs;

import static org.springframework.web.reactive.function.server.RequestPredicates.method;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * One place for the API documentation: the four specs at {@code /openapi/{service}.yaml} (copied
 * from the modules at build time, so they are exactly the contracts the code was generated from,
 * with {@code info.version} set to the build's version when served: {@link ServedSpecs}), Swagger
 * UI at {@code /docs}, and the site's icon at {@code /favicon.ico}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsRoutes {

  /** RFC 9512. */
  static final MediaType YAML = MediaType.parseMediaType("application/yaml");

  static final MediaType ICON = MediaType.parseMediaType("image/vnd.microsoft.icon");

  /** Without build information (a run outside Maven) the specs are served as written. */
  @Bean
  ServedSpecs servedSpecs(ObjectProvider<BuildProperties> build) {
    BuildProperties properties = build.getIfAvailable();
    return ServedSpecs.load("openapi/", properties == null ? null : properties.getVersion());
  }

  @Bean
  RouterFunction<ServerResponse> apiDocs(ServedSpecs specs) {
    return RouterFunctions.route()
        .GET("/docs", request -> ServerResponse.temporaryRedirect(URI.create("/docs/")).build())
        .GET(
            "/docs/",
            request ->
                ServerResponse.ok()
                    .contentType(MediaType.TEXT_HTML)
                    .bodyValue(new ClassPathResource("docs/index.html")))
        .GET(
            "/docs/init.js",
            request ->
                ServerResponse.ok()
                    .contentType(MediaType.parseMediaType("text/javascript"))
                    .bodyValue(new ClassPathResource("docs/init.js")))
        .route(
            read("/favicon.ico"),
            request ->
                ServerResponse.ok()
                    .contentType(ICON)
                    .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                    .bodyValue(new ClassPathResource("favicon/favicon.ico")))
        .route(read("/openapi/{file}"), specs::serve)
        .build();
  }

  /** GET, and HEAD (the same answer without a body), of one path. */
  private static RequestPredicate read(String pattern) {
    return path(pattern).and(method(HttpMethod.GET).or(method(HttpMethod.HEAD)));
  }
}
