package org.opengovdata.gateway.web;

import java.util.concurrent.atomic.AtomicLong;
import org.opengovdata.common.problem.ProblemType;
import org.opengovdata.common.problem.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 413 problem+json for a body over its route's limit: at once when {@code Content-Length} says so,
 * and while streaming when the client sends the body chunked.
 */
@Component
@Order(FilterOrder.BODY_LIMIT)
class BodyLimitWebFilter implements WebStage {

  private final BodyLimits limits;
  private final ProblemResponses problems;

  BodyLimitWebFilter(BodyLimits limits, ProblemResponses problems) {
    this.limits = limits;
    this.problems = problems;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    long declared = request.getHeaders().getContentLength();
    // a read without Content-Length or Transfer-Encoding has no body to count (HTTP/1.1 §6.3):
    // nearly every request, answered before the path is matched against the limits' patterns
    if (declared == 0
        || (declared < 0
            && HttpMethod.GET.equals(request.getMethod())
            && !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING))) {
      return chain.filter(exchange);
    }
    long limit = limits.limitFor(request.getPath().value());
    if (declared > limit) {
      return problems.write(
          exchange,
          Problems.of(
              ProblemType.PAYLOAD_TOO_LARGE, new PayloadTooLargeException(limit).getMessage()),
          new HttpHeaders());
    }
    if (declared >= 0) {
      return chain.filter(exchange);
    }
    ServerHttpRequest counted =
        new ServerHttpRequestDecorator(request) {
          private final AtomicLong seen = new AtomicLong();

          @Override
          public Flux<DataBuffer> getBody() {
            return super.getBody()
                .doOnNext(
                    buffer -> {
                      if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        throw new PayloadTooLargeException(limit);
                      }
                    });
          }
        };
    return chain.filter(exchange.mutate().request(counted).build());
  }
}
