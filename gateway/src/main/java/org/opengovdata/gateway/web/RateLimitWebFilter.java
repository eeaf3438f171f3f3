package org.opengovdata.gateway.web;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import org.opengovdata.common.problem.ProblemType;
import org.opengovdata.common.problem.Problems;
import org.opengovdata.gateway.caller.CallerStatus;
import org.opengovdata.gateway.caller.RouteGroup;
import org.opengovdata.gateway.ratelimit.ClientAddress;
import org.opengovdata.gateway.ratelimit.DownloadSizes;
import org.opengovdata.gateway.ratelimit.RateLimitProperties;
import org.opengovdata.gateway.ratelimit.RateLimiter;
import org.opengovdata.gateway.ratelimit.RatePolicies;
import org.opengovdata.gateway.ratelimit.RatePolicy;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Applies the caller's limit to every {@code /api/} request and says so on every response: IETF
 * draft {@code RateLimit-Policy}/{@code RateLimit} plus {@code X-RateLimit-*}. Over the limit: 429
 * problem+json with {@code Retry-After}.
 *
 * <p>Settled when the answer's headers are in: a {@code 304 Not Modified} is given back (a client
 * that revalidates its copy costs nothing), and a dataset download is charged by its size ({@link
 * DownloadSizes}); the rate-limit headers then say what was finally counted.
 */
@Component
@Order(FilterOrder.RATE_LIMIT)
class RateLimitWebFilter implements WebStage {

  private final RatePolicies policies;
  private final RateLimiter limiter;
  private final DownloadSizes downloads;
  private final ProblemResponses problems;
  private final MeterRegistry meters;
  private final Set<String> trustedProxies;

  RateLimitWebFilter(
      RatePolicies policies,
      RateLimiter limiter,
      DownloadSizes downloads,
      ProblemResponses problems,
      MeterRegistry meters,
      RateLimitProperties properties) {
    this.policies = policies;
    this.limiter = limiter;
    this.downloads = downloads;
    this.problems = problems;
    this.meters = meters;
    this.trustedProxies = properties.trustedProxies();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (!request.getPath().value().startsWith("/api/")) {
      return chain.filter(exchange);
    }
    String path = request.getPath().value();
    RouteGroup classified = RouteGroup.of(request);
    boolean download = classified != RouteGroup.WRITE && DownloadSizes.isDownload(path);
    RouteGroup group = download ? downloads.expected(path) : classified;
    String client = ClientAddress.of(request, trustedProxies);
    RateLimiter.Decision decision = limiter.consume(policy(exchange, client, group));
    writeHeaders(exchange.getResponse().getHeaders(), decision);
    if (decision.allowed() && readsOnly(request)) {
      // only a read can be a 304 or a download; a write's answer is never settled
      ServerHttpResponse response = exchange.getResponse();
      response.beforeCommit(
          () -> {
            settle(exchange, client, path, download, decision);
            return Mono.empty();
          });
    }
    if (decision.allowed()) {
      return chain.filter(exchange);
    }
    meters.counter("gateway.ratelimit.rejected", "group", group.key()).increment();
    return tooManyRequests(exchange, decision);
  }

  private static boolean readsOnly(ServerHttpRequest request) {
    return HttpMethod.GET.equals(request.getMethod())
        || HttpMethod.HEAD.equals(request.getMethod());
  }

  private RatePolicy policy(ServerWebExchange exchange, String client, RouteGroup group) {
    // signups are counted per client IP whatever key is sent: a key must not buy fresh windows
    return group == RouteGroup.SIGNUP
        ? policies.forAnonymous(client, group)
        : CallerStatus.of(exchange)
            .authenticatedKey()
            .map(key -> policies.forKey(key, group))
            .orElseGet(() -> policies.forAnonymous(client, group));
  }

  /** Once the answer's status and headers are known: refund a 304, charge a download by size. */
  private void settle(
      ServerWebExchange exchange,
      String client,
      String path,
      boolean download,
      RateLimiter.Decision decision) {
    ServerHttpResponse response = exchange.getResponse();
    HttpStatusCode status = response.getStatusCode();
    if (status == null) {
      return;
    }
    if (status.value() == HttpStatus.NOT_MODIFIED.value()) {
      writeHeaders(response.getHeaders(), limiter.refund(decision));
      meters.counter("gateway.ratelimit.refunded", "reason", "not-modified").increment();
      return;
    }
    if (!download || status.value() != HttpStatus.OK.value()) {
      return;
    }
    RouteGroup actual = downloads.groupOf(path, response.getHeaders().getContentLength());
    if (actual != decision.policy().group()) {
      limiter.refund(decision);
      writeHeaders(response.getHeaders(), limiter.charge(policy(exchange, client, actual)));
    }
  }

  private Mono<Void> tooManyRequests(ServerWebExchange exchange, RateLimiter.Decision decision) {
    RatePolicy policy = decision.policy();
    ProblemDetail problem =
        Problems.of(
            ProblemType.RATE_LIMITED,
            "Rate limit of %d %s requests per %d s exceeded; retry in %d s.%s"
                .formatted(
                    policy.limit(),
                    policy.group().key(),
                    policy.window().toSeconds(),
                    decision.secondsToReset(),
                    CallerStatus.of(exchange).authenticatedKey().isPresent()
                        ? ""
                        : " An API key (POST /api/v1/keys) raises the limit."));
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.secondsToReset()));
    return problems.write(exchange, problem, headers);
  }

  /** draft-ietf-httpapi-ratelimit-headers (structured fields), and the common X- headers. */
  private static void writeHeaders(HttpHeaders headers, RateLimiter.Decision decision) {
    RatePolicy policy = decision.policy();
    String name = "\"" + policy.group().key() + "\"";
    headers.set(
        "RateLimit-Policy", name + ";q=" + policy.limit() + ";w=" + policy.window().toSeconds());
    headers.set(
        "RateLimit", name + ";r=" + decision.remaining() + ";t=" + decision.secondsToReset());
    headers.set("X-RateLimit-Limit", Integer.toString(policy.limit()));
    headers.set("X-RateLimit-Remaining", Long.toString(decision.remaining()));
    headers.set("X-RateLimit-Reset", Long.toString(decision.secondsToReset()));
  }
}
