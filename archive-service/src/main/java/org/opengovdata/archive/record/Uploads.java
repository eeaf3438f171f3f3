package org.opengovdata.archive.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.opengovdata.archive.storage.OcflProperties;
import org.opengovdata.common.problem.ApiException;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stages an upload as the directory of a new OCFL version — {@code content/<file name>} and {@code
 * metadata.json} — in the OCFL work directory, on the storage root's file system, so that ocfl-java
 * moves rather than copies it. The servlet container has already spooled the part to disk: no
 * upload is ever held in memory.
 */
@Component
class Uploads {

  private static final int MAX_NAME_BYTES = 200;

  private final Path stagingRoot;
  private final JsonMapper json;

  Uploads(OcflProperties properties, JsonMapper json) {
    this.stagingRoot = properties.effectiveWorkDir().resolve("uploads");
    this.json = json;
  }

  /** A staged version directory; closing it deletes what ocfl-java did not move. */
  record Staged(Path dir, ContentFile content) implements AutoCloseable {

    @Override
    public void close() {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // nothing left to clean (ocfl-java moved it) or a leftover the next restart may remove
      }
    }
  }

  Staged stage(MultipartFile file, java.util.UUID recordId, RecordMetadata metadata) {
    if (file == null || file.isEmpty()) {
      throw ApiException.invalidParameter("file", "the file part is missing or empty");
    }
    String filename = safeName(file.getOriginalFilename());
    ContentFile content =
        new ContentFile("content/" + filename, filename, mediaType(file, filename), file.getSize());
    try {
      Files.createDirectories(stagingRoot);
      Path dir = Files.createTempDirectory(stagingRoot, "v-" + UUID.randomUUID());
      Staged staged = new Staged(dir, content);
      try {
        Path target = dir.resolve(content.path());
        Files.createDirectories(target.getParent());
        file.transferTo(target);
        json.writeValue(
            dir.resolve(MetadataDocument.PATH).toFile(),
            new MetadataDocument(MetadataDocument.CURRENT_SCHEMA, recordId, metadata, content));
        return staged;
      } catch (IOException | RuntimeException e) {
        staged.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage the upload", e);
    }
  }

  /** The client's file name without directories or control characters; a default when unusable. */
  static String safeName(String original) {
    if (original == null) {
      return "content.bin";
    }
    String name = Normalizer.normalize(original, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}]", "").strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return "content.bin";
    }
    while (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      name = name.substring(1);
    }
    return name;
  }

  private static String mediaType(MultipartFile file, String filename) {
    String declared = file.getContentType();
    if (declared != null) {
      try {
        MediaType type = MediaType.parseMediaType(declared);
        if (!type.isWildcardType() && !type.isWildcardSubtype()) {
          return type.toString();
        }
      } catch (RuntimeException e) {
        // fall back to the file name
      }
    }
    return MediaTypeFactory.getMediaType(filename)
        .orElse(MediaType.APPLICATION_OCTET_STREAM)
        .toString();
  }
}
