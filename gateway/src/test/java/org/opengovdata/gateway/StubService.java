package org.opengovdata.gateway;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.opengovdata.common.testsupport.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server standing in for a service behind the gateway. It echoes what reached it (path,
 * query, identity token claims, identity headers, trace and request ids) so tests can see exactly
 * what the gateway forwarded, verifies identity tokens with the test secret like a real service,
 * and counts calls per method.
 */
final class StubService implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final ConcurrentHashMap<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private volatile int status = 200;

  private StubService(int port) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool()); // a slow answer must not hold up others
    server.start();
  }

  static StubService on(int port) {
    return new StubService(port);
  }

  /** A port nothing listens on (yet). */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  void respondWith(int status) {
    this.status = status;
  }

  int calls(String method) {
    AtomicInteger count = calls.get(method);
    return count == null ? 0 : count.get();
  }

  void resetCalls() {
    calls.clear();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    calls.computeIfAbsent(exchange.getRequestMethod(), m -> new AtomicInteger()).incrementAndGet();
    long received = exchange.getRequestBody().readAllBytes().length;
    String path = exchange.getRequestURI().getPath();
    if (path.endsWith("/slow-headers")) {
      pause(3000);
    }
    if (path.endsWith("/held")) {
      pause(200); // long enough for concurrent requests to overlap
    }
    if (path.endsWith("/slow-body")) {
      streamSlowly(exchange);
      return;
    }
    Map<String, Object> echo = new LinkedHashMap<>();
    echo.put("path", exchange.getRequestURI().getPath());
    echo.put("bodyBytes", received);
    echo.put("query", exchange.getRequestURI().getRawQuery());
    echo.put("requestId", exchange.getRequestHeaders().getFirst("X-Request-Id"));
    echo.put("traceparent", exchange.getRequestHeaders().getFirst("traceparent"));
    echo.put("apiKeyHeader", exchange.getRequestHeaders().getFirst("X-API-Key"));
    echo.put("rolesHeader", exchange.getRequestHeaders().getFirst("X-Roles"));
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    echo.put("authorization", authorization != null);
    Map<String, Object> claims = verify(authorization);
    echo.put("token", claims);
    int answer = status;
    if (exchange.getRequestURI().getPath().contains("/admin/") && claims == null) {
      answer = 401;
    }
    byte[] body = JSON.writeValueAsBytes(echo);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "public, max-age=300");
    exchange.sendResponseHeaders(answer, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  /** A CSV export that takes longer than the route's response time-out, in 5 parts. */
  private static void streamSlowly(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/csv");
    exchange.sendResponseHeaders(200, 0);
    for (int i = 0; i < 5; i++) {
      exchange.getResponseBody().write(("row," + i + "\n").getBytes(StandardCharsets.UTF_8));
      exchange.getResponseBody().flush();
      pause(500);
    }
    exchange.close();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The claims of a valid identity token, as a real service would verify it; else null. */
  private static Map<String, Object> verify(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    try {
      SignedJWT jwt = SignedJWT.parse(authorization.substring(7));
      if (!jwt.verify(new MACVerifier(TestTokens.SECRET.getBytes(StandardCharsets.UTF_8)))
          || jwt.getJWTClaimsSet().getExpirationTime().before(new Date())) {
        return null;
      }
      Map<String, Object> claims = new LinkedHashMap<>();
      claims.put("sub", jwt.getJWTClaimsSet().getSubject());
      claims.put("iss", jwt.getJWTClaimsSet().getIssuer());
      claims.put("roles", jwt.getJWTClaimsSet().getStringListClaim("roles"));
      claims.put("regions", jwt.getJWTClaimsSet().getStringListClaim("regions"));
      claims.put("datasets", jwt.getJWTClaimsSet().getStringListClaim("datasets"));
      long lifetime =
          jwt.getJWTClaimsSet().getExpirationTime().getTime()
              - jwt.getJWTClaimsSet().getIssueTime().getTime();
      claims.put("lifetimeSeconds", lifetime / 1000);
      return claims;
    } catch (Exception e) {
      return null;
    }
  }
}
