package org.opengovdata.gateway.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of a real Redis that can be paused: while paused it accepts and reads what
 * clients send (and counts it) but forwards nothing, so nothing is answered — what a client sees of
 * a Redis stopped with SIGSTOP. On resume, what was held is delivered in order, as after SIGCONT.
 */
final class PausableProxy implements AutoCloseable {

  private final ServerSocket server;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicLong bytesFromClients = new AtomicLong();
  private final Object gate = new Object();
  private volatile boolean paused;

  PausableProxy(String targetHost, int targetPort) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    daemon("proxy-accept", this::acceptLoop);
  }

  int port() {
    return server.getLocalPort();
  }

  /** Bytes clients have sent to the proxy (whether forwarded yet or not). */
  long bytesFromClients() {
    return bytesFromClients.get();
  }

  void pause() {
    paused = true;
  }

  void resume() {
    synchronized (gate) {
      paused = false;
      gate.notifyAll();
    }
  }

  @Override
  public void close() throws IOException {
    resume();
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(targetHost, targetPort);
        sockets.add(client);
        sockets.add(upstream);
        BlockingQueue<byte[]> held = new LinkedBlockingQueue<>();
        daemon("proxy-read", () -> read(client, held));
        daemon("proxy-forward", () -> forward(held, upstream));
        daemon("proxy-reply", () -> copy(upstream, client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void read(Socket client, BlockingQueue<byte[]> held) {
    byte[] buffer = new byte[8192];
    try (InputStream in = client.getInputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        bytesFromClients.addAndGet(n);
        held.add(Arrays.copyOf(buffer, n));
      }
    } catch (IOException e) {
      // connection closed
    }
  }

  private void forward(BlockingQueue<byte[]> held, Socket upstream) {
    try {
      OutputStream out = upstream.getOutputStream();
      while (!upstream.isClosed()) {
        byte[] chunk = held.take();
        awaitNotPaused();
        out.write(chunk);
        out.flush();
      }
    } catch (IOException e) {
      // connection closed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitNotPaused() throws InterruptedException {
    synchronized (gate) {
      while (paused) {
        gate.wait();
      }
    }
  }

  private static void copy(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (IOException e) {
      // connection closed
    }
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }
}
