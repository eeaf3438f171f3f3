package org.opengovdata.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A kept-alive connection goes on being read after the gateway refuses a request itself. CI once
 * saw a POST on a connection never read after a gateway-written 429 to a GET, until the request
 * head deadline closed the connection 10 s later without a byte. The cause (Reactor Netty,
 * reactor/reactor-netty#4361): a request that arrives before the previous one's response has
 * finished is queued by Reactor Netty; when that queued request is answered at once (a refusal
 * decided in memory, on the same thread), the queue still holds the end of that request, Reactor
 * Netty drains it instead of asking the connection for more bytes, and nothing asks afterwards.
 * Fixed in Reactor Netty 1.3.8 (the build pins it; 1.3.7 still fails here). Sending two GETs in one
 * write makes the second one queued every time: the first is proxied (its answer comes later, from
 * the stub), the second is over the limit (429 at once).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "opendata.gateway.rate-limits.anonymous.read=1",
      "opendata.gateway.rate-limits.trusted-proxies=127.0.0.1"
    })
class GatewayKeepAliveIntegrationTest {

  static final StubService SERVICE = StubService.on(StubService.freePort());

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerRedis(registry);
    TestTokens.registerSecret(registry);
    registry.add("CATALOG_URL", () -> "http://127.0.0.1:" + SERVICE.port());
    registry.add("SEARCH_URL", () -> "http://127.0.0.1:" + SERVICE.port());
    registry.add("ARCHIVE_URL", () -> "http://127.0.0.1:" + SERVICE.port());
  }

  @AfterAll
  static void stopStub() {
    SERVICE.close();
  }

  @LocalServerPort int port;

  /** A client address of its own for each test (vouched for by the trusted proxy, loopback). */
  private final String client =
      "2001:db8::" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff);

  private String get(String path) {
    return "GET "
        + path
        + " HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: "
        + client
        + "\r\n\r\n";
  }

  private String post(String path, String body) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: "
        + client
        + "\r\nContent-Type: application/json\r\nContent-Length: "
        + body.length()
        + "\r\n\r\n"
        + body;
  }

  @Test
  void aPostAfterAQueuedGatewayWritten429OnTheSameConnectionIsAnswered() throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      // far below the request head deadline (10 s), which would otherwise end a stalled connection
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(
          (get("/api/v1/catalog/datasets") + get("/api/v1/catalog/datasets"))
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readResponse(in)).startsWith("HTTP/1.1 200");
      String refused = readResponse(in);
      assertThat(refused).startsWith("HTTP/1.1 429");
      assertThat(refused.toLowerCase()).doesNotContain("connection: close");

      out.write(post("/api/v1/catalog/policies", "{\"a\":1}").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readResponse(in)).as("the POST after the 429").startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void aPostAfterAGatewayWritten429OnTheSameConnectionIsAnswered() throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      for (int status : new int[] {200, 429}) {
        out.write(get("/api/v1/catalog/datasets").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(readResponse(in)).startsWith("HTTP/1.1 " + status);
      }
      out.write(post("/api/v1/catalog/policies", "{\"a\":1}").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readResponse(in)).as("the POST after the 429").startsWith("HTTP/1.1 200");
    }
  }

  /** One response: its head, and as many body bytes as its Content-Length says. */
  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return head.toString(StandardCharsets.ISO_8859_1) + "<closed>";
      }
      head.write(b);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    String lower = text.toLowerCase();
    int at = lower.indexOf("content-length:");
    if (at >= 0) {
      int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
      text += new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
    return text;
  }
}
