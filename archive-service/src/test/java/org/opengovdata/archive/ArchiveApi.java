package org.opengovdata.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opengovdata.common.security.Role;
import org.opengovdata.common.testsupport.TestTokens;

/** A client of the running archive for the integration tests: multipart uploads, tokens, bytes. */
public final class ArchiveApi {

  public static final String ARCHIVIST = "key_archivist_a";
  public static final String SECOND_ARCHIVIST = "key_archivist_b";
  public static final String ADMIN = "key_admin";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String base;

  public ArchiveApi(int port) {
    this.base = "http://localhost:" + port;
  }

  public static String archivist() {
    return TestTokens.bearer(ARCHIVIST, Role.ARCHIVIST);
  }

  public static String secondArchivist() {
    return TestTokens.bearer(SECOND_ARCHIVIST, Role.ARCHIVIST);
  }

  public static String admin() {
    return TestTokens.bearer(ADMIN, Role.ADMIN);
  }

  public String url(String path) {
    return base + (path.startsWith("/api/") ? path : "/api/v1/archive" + path);
  }

  /** A multipart body; parts are added in order. */
  public static final class Multipart {
    private final String boundary = "----archive-test-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public Multipart field(String name, String value, String contentType) {
      part(
          "Content-Disposition: form-data; name=\"%s\"\r\n%s".formatted(name, type(contentType)),
          value.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    public Multipart file(String name, String filename, String contentType, byte[] content) {
      part(
          "Content-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n%s"
              .formatted(name, filename, type(contentType)),
          content);
      return this;
    }

    private static String type(String contentType) {
      return contentType == null ? "" : "Content-Type: " + contentType + "\r\n";
    }

    private void part(String headers, byte[] content) {
      try {
        body.write(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public byte[] bytes() {
      byte[] end = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
      byte[] all = new byte[body.size() + end.length];
      System.arraycopy(body.toByteArray(), 0, all, 0, body.size());
      System.arraycopy(end, 0, all, body.size(), end.length);
      return all;
    }

    public String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }
  }

  public HttpResponse<String> post(String path, Multipart multipart, String authorization) {
    return send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", multipart.contentType())
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes())),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> postJson(String path, String json, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/json")
            .POST(
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request, HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> delete(String path, String authorization) {
    return send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Authorization", authorization)
            .DELETE(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path, String... headers) {
    return send(request(path, headers), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<byte[]> getBytes(String path, String... headers) {
    return send(request(path, headers), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(path))).GET();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private static <T> HttpResponse<T> send(
      HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
    try {
      return CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(), handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Archives a document and returns its record id. */
  public String archive(String metadataJson, String filename, String mediaType, byte[] content) {
    HttpResponse<String> response =
        post(
            "/records",
            new Multipart()
                .field("metadata", metadataJson, "application/json")
                .file("file", filename, mediaType, content),
            archivist());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JsonPath.read(response.body(), "$.id");
  }

  public HttpResponse<String> addVersion(
      String recordId, String filename, byte[] content, String note) {
    return post(
        "/records/" + recordId + "/versions",
        new Multipart()
            .file("file", filename, "text/plain", content)
            .field("changeNote", note, null),
        archivist());
  }

  /** Waits for the job at {@code jobLocation} to finish and returns its final JSON. */
  public String awaitJob(String jobLocation, String authorization) {
    String[] job = new String[1];
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              HttpResponse<String> response = get(jobLocation, "Authorization", authorization);
              job[0] = response.body();
              String state = JsonPath.read(response.body(), "$.state");
              return state.equals("SUCCEEDED") || state.equals("FAILED");
            });
    return job[0];
  }

  /** The file {@code v<version>/content/content/<filename>} of the record's object on disk. */
  public static java.nio.file.Path storedContent(
      java.nio.file.Path ocflRoot, String recordId, int version, String filename) {
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(ocflRoot)) {
      java.nio.file.Path inventory =
          files
              .filter(p -> p.getFileName().toString().equals("inventory.json"))
              .filter(p -> java.nio.file.Files.exists(p.getParent().resolve("0=ocfl_object_1.1")))
              .filter(p -> readString(p).contains("urn:uuid:" + recordId))
              .findFirst()
              .orElseThrow();
      return inventory.getParent().resolve("v" + version + "/content/content/" + filename);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readString(java.nio.file.Path p) {
    try {
      return java.nio.file.Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String metadata(
      String title, String documentNumber, String documentDate, String retention, String access) {
    List<String> fields = new ArrayList<>();
    fields.add("\"title\":\"" + title + "\"");
    if (documentNumber != null) {
      fields.add("\"documentNumber\":\"" + documentNumber + "\"");
    }
    fields.add("\"issuer\":\"内蒙古自治区人民政府\"");
    fields.add("\"documentDate\":\"" + documentDate + "\"");
    fields.add("\"retentionClass\":\"" + retention + "\"");
    fields.add("\"series\":\"政府文件\"");
    fields.add("\"access\":\"" + access + "\"");
    return "{" + String.join(",", fields) + "}";
  }
}
