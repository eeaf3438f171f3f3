package org.opengovdata.archive.content;

import io.ocfl.api.model.DigestAlgorithm;
import io.ocfl.api.model.OcflObjectVersionFile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.opengovdata.archive.api.ContentApi;
import org.opengovdata.archive.audit.AuditLog;
import org.opengovdata.archive.record.ArchiveRecord;
import org.opengovdata.archive.record.ArchiveVersion;
import org.opengovdata.archive.record.Records;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ProblemType;
import org.opengovdata.common.representation.ETags;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Archived bytes (verified), the Memento TimeGate and TimeMap, and diffs between versions. */
@RestController
class ContentController implements ContentApi {

  private static final String VARY = "Accept-Datetime";
  private static final int DIFF_LIMIT = 10 * 1024 * 1024;

  private final Records records;
  private final VerifiedContent content;
  private final AuditLog audit;

  ContentController(Records records, VerifiedContent content, AuditLog audit) {
    this.records = records;
    this.content = content;
    this.audit = audit;
  }

  @Override
  public ResponseEntity<Resource> getVersionContent(
      UUID recordId, Integer versionNumber, String path, String ifNoneMatch) {
    ArchiveRecord record = servable(recordId);
    ArchiveVersion version = records.version(recordId, versionNumber);
    return serve(record, version, path, ifNoneMatch, false);
  }

  @Override
  public ResponseEntity<Resource> getRecordContent(
      UUID recordId, String acceptDatetime, String ifNoneMatch) {
    ArchiveRecord record = servable(recordId);
    ArchiveVersion version;
    if (acceptDatetime == null || acceptDatetime.isBlank()) {
      version = records.version(recordId, record.headVersion());
    } else {
      Instant at = HttpDates.parseAcceptDatetime(acceptDatetime);
      version =
          records
              .versionAt(recordId, at)
              .orElseThrow(
                  () ->
                      ApiException.notFound(
                          "Record %s had no version yet at %s; its first version was created %s."
                              .formatted(
                                  recordId,
                                  HttpDates.format(at),
                                  HttpDates.format(records.version(recordId, 1).created()))));
    }
    return serve(record, version, null, ifNoneMatch, true);
  }

  @Override
  public ResponseEntity<String> getTimeMap(UUID recordId) {
    ArchiveRecord record = records.readable(recordId);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(Mementos.LINK_FORMAT))
        .body(Mementos.timeMap(record.id(), records.allVersions(recordId)));
  }

  @Override
  public ResponseEntity<String> diffVersions(UUID recordId, Integer from, Integer to) {
    ArchiveRecord record = servable(recordId);
    ArchiveVersion older = records.version(recordId, from);
    ArchiveVersion newer = records.version(recordId, to);
    String a = text(record, older);
    String b = text(record, newer);
    auditRestricted(record, "content.diffed", "v%d..v%d".formatted(from, to));
    String diff =
        TextDiff.unified(
            "v" + from + "/" + older.content().path(),
            a,
            "v" + to + "/" + newer.content().path(),
            b);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "x-diff", StandardCharsets.UTF_8))
        .body(diff);
  }

  private ArchiveRecord servable(UUID recordId) {
    ArchiveRecord record = records.readable(recordId);
    records.requireValid(record);
    return record;
  }

  private String text(ArchiveRecord record, ArchiveVersion version) {
    OcflObjectVersionFile file = contentFile(record, version, null);
    byte[] bytes =
        content
            .readSmall(record, version.version(), file, DIFF_LIMIT)
            .orElseThrow(
                () ->
                    new ApiException(
                        ProblemType.UNPROCESSABLE,
                        "Version %d is larger than 10 MB: too large for a text diff."
                            .formatted(version.version())));
    return TextDiff.asText(bytes)
        .orElseThrow(
            () ->
                new ApiException(
                    ProblemType.UNPROCESSABLE,
                    "Version %d holds binary content (%s), not UTF-8 text: there is no text diff; download both versions instead."
                        .formatted(version.version(), version.content().mediaType())));
  }

  private ResponseEntity<Resource> serve(
      ArchiveRecord record, ArchiveVersion version, String path, String ifNoneMatch, boolean gate) {
    OcflObjectVersionFile file = contentFile(record, version, path);
    Map.Entry<DigestAlgorithm, String> digest = strongest(file);
    String etag =
        "\"" + digest.getKey().getOcflName() + "-" + digest.getValue().toLowerCase() + "\"";
    HttpHeaders headers = new HttpHeaders();
    headers.setETag(etag);
    headers.set("Memento-Datetime", HttpDates.format(version.created()));
    headers.set(HttpHeaders.LINK, Mementos.links(version));
    if (gate) {
      headers.set(HttpHeaders.VARY, VARY);
      headers.set(HttpHeaders.CONTENT_LOCATION, Mementos.memento(record.id(), version.version()));
    }
    if (ETags.matches(ifNoneMatch, etag)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
    }
    headers.set(
        "Content-Digest",
        VerifiedContent.contentDigest(digest.getKey().getOcflName(), digest.getValue()));
    String name = file.getPath().substring(file.getPath().lastIndexOf('/') + 1);
    headers.setContentDisposition(
        ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build());
    VerifiedContent.Verified verified = content.open(record, version.version(), file);
    auditRestricted(record, "content.read", "v%d %s".formatted(version.version(), file.getPath()));
    ResponseEntity.BodyBuilder ok =
        ResponseEntity.ok().headers(headers).contentType(mediaType(version, file));
    if (verified.length() != null) {
      ok.contentLength(verified.length());
    }
    return ok.body(verified.body());
  }

  private OcflObjectVersionFile contentFile(
      ArchiveRecord record, ArchiveVersion version, String path) {
    String wanted = path;
    if (wanted == null) {
      if (version.content() == null) {
        throw ApiException.notFound(
            "Version %d of record %s holds several files and none is marked as its content; name one with path= (see GET .../versions/%d)."
                .formatted(version.version(), record.id(), version.version()));
      }
      wanted = version.content().path();
    }
    String logicalPath = wanted;
    return content
        .file(record, version.version(), logicalPath)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "Version %d of record %s has no file '%s'."
                        .formatted(version.version(), record.id(), logicalPath)));
  }

  private static Map.Entry<DigestAlgorithm, String> strongest(OcflObjectVersionFile file) {
    Map<DigestAlgorithm, String> fixity = file.getFixity();
    for (DigestAlgorithm algorithm : fixity.keySet()) {
      if (algorithm.getOcflName().equals("sha512")) {
        return Map.entry(algorithm, fixity.get(algorithm));
      }
    }
    for (DigestAlgorithm algorithm : fixity.keySet()) {
      if (algorithm.getOcflName().equals("sha256")) {
        return Map.entry(algorithm, fixity.get(algorithm));
      }
    }
    throw new ApiException(
        ProblemType.INTEGRITY_FAILURE,
        "%s has no sha512 or sha256 digest in its inventory.".formatted(file.getPath()));
  }

  private static MediaType mediaType(ArchiveVersion version, OcflObjectVersionFile file) {
    if (version.content() != null
        && version.content().path().equals(file.getPath())
        && version.content().mediaType() != null) {
      try {
        return MediaType.parseMediaType(version.content().mediaType());
      } catch (RuntimeException e) {
        // fall through to the file name
      }
    }
    return MediaTypeFactory.getMediaType(file.getPath()).orElse(MediaType.APPLICATION_OCTET_STREAM);
  }

  private void auditRestricted(ArchiveRecord record, String action, String detail) {
    if (record.restricted()) {
      audit.record(action, record.id(), detail);
    }
  }
}
