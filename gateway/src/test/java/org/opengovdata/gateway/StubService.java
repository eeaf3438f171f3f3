package org.opengovdata.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for a service behind the gateway: answers every path with a fixed
 * status and counts the calls per method, so tests can see what the gateway forwarded.
 */
final class StubService implements AutoCloseable {

  private final HttpServer server;
  private final ConcurrentHashMap<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private volatile int status = 200;

  private StubService(int port) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          calls
              .computeIfAbsent(exchange.getRequestMethod(), m -> new AtomicInteger())
              .incrementAndGet();
          byte[] body =
              ("{\"path\":\""
                      + exchange.getRequestURI().getPath()
                      + "\",\"requestId\":\""
                      + exchange.getRequestHeaders().getFirst("X-Request-Id")
                      + "\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
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
}
