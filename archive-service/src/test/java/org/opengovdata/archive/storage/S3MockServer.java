package org.opengovdata.archive.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * Adobe S3Mock (com.adobe.testing:s3mock, its standalone "exec" jar from Maven Central, copied to
 * {@code target/s3mock} by the build) as a separate process: S3Mock 4.x is a Spring Boot 3.5
 * application and cannot share a class path with the archive's Boot 4. One server per test JVM,
 * stopped when the JVM exits.
 */
final class S3MockServer {

  static final String BUCKET = "opendata-archive-test";
  static final String ACCESS_KEY = "s3mock-test";
  static final String SECRET_KEY = "s3mock-test-secret";

  private static S3MockServer instance;

  private final URI endpoint;

  private S3MockServer(URI endpoint) {
    this.endpoint = endpoint;
  }

  static synchronized S3MockServer get() {
    if (instance == null) {
      instance = start();
    }
    return instance;
  }

  URI endpoint() {
    return endpoint;
  }

  private static S3MockServer start() {
    Path jar = Path.of("target", "s3mock", "s3mock.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar
              + " is missing: the build copies it (maven-dependency-plugin, archive-service/pom.xml)");
    }
    try {
      Path store = Files.createTempDirectory("s3mock-store");
      Path log = Files.createTempFile("s3mock", ".log");
      int httpPort = freePort();
      int httpsPort = freePort();
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process process =
          new ProcessBuilder(
                  List.of(
                      java,
                      "-Xmx256m",
                      "-XX:TieredStopAtLevel=1",
                      "-jar",
                      jar.toString(),
                      "--server.port=" + httpsPort,
                      "--com.adobe.testing.s3mock.httpPort=" + httpPort,
                      "--com.adobe.testing.s3mock.store.initialBuckets=" + BUCKET,
                      "--com.adobe.testing.s3mock.store.root=" + store,
                      "--spring.main.banner-mode=off"))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
      URI endpoint = URI.create("http://127.0.0.1:" + httpPort);
      HttpClient client = HttpClient.newHttpClient();
      // start-up takes seconds on an idle machine, minutes on a loaded one; the bucket listing
      // answering 200 is the sign that the server and its initial bucket are there
      Awaitility.await("S3Mock at " + endpoint + " (log: " + log + ")")
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException("S3Mock exited; see " + log);
                }
                HttpResponse<Void> response =
                    client.send(
                        HttpRequest.newBuilder(endpoint.resolve("/" + BUCKET))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                        HttpResponse.BodyHandlers.discarding());
                return response.statusCode() == 200;
              });
      return new S3MockServer(endpoint);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
