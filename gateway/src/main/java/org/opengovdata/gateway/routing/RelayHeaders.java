package org.opengovdata.gateway.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * What Spring Cloud Gateway's default header filters do to a relayed request and response, in one
 * pass over the headers instead of one copy of them per filter (the profile showed six copies of
 * every request's headers, each building a case-insensitive name set first; a response's headers
 * are not copied at all): hop-by-hop headers out (RFC 9110 §7.6.1: {@link
 * RemoveHopByHopHeadersFilter#HEADERS_REMOVED_ON_REQUEST} and every header the {@code Connection}
 * header names), both ways; on the request also {@code Forwarded} and {@code X-Forwarded-*} (no
 * trusted proxies are configured, so a client's claims are never passed on, as Spring Cloud
 * Gateway's {@code RemoveForwardedHeadersFilter} and {@code RemoveXForwardedHeadersFilter}), and a
 * {@code Content-Length} that arrives together with {@code Transfer-Encoding: chunked} (request
 * smuggling; its {@code TransferEncodingNormalizationHeadersFilter}). The gRPC filters have no work
 * here (no HTTP/2, no gRPC services).
 */
final class RelayHeaders implements HttpHeadersFilter {

  private static final Set<String> HOP_BY_HOP =
      Set.copyOf(RemoveHopByHopHeadersFilter.HEADERS_REMOVED_ON_REQUEST);

  private final Type type;

  private RelayHeaders(Type type) {
    this.type = type;
  }

  /** The filters, in the form Spring Cloud Gateway's routing filters take them. */
  static List<HttpHeadersFilter> filters() {
    return List.of(new RelayHeaders(Type.REQUEST), new RelayHeaders(Type.RESPONSE));
  }

  @Override
  public boolean supports(Type candidate) {
    return candidate == type;
  }

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    Set<String> connectionOptions = connectionOptions(input);
    if (type == Type.RESPONSE) {
      // NettyRoutingFilter hands over a fresh, writable copy of the service's response headers
      HOP_BY_HOP.forEach(input::remove);
      connectionOptions.forEach(input::remove);
      return input;
    }
    // a request's headers are read-only: one copy, without what must not be passed on
    boolean smuggledLength =
        input.containsHeader(HttpHeaders.CONTENT_LENGTH)
            && chunked(input.getFirst(HttpHeaders.TRANSFER_ENCODING));
    HttpHeaders relayed = new HttpHeaders();
    input.forEach(
        (name, values) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (HOP_BY_HOP.contains(lower)
              || connectionOptions.contains(lower)
              || lower.equals("forwarded")
              || lower.startsWith("x-forwarded-")
              || (smuggledLength && lower.equals("content-length"))) {
            return;
          }
          relayed.addAll(name, values);
        });
    return relayed;
  }

  private static Set<String> connectionOptions(HttpHeaders headers) {
    List<String> connection = headers.getConnection();
    if (connection.isEmpty()) {
      return Set.of();
    }
    Set<String> options = new HashSet<>();
    for (String option : connection) {
      options.add(option.toLowerCase(Locale.ROOT));
    }
    return options;
  }

  private static boolean chunked(String transferEncoding) {
    return transferEncoding != null && "chunked".equalsIgnoreCase(transferEncoding.trim());
  }
}
