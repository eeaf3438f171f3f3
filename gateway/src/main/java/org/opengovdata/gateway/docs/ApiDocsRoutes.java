package org.opengovdata.gateway.docs;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * One place for the API documentation: the four specs at {@code /openapi/{service}.yaml} (copied
 * from the modules at build time, so they are exactly the contracts the code was generated from)
 * and Swagger UI at {@code /docs}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsRoutes {

  /** RFC 9512. */
  static final MediaType YAML = MediaType.parseMediaType("application/yaml");

  @Bean
  RouterFunction<ServerResponse> apiDocs() {
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
        .build()
        .and(
            RouterFunctions.resources(
                "/openapi/**",
                new ClassPathResource("openapi/"),
                (resource, headers) -> {
                  String name = resource.getFilename();
                  if (name != null && name.endsWith(".yaml")) {
                    headers.setContentType(YAML); // not application/octet-stream
                  }
                }));
  }
}
