package org.opengovdata.archive.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengovdata.archive.ArchiveApi;
import org.opengovdata.archive.ArchiveIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The archive on the {@code s3} backend (ocfl-java-aws) against a local S3-compatible server (Adobe
 * S3Mock, run as a separate process): records and versions are written to the bucket, read back
 * byte for byte with their digests, and found by {@code Accept-Datetime}.
 */
class S3BackendIntegrationTest extends ArchiveIntegrationTest {

  private static final String PREFIX = "ocfl-" + UUID.randomUUID();
  private static final String SCHEMA = "archive_s3_test";

  @DynamicPropertySource
  static void s3(DynamicPropertyRegistry registry) {
    S3MockServer server = S3MockServer.get();
    // the AWS SDK's default credentials chain looks at these system properties first
    System.setProperty("aws.accessKeyId", S3MockServer.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3MockServer.SECRET_KEY);
    // a schema of its own: its records, audit entries and ocfl-java's lock table stay out of the
    // filesystem tests' index, whose contexts share the database
    registry.add("spring.datasource.hikari.schema", () -> SCHEMA);
    registry.add("spring.flyway.schemas", () -> SCHEMA);
    registry.add("spring.flyway.default-schema", () -> SCHEMA);
    registry.add("opendata.archive.ocfl.backend", () -> "s3");
    registry.add("opendata.archive.ocfl.s3.endpoint", () -> server.endpoint().toString());
    registry.add("opendata.archive.ocfl.s3.bucket", () -> S3MockServer.BUCKET);
    registry.add("opendata.archive.ocfl.s3.prefix", () -> PREFIX);
    registry.add("opendata.archive.ocfl.s3.region", () -> "us-east-1");
    registry.add("opendata.archive.ocfl.s3.path-style", () -> "true");
  }

  @Autowired OcflStore store;

  @LocalServerPort int serverPort;

  @Test
  void versionsAreStoredInTheBucketAndReadBackByNumberAndByAcceptDatetime() throws Exception {
    List<byte[]> texts =
        List.of(
            "第一条 档案存于对象存储。\n".getBytes(StandardCharsets.UTF_8),
            "第一条 档案存于对象存储。\n第二条 修订。\n".getBytes(StandardCharsets.UTF_8),
            new byte[] {'%', 'P', 'D', 'F', 0, (byte) 0xFF, 1, 2, 3});
    String id =
        api.archive(
            ArchiveApi.metadata("S3 存储 " + UUID.randomUUID(), null, "2024-05-01", "Y10", "PUBLIC"),
            "doc.bin",
            "application/octet-stream",
            texts.get(0));
    List<Instant> created = new ArrayList<>();
    created.add(created(id, 1));
    for (int n = 1; n < 3; n++) {
      Instant previous = created.get(n - 1);
      // mementos are told apart by HTTP dates, which have whole seconds
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> Instant.now().isAfter(previous.plusSeconds(1)));
      HttpResponse<String> added = api.addVersion(id, "doc.bin", texts.get(n), "修订 " + n);
      assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
      created.add(created(id, n + 1));
    }

    // the object is in the bucket under the prefix, and nothing went to the local root
    try (S3AsyncClient s3 = client()) {
      List<String> keys =
          s3
              .listObjectsV2(r -> r.bucket(S3MockServer.BUCKET).prefix(PREFIX + "/"))
              .join()
              .contents()
              .stream()
              .map(S3Object::key)
              .toList();
      assertThat(keys).contains(PREFIX + "/0=ocfl_1.1");
      String root = store.objectRootOf("urn:uuid:" + id);
      assertThat(keys)
          .contains(PREFIX + "/" + root + "/inventory.json")
          .contains(PREFIX + "/" + root + "/v3/inventory.json")
          .anyMatch(k -> k.startsWith(PREFIX + "/" + root + "/v3/content/"));
    }
    assertThat(OCFL_ROOT.resolve(store.objectRootOf("urn:uuid:" + id))).doesNotExist();

    List<String> mementoDates = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      byte[] expected = texts.get(n - 1);
      HttpResponse<byte[]> version = api.getBytes("/records/" + id + "/versions/" + n + "/content");
      assertThat(version.statusCode()).isEqualTo(200);
      assertThat(version.body()).isEqualTo(expected);
      assertThat(version.headers().firstValue("Content-Digest"))
          .hasValue("sha-512=:" + Base64.getEncoder().encodeToString(sha512(expected)) + ":");
      assertThat(version.headers().firstValue("ETag"))
          .hasValue("\"sha512-" + HexFormat.of().formatHex(sha512(expected)) + "\"");
      mementoDates.add(version.headers().firstValue("Memento-Datetime").orElseThrow());
    }
    for (int n = 1; n <= 3; n++) {
      HttpResponse<byte[]> atDate =
          api.getBytes("/records/" + id + "/content", "Accept-Datetime", mementoDates.get(n - 1));
      assertThat(atDate.statusCode()).isEqualTo(200);
      assertThat(atDate.body()).isEqualTo(texts.get(n - 1));
      assertThat(atDate.headers().firstValue("Content-Location"))
          .hasValue("/api/v1/archive/records/" + id + "/versions/" + n + "/content");
    }
    HttpResponse<String> timemap = api.get("/records/" + id + "/timemap");
    assertThat(timemap.body().split("rel=\"[a-z ]*memento\"", -1)).hasSize(4);

    // the same root validates through ocfl-java's validator over S3 (what fixity audits run)
    ObjectValidator.ObjectCheck check = store.check(store.objectRootOf("urn:uuid:" + id));
    assertThat(check.errors()).isEmpty();
    assertThat(check.objectId()).hasValue("urn:uuid:" + id);

    HttpResponse<String> readiness =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serverPort + "/readyz"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    // the readiness group's OCFL check finds the storage root's declaration in the bucket
    assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
    assertThat(JsonPath.<String>read(readiness.body(), "$.components.ocfl.status"))
        .as(readiness.body())
        .isEqualTo("UP");
  }

  private Instant created(String id, int version) {
    HttpResponse<String> response = api.get("/records/" + id + "/versions/" + version);
    assertThat(response.statusCode()).isEqualTo(200);
    return Instant.parse(JsonPath.read(response.body(), "$.created"));
  }

  private static S3AsyncClient client() {
    return S3AsyncClient.crtBuilder()
        .endpointOverride(S3MockServer.get().endpoint())
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(S3MockServer.ACCESS_KEY, S3MockServer.SECRET_KEY)))
        .build();
  }

  private static byte[] sha512(byte[] bytes) throws Exception {
    return MessageDigest.getInstance("SHA-512").digest(bytes);
  }
}
