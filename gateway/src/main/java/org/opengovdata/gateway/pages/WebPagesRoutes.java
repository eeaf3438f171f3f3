package org.opengovdata.gateway.pages;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The reference web pages built by the {@code web} module (a jar of files under {@code web/}): the
 * public portal at {@code /portal/}, its data pages at {@code /portal/data/} and the archivists'
 * console at {@code /console/}. The HTML pages are revalidated on every visit; the hashed assets
 * under {@code /assets/} never change under their name, so browsers keep them for a year.
 */
@Configuration(proxyBeanMethods = false)
class WebPagesRoutes {

  private static final CacheControl PAGE = CacheControl.noCache();
  private static final CacheControl HASHED_ASSET =
      CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic().immutable();

  @Bean
  RouterFunction<ServerResponse> webPages() {
    StaticFiles files = new StaticFiles("web/");
    return RouterFunctions.route()
        .GET("/portal", request -> redirect("/portal/"))
        .GET("/portal/", request -> files.serve(request, "portal/index.html", PAGE))
        .GET("/portal/document.html", request -> files.serve(request, "portal/document.html", PAGE))
        .GET("/portal/data", request -> redirect("/portal/data/"))
        .GET("/portal/data/", request -> files.serve(request, "portal/data/index.html", PAGE))
        .GET("/console", request -> redirect("/console/"))
        .GET("/console/", request -> files.serve(request, "console/index.html", PAGE))
        .GET(
            "/assets/{file}",
            request -> files.serve(request, "assets/" + request.pathVariable("file"), HASHED_ASSET))
        .build();
  }

  private static reactor.core.publisher.Mono<ServerResponse> redirect(String to) {
    return ServerResponse.permanentRedirect(URI.create(to)).build();
  }
}
