package org.opengovdata.gateway.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.opengovdata.common.web.RequestIds;
import org.opengovdata.gateway.caller.CallerStatus;
import org.opengovdata.gateway.keys.ApiKeys;
import org.opengovdata.gateway.keys.ApiKeys.Lookup;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Turns the presented API key ({@code X-API-Key}, or {@code api_key} for browser downloads) into
 * the caller's identity, and makes that the only identity a service ever sees: inbound {@code
 * Authorization} and identity headers are dropped, the key itself is never forwarded, and an
 * authenticated caller's request carries the key's identity token ({@link IdentityTokens}) instead.
 */
@Component
@Order(FilterOrder.AUTHENTICATION)
class ApiKeyAuthenticationFilter implements WebStage {

  static final String KEY_HEADER = "X-API-Key";
  static final String KEY_PARAMETER = "api_key";

  /** Headers a client could use to claim an identity; none of them pass the gateway. */
  private static final List<String> IDENTITY_HEADERS =
      List.of(
          HttpHeaders.AUTHORIZATION,
          KEY_HEADER,
          HttpHeaders.COOKIE,
          "X-Roles",
          "X-Role",
          "X-User",
          "X-User-Id",
          "X-Subject",
          "X-Forwarded-User",
          "X-Remote-User",
          "X-Auth-Request-User",
          "X-Auth-Request-Email");

  private final ApiKeys keys;
  private final IdentityTokens tokens;

  ApiKeyAuthenticationFilter(ApiKeys keys, IdentityTokens tokens) {
    this.keys = keys;
    this.tokens = tokens;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    String presented = request.getHeaders().getFirst(KEY_HEADER);
    if (presented == null) {
      presented = request.getQueryParams().getFirst(KEY_PARAMETER);
    }
    Mono<CallerStatus> status =
        presented == null || presented.isBlank()
            ? Mono.just(CallerStatus.anonymous())
            : keys.authenticate(presented.trim()).map(ApiKeyAuthenticationFilter::toStatus);
    return status.flatMap(
        caller -> {
          ServerWebExchange forwarded =
              exchange.mutate().request(relay(exchange, request, caller)).build();
          caller.storeIn(forwarded);
          return chain.filter(forwarded);
        });
  }

  /**
   * The one rewrite of the request the service gets: identity headers out, the gateway's identity
   * token, request id and trace context in, the key out of the query — one pass over the headers.
   */
  private ServerHttpRequest relay(
      ServerWebExchange exchange, ServerHttpRequest request, CallerStatus caller) {
    String requestId = exchange.getAttribute(RequestIdWebFilter.REPLACEMENT);
    String traceparent = exchange.getAttribute(TraceContextWebFilter.REPLACEMENT);
    String token = caller.authenticatedKey().map(tokens::forKey).orElse(null);
    ServerHttpRequest.Builder builder =
        request
            .mutate()
            .headers(
                headers -> {
                  IDENTITY_HEADERS.forEach(headers::remove);
                  if (requestId != null) {
                    headers.set(RequestIds.HEADER, requestId);
                  }
                  if (traceparent != null) {
                    headers.set(TraceContextWebFilter.HEADER, traceparent);
                  }
                  if (token != null) {
                    headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
                  }
                });
    if (request.getQueryParams().containsKey(KEY_PARAMETER)) {
      builder.uri(
          UriComponentsBuilder.fromUri(request.getURI())
              .replaceQuery(withoutKey(request.getURI().getRawQuery()))
              .build(true)
              .toUri());
    }
    return builder.build();
  }

  /**
   * The raw query without any parameter that decodes to {@code api_key} — however its name is
   * encoded ({@code api%5Fkey}, {@code %61pi_key}): the same decoding that found the key removes
   * it, so a key never reaches a service, its links or its logs.
   */
  static String withoutKey(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return rawQuery;
    }
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      if (!KEY_PARAMETER.equals(decode(name))) {
        kept.add(pair);
      }
    }
    return kept.isEmpty() ? null : String.join("&", kept);
  }

  private static String decode(String name) {
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return name;
    }
  }

  private static CallerStatus toStatus(Lookup lookup) {
    if (lookup instanceof Lookup.Valid valid) {
      return new CallerStatus(CallerStatus.Kind.AUTHENTICATED, valid.key());
    }
    if (lookup instanceof Lookup.Unverifiable) {
      return new CallerStatus(CallerStatus.Kind.UNVERIFIABLE, null);
    }
    return new CallerStatus(CallerStatus.Kind.INVALID_KEY, null);
  }
}
