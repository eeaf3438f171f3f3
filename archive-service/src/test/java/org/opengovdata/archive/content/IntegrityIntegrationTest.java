package org.opengovdata.archive.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengovdata.archive.ArchiveApi;
import org.opengovdata.archive.ArchiveIntegrationTest;

/** A stored file corrupted on disk is refused on every read path, never served. */
class IntegrityIntegrationTest extends ArchiveIntegrationTest {

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {4096, 9 * 1024 * 1024})
  void corruptedFileIsNeverServed(int size) throws Exception {
    byte[] original = new byte[size];
    Arrays.fill(original, (byte) 'a');
    String marker = "原件" + UUID.randomUUID();
    byte[] head = marker.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(head, 0, original, 0, head.length);
    String id =
        api.archive(
            ArchiveApi.metadata("完整性 " + marker, null, "2022-02-02", "Y30", "PUBLIC"),
            "data.txt",
            "text/plain",
            original);
    assertThat(api.getBytes("/records/" + id + "/content").body()).isEqualTo(original);

    Path stored = storedContent(id, "data.txt");
    byte[] corrupted = original.clone();
    corrupted[size - 1] = 'b'; // one byte, at the very end: only a full check can notice it
    Files.write(stored, corrupted);
    try {
      for (String path :
          List.of("/records/" + id + "/content", "/records/" + id + "/versions/1/content")) {
        HttpResponse<byte[]> read = api.getBytes(path);
        assertThat(read.statusCode()).as(path).isEqualTo(500);
        String body = new String(read.body(), StandardCharsets.UTF_8);
        assertThat(read.headers().firstValue("Content-Type").orElseThrow())
            .startsWith("application/problem+json");
        assertThat(JsonPath.<String>read(body, "$.type")).endsWith("/problems/integrity-failure");
        assertThat(body).doesNotContain(marker);
      }
      HttpResponse<String> audit =
          api.get("/audit?recordId=" + id, "Authorization", ArchiveApi.archivist());
      assertThat(JsonPath.<List<String>>read(audit.body(), "$.data[*].action"))
          .contains("integrity.failure");
    } finally {
      Files.write(stored, original);
    }
    assertThat(api.getBytes("/records/" + id + "/content").body()).isEqualTo(original);
  }

  private static Path storedContent(String id, String filename) throws Exception {
    try (Stream<Path> files = Files.walk(OCFL_ROOT)) {
      Path inventory =
          files
              .filter(p -> p.getFileName().toString().equals("inventory.json"))
              .filter(p -> Files.exists(p.getParent().resolve("0=ocfl_object_1.1")))
              .filter(p -> readString(p).contains("urn:uuid:" + id))
              .findFirst()
              .orElseThrow();
      return inventory.getParent().resolve("v1/content/content/" + filename);
    }
  }

  private static String readString(Path p) {
    try {
      return Files.readString(p);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
