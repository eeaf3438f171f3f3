package org.opengovdata.archive.record.web;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.opengovdata.archive.api.model.AccessDto;
import org.opengovdata.archive.api.model.RecordDto;
import org.opengovdata.archive.api.model.RetentionClassDto;
import org.opengovdata.archive.api.model.VersionDto;
import org.opengovdata.archive.api.model.VersionFileDto;
import org.opengovdata.archive.api.model.VersionUserDto;
import org.opengovdata.archive.record.Access;
import org.opengovdata.archive.record.ArchiveRecord;
import org.opengovdata.archive.record.ArchiveVersion;
import org.opengovdata.archive.record.ContentFile;
import org.opengovdata.archive.record.RecordMetadata;
import org.opengovdata.archive.record.RetentionClass;
import org.opengovdata.archive.record.StoredFile;

/** Records and versions as the API shows them. */
public final class RecordDtos {

  private RecordDtos() {}

  public static RecordDto record(ArchiveRecord r) {
    RecordMetadata m = r.metadata();
    return new RecordDto()
        .id(r.id())
        .objectId(r.objectId())
        .title(m.title())
        .documentNumber(m.documentNumber())
        .issuer(m.issuer())
        .documentDate(m.documentDate())
        .retentionClass(RetentionClassDto.valueOf(m.retentionClass().name()))
        .dispositionDate(r.dispositionDate().orElse(null))
        .series(m.series())
        .sourceReference(m.sourceReference())
        .access(AccessDto.valueOf(m.access().name()))
        .headVersion(Math.max(1, r.headVersion()))
        .onHold(r.onHold())
        .valid(r.valid())
        .problems(r.problems().isEmpty() ? null : r.problems())
        .createdAt(r.createdAt().atOffset(ZoneOffset.UTC))
        .updatedAt(r.updatedAt().atOffset(ZoneOffset.UTC));
  }

  public static VersionDto version(ArchiveVersion v, List<StoredFile> files) {
    VersionDto dto =
        new VersionDto()
            .recordId(v.recordId())
            .version(v.version())
            .created(v.created().atOffset(ZoneOffset.UTC))
            .message(v.message());
    if (v.userName() != null) {
      dto.user(new VersionUserDto().name(v.userName()).address(v.userAddress()));
    }
    ContentFile c = v.content();
    if (c != null && v.digest() != null) {
      dto.content(
          new VersionFileDto()
              .path(c.path())
              .digestAlgorithm(VersionFileDto.DigestAlgorithmEnum.fromValue(v.digestAlgorithm()))
              .digest(v.digest())
              .size(c.size())
              .mediaType(c.mediaType()));
    }
    dto.files(
        files.stream()
            .map(
                f ->
                    new VersionFileDto()
                        .path(f.path())
                        .digestAlgorithm(
                            VersionFileDto.DigestAlgorithmEnum.fromValue(f.digestAlgorithm()))
                        .digest(f.digest()))
            .toList());
    return dto;
  }

  public static RecordMetadata metadata(org.opengovdata.archive.api.model.NewRecordDto dto) {
    return new RecordMetadata(
        dto.getTitle(),
        dto.getDocumentNumber(),
        dto.getIssuer(),
        org.opengovdata.archive.web.Dates.parse("documentDate", dto.getDocumentDate()),
        RetentionClass.valueOf(dto.getRetentionClass().name()),
        dto.getSeries(),
        dto.getSourceReference(),
        dto.getAccess() == null ? Access.PUBLIC : Access.valueOf(dto.getAccess().name()));
  }

  public static List<StoredFile> filesOf(Map<Integer, List<StoredFile>> files, int version) {
    return files.getOrDefault(version, List.of());
  }
}
