package org.opengovdata.archive.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.ocfl.core.extension.storage.layout.HashedNTupleLayoutExtension;
import io.ocfl.core.extension.storage.layout.config.HashedNTupleLayoutConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opengovdata.archive.ArchiveApi;
import org.opengovdata.archive.ArchiveIntegrationTest;
import org.opengovdata.archive.Jobs;
import org.opengovdata.archive.record.RecordIds;

/**
 * Objects written by other OCFL implementations (the OCFL editors' fixtures) placed straight into
 * the storage root: after an index rebuild the good ones are readable byte for byte, and the bad
 * ones are listed as invalid or skipped, and never served.
 */
class OcflFixturesIntegrationTest extends ArchiveIntegrationTest {

  static final Path FIXTURES = Path.of("src/test/resources/ocfl-fixtures-1.1");

  /**
   * Good objects with distinct ids (several fixtures share an id; a root holds one object per id).
   */
  static final List<String> GOOD =
      List.of(
          "spec-ex-full",
          "spec-ex-minimal",
          "minimal_one_version_one_file",
          "minimal_uppercase_digests",
          "minimal_mixed_digests",
          "minimal_no_content",
          "diff_files_same_md5",
          "updates_all_actions",
          "updates_three_versions_one_file",
          "ocfl_object_all_fixity_digests");

  static final List<String> BAD =
      List.of(
          "E092_content_file_digest_mismatch",
          "E023_extra_file",
          "E107_file_in_manifest_not_used",
          "E049_created_no_timezone",
          "E008_E036_no_versions_no_head",
          "E041_no_manifest",
          "E058_no_sidecar",
          "E095_conflicting_logical_paths",
          "E050_state_digest_not_in_manifest",
          "E025_wrong_digest_algorithm",
          "E010_skipped_versions",
          "E066_E092_old_manifest_digest_incorrect");

  @Test
  void goodObjectsAreReadableAfterARebuildAndBadOnesAreNeverServed() throws Exception {
    HashedNTupleLayoutExtension layout = new HashedNTupleLayoutExtension();
    layout.init(new HashedNTupleLayoutConfig());
    for (String name : GOOD) {
      copy(
          FIXTURES.resolve("good-objects").resolve(name),
          OCFL_ROOT.resolve(layout.mapObjectId(idOf("good-objects", name))));
    }
    for (String name : BAD) {
      copy(
          FIXTURES.resolve("bad-objects").resolve(name),
          OCFL_ROOT.resolve(layout.mapObjectId(idOf("bad-objects", name))));
    }
    // an object without an id cannot be placed by the layout; the walk must still survive it
    copy(FIXTURES.resolve("bad-objects/E036_no_id"), OCFL_ROOT.resolve("stray/E036_no_id"));

    String job = Jobs.rebuildIndex(api);
    List<String> problems = JsonPath.read(job, "$.problems");
    for (String name : BAD) {
      String id = idOf("bad-objects", name);
      assertThat(problems).as(name).anyMatch(p -> p.contains(id));
    }
    assertThat(problems).anyMatch(p -> p.startsWith("stray/E036_no_id: skipped"));

    for (String name : GOOD) {
      assertGoodObjectReadable(name);
    }
    for (String name : BAD) {
      assertNeverServed(name);
    }
    String corrupt = record(idOf("bad-objects", "E092_content_file_digest_mismatch"));
    HttpResponse<String> indexed = api.get(corrupt, "Authorization", ArchiveApi.archivist());
    assertThat(indexed.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<Boolean>read(indexed.body(), "$.valid")).isFalse();
  }

  private void assertGoodObjectReadable(String name) {
    Path object = FIXTURES.resolve("good-objects").resolve(name);
    String inventory = readString(object.resolve("inventory.json"));
    String record = record(JsonPath.read(inventory, "$.id"));
    HttpResponse<String> described = api.get(record, "Authorization", ArchiveApi.archivist());
    assertThat(described.statusCode()).as(name + ": " + described.body()).isEqualTo(200);
    assertThat(JsonPath.<Boolean>read(described.body(), "$.valid")).as(name).isTrue();
    Map<String, Object> versions = JsonPath.read(inventory, "$.versions");
    assertThat(JsonPath.<Integer>read(described.body(), "$.headVersion"))
        .isEqualTo(versions.size());
    Map<String, List<String>> manifest = JsonPath.read(inventory, "$.manifest");
    versions.forEach(
        (versionName, version) -> {
          int number = Integer.parseInt(versionName.substring(1));
          Map<String, List<String>> state =
              JsonPath.read(inventory, "$.versions." + versionName + ".state");
          state.forEach(
              (digest, logicalPaths) -> {
                Path stored = object.resolve(contentPath(manifest, digest));
                for (String logicalPath : logicalPaths) {
                  HttpResponse<byte[]> content =
                      api.getBytes(
                          record
                              + "/versions/"
                              + number
                              + "/content?path="
                              + URLEncoder.encode(logicalPath, StandardCharsets.UTF_8),
                          "Authorization",
                          ArchiveApi.archivist());
                  assertThat(content.statusCode())
                      .as(name + " " + versionName + " " + logicalPath)
                      .isEqualTo(200);
                  assertThat(content.body()).isEqualTo(readBytes(stored));
                }
              });
        });
  }

  private void assertNeverServed(String name) {
    String record = record(idOf("bad-objects", name));
    HttpResponse<String> described = api.get(record, "Authorization", ArchiveApi.archivist());
    if (described.statusCode() == 404) {
      return; // skipped by the rebuild: nothing to serve
    }
    assertThat(described.statusCode()).as(name).isEqualTo(200);
    assertThat(JsonPath.<Boolean>read(described.body(), "$.valid")).as(name).isFalse();
    for (String path : List.of("/content", "/versions/1/content")) {
      HttpResponse<String> content =
          api.get(record + path, "Authorization", ArchiveApi.archivist());
      assertThat(content.statusCode()).as(name + path).isEqualTo(500);
      assertThat(JsonPath.<String>read(content.body(), "$.type"))
          .endsWith("/problems/integrity-failure");
    }
  }

  private static String contentPath(Map<String, List<String>> manifest, String digest) {
    return manifest.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(digest))
        .findFirst()
        .orElseThrow()
        .getValue()
        .get(0);
  }

  private static String record(String objectId) {
    return "/records/" + RecordIds.recordId(objectId);
  }

  private static String idOf(String kind, String name) {
    return JsonPath.read(
        readString(FIXTURES.resolve(kind).resolve(name).resolve("inventory.json")), "$.id");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  private static String readString(Path path) {
    return new String(readBytes(path), StandardCharsets.UTF_8);
  }

  private static byte[] readBytes(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
