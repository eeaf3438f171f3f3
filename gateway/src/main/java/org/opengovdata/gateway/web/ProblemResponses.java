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
        .headers(h -> closeAfterRefusal(h))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(problem)
        .flatMap(response -> response.writeTo(exchange, context));
  }

  /**
   * Every refusal the gateway writes itself (401, 403, 404, 413, 429, …) closes the connection (RFC
   * 9112 §9.6). With a body, the unread body would otherwise be taken for the start of the next
   * request on a kept-alive connection, which then hangs until a read timeout. Without one, CI once
   * saw the same hang (the next request on the connection after a gateway-written 429 to a GET was
   * never read; root cause not found), so no refused connection is reused: a well-behaved client
   * seldom gets a refusal, and reconnecting costs it one handshake.
   */
  private static void closeAfterRefusal(HttpHeaders headers) {
    headers.set(HttpHeaders.CONNECTION, "close");
  }
}
