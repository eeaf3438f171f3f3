package org.opengovdata.common.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A Redis server of the test's own ({@code redis-server} on a free local port, no persistence) that
 * the test may stop and start again — for "Redis is down" tests, which must never stop the shared
 * Redis other tests and services use. Needs {@code redis-server} on the PATH (Debian package {@code
 * redis-server}, which scripts/up.sh installs); without it the test fails saying so.
 */
public final class PrivateRedis implements AutoCloseable {

  private static final Duration READY = Duration.ofSeconds(10);

  private final int port;
  private Process process;

  private PrivateRedis(int port) {
    this.port = port;
  }

  /** Starts a new server on a free port. */
  public static PrivateRedis start() {
    PrivateRedis redis = new PrivateRedis(freePort());
    redis.startAgain();
    return redis;
  }

  public int port() {
    return port;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** (Re)starts the server on the same port, empty. */
  public synchronized void startAgain() {
    if (process != null && process.isAlive()) {
      return;
    }
    List<String> command =
        List.of(
            "redis-server",
            "--port",
            Integer.toString(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            System.getProperty("java.io.tmpdir"));
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("/dev/null")))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot start redis-server ("
              + e.getMessage()
              + "): install the Debian package"
              + " redis-server (scripts/up.sh does) so that tests can stop a Redis of their own.",
          e);
    }
    Process started = process;
    try {
      await()
          .atMost(READY)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> !started.isAlive() || answersPing());
    } catch (ConditionTimeoutException e) {
      // reported below
    }
    if (!started.isAlive() || !answersPing()) {
      stop();
      throw new IllegalStateException("redis-server on port " + port + " did not start");
    }
  }

  /** Stops the server; clients then get connection errors. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  @Override
  public void close() {
    stop();
  }

  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(500);
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] reply = socket.getInputStream().readNBytes(7);
      return "+PONG\r\n".equals(new String(reply, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
