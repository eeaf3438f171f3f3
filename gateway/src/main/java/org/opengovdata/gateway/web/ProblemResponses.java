package org.opengovdata.gateway.web;

import java.util.List;
import org.opengovdata.common.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes a problem+json response with the gateway's configured codecs (Jackson 3). */
@Component
public class ProblemResponses {

  private final ServerResponse.Context context;

  ProblemResponses(ServerCodecConfigurer codecs) {
    List<HttpMessageWriter<?>> writers = codecs.getWriters();
    this.context =
        new ServerResponse.Context() {
          @Override
          public List<HttpMessageWriter<?>> messageWriters() {
            return writers;
          }

          @Override
          public List<ViewResolver> viewResolvers() {
            return List.of();
          }
        };
  }

  public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, HttpHeaders extra) {
    Problems.complete(
        problem, RequestIdWebFilter.originalPathOf(exchange), RequestIdWebFilter.idOf(exchange));
    return ServerResponse.status(problem.getStatus())
        .headers(h -> h.addAll(extra))
        .headers(h -> closeIfBodyUnread(exchange, h))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(problem)
        .flatMap(response -> response.writeTo(exchange, context));
  }

  /**
   * A refusal written before the request's body was read (401, 403, 413, 429, …) closes the
   * connection (RFC 9112 §9.6): the client may still be sending a body nobody will read. A refusal
   * of a request without a body keeps the connection ({@code GatewayKeepAliveIntegrationTest}).
   */
  private static void closeIfBodyUnread(ServerWebExchange exchange, HttpHeaders headers) {
    HttpHeaders request = exchange.getRequest().getHeaders();
    if (request.getContentLength() > 0 || request.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
      headers.set(HttpHeaders.CONNECTION, "close");
    }
  }
}
