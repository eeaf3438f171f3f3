package org.opengovdata.gateway.pages;

import static org.springframework.web.reactive.function.server.RequestPredicates.method;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import java.net.URI;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

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
      CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

  @Bean
  RouterFunction<ServerResponse> webPages() {
    StaticFiles files = new StaticFiles("web/");
    return RouterFunctions.route()
        .route(read("/portal"), request -> redirect("/portal/"))
        .route(read("/portal/"), request -> files.serve(request, "portal/index.html", PAGE))
        .route(
            read("/portal/document.html"),
            request -> files.serve(request, "portal/document.html", PAGE))
        .route(read("/portal/data"), request -> redirect("/portal/data/"))
        .route(
            read("/portal/data/"), request -> files.serve(request, "portal/data/index.html", PAGE))
        .route(read("/console"), request -> redirect("/console/"))
        .route(read("/console/"), request -> files.serve(request, "console/index.html", PAGE))
        .route(
            read("/assets/{file}"),
            request -> files.serve(request, "assets/" + request.pathVariable("file"), HASHED_ASSET))
        .build();
  }

  /** GET, and HEAD (the same answer without a body), of one path. */
  private static RequestPredicate read(String pattern) {
    return path(pattern).and(method(HttpMethod.GET).or(method(HttpMethod.HEAD)));
  }

  private static Mono<ServerResponse> redirect(String to) {
    return ServerResponse.permanentRedirect(URI.create(to)).build();
  }
}
