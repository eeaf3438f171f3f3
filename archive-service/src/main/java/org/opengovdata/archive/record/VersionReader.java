package org.opengovdata.archive.record;

import io.ocfl.api.io.FixityCheckInputStream;
import io.ocfl.api.model.DigestAlgorithm;
import io.ocfl.api.model.FileDetails;
import io.ocfl.api.model.ObjectDetails;
import io.ocfl.api.model.VersionDetails;
import io.ocfl.api.model.VersionNum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opengovdata.archive.storage.OcflStore;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the index needs from an OCFL object: each version's {@code created}, {@code user},
 * {@code message} and content digest, and the record metadata from its {@code metadata.json}. An
 * object written by another OCFL tool has no {@code metadata.json}: its single file is its content,
 * and it is indexed conservatively (restricted, permanent) until an archivist describes it.
 */
@Component
class VersionReader {

  private final OcflStore store;
  private final JsonMapper json;

  VersionReader(OcflStore store, JsonMapper json) {
    this.store = store;
    this.json = json;
  }

  ArchiveVersion indexedVersion(UUID recordId, String objectId, int number) {
    ObjectDetails details = store.describe(objectId);
    return version(recordId, objectId, details, number, metadata(objectId, number));
  }

  /** The record and all its versions, from the object alone. */
  IndexedObject read(String objectId) {
    UUID recordId = RecordIds.recordId(objectId);
    ObjectDetails details = store.describe(objectId);
    int head = Math.toIntExact(details.getHeadVersionNum().getVersionNum());
    List<ArchiveVersion> versions = new ArrayList<>();
    Optional<MetadataDocument> headMetadata = Optional.empty();
    for (int n = 1; n <= head; n++) {
      Optional<MetadataDocument> metadata = metadata(objectId, n);
      versions.add(version(recordId, objectId, details, n, metadata));
      if (n == head) {
        headMetadata = metadata;
      }
    }
    RecordMetadata metadata =
        headMetadata
            .map(MetadataDocument::record)
            .orElseGet(
                () ->
                    new RecordMetadata(
                        objectId,
                        null,
                        null,
                        null,
                        RetentionClass.PERMANENT,
                        null,
                        null,
                        Access.RESTRICTED));
    ArchiveRecord record =
        new ArchiveRecord(
            recordId,
            objectId,
            metadata,
            head,
            false,
            true,
            List.of(),
            versions.get(0).created(),
            versions.get(versions.size() - 1).created());
    return new IndexedObject(record, versions);
  }

  /** A record and its versions as read from storage. */
  record IndexedObject(ArchiveRecord record, List<ArchiveVersion> versions) {}

  private ArchiveVersion version(
      UUID recordId,
      String objectId,
      ObjectDetails details,
      int number,
      Optional<MetadataDocument> metadata) {
    VersionDetails version = details.getVersion(VersionNum.fromInt(number));
    DigestAlgorithm algorithm = details.getDigestAlgorithm();
    ContentFile content =
        metadata.map(MetadataDocument::content).orElseGet(() -> soleFile(version));
    String digest = null;
    if (content != null && version.containsFile(content.path())) {
      digest = version.getFile(content.path()).getFixity().get(algorithm);
    }
    var user = version.getVersionInfo() == null ? null : version.getVersionInfo().getUser();
    return new ArchiveVersion(
        recordId,
        number,
        version.getCreated().toInstant(),
        user == null ? null : user.getName(),
        user == null ? null : user.getAddress(),
        version.getVersionInfo() == null ? null : version.getVersionInfo().getMessage(),
        content,
        algorithm.getOcflName(),
        digest);
  }

  private static ContentFile soleFile(VersionDetails version) {
    List<FileDetails> files =
        version.getFiles().stream()
            .filter(f -> !f.getPath().equals(MetadataDocument.PATH))
            .toList();
    if (files.size() != 1) {
      return null;
    }
    String path = files.get(0).getPath();
    String name = path.substring(path.lastIndexOf('/') + 1);
    String mediaType =
        MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM).toString();
    return new ContentFile(path, name, mediaType, null);
  }

  private Optional<MetadataDocument> metadata(String objectId, int version) {
    return store
        .file(objectId, version, MetadataDocument.PATH)
        .map(
            file -> {
              try (FixityCheckInputStream in = file.getStream()) {
                byte[] bytes = in.readAllBytes();
                in.checkFixity();
                return json.readValue(bytes, MetadataDocument.class);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }
}
