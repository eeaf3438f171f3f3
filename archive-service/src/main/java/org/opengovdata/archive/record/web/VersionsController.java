package org.opengovdata.archive.record.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opengovdata.archive.api.VersionsApi;
import org.opengovdata.archive.api.model.VersionDto;
import org.opengovdata.archive.api.model.VersionListDto;
import org.opengovdata.archive.record.ArchiveRecord;
import org.opengovdata.archive.record.ArchiveVersion;
import org.opengovdata.archive.record.Records;
import org.opengovdata.archive.record.StoredFile;
import org.opengovdata.archive.web.Lists;
import org.opengovdata.common.paging.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class VersionsController implements VersionsApi {

  private final Records records;

  VersionsController(Records records) {
    this.records = records;
  }

  @Override
  @PreAuthorize("hasRole('ARCHIVIST')")
  public ResponseEntity<VersionDto> addVersion(
      UUID recordId, MultipartFile file, String changeNote) {
    ArchiveVersion version = records.addVersion(recordId, file, changeNote);
    ArchiveRecord record = records.require(recordId);
    return ResponseEntity.created(
            URI.create(
                VersionsApi.PATH_LIST_VERSIONS.replace("{recordId}", recordId.toString())
                    + "/"
                    + version.version()))
        .body(
            RecordDtos.version(
                version, RecordDtos.filesOf(records.files(record), version.version())));
  }

  @Override
  public ResponseEntity<VersionDto> getVersion(UUID recordId, Integer versionNumber) {
    ArchiveRecord record = records.readable(recordId);
    ArchiveVersion version = records.version(recordId, versionNumber);
    return ResponseEntity.ok(
        RecordDtos.version(version, RecordDtos.filesOf(files(record), versionNumber)));
  }

  @Override
  public ResponseEntity<VersionListDto> listVersions(UUID recordId, Integer page, Integer size) {
    ArchiveRecord record = records.readable(recordId);
    PageRequest request = Lists.page(page, size);
    long total = records.countVersions(recordId);
    Map<Integer, List<StoredFile>> files = files(record);
    return ResponseEntity.ok(
        new VersionListDto()
            .data(
                records.versions(recordId, request).stream()
                    .map(v -> RecordDtos.version(v, RecordDtos.filesOf(files, v.version())))
                    .toList())
            .meta(Lists.meta(total, request))
            .links(Lists.links(request, total)));
  }

  /** Files of an invalid object may be unreadable: list none rather than fail. */
  private Map<Integer, List<StoredFile>> files(ArchiveRecord record) {
    if (!record.valid()) {
      return Map.of();
    }
    return records.files(record);
  }
}
