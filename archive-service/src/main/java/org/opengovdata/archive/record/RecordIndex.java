package org.opengovdata.archive.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.docnumber.DocumentNumber;
import org.opengovdata.docnumber.DocumentNumberPrefix;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The query index over the OCFL root (tables {@code record}, {@code record_version}). Writes are
 * upserts, so indexing the same version twice (a write racing a rebuild) is harmless.
 */
@Repository
class RecordIndex {

  private static final String RECORD_COLUMNS =
      """
      r.*, exists (select 1 from legal_hold h where h.record_id = r.id and h.released_at is null)
        as on_hold""";

  private final JdbcClient jdbc;

  RecordIndex(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void upsert(ArchiveRecord record) {
    RecordMetadata m = record.metadata();
    var number = DocumentNumberLookup.parsed(m.documentNumber());
    jdbc.sql(
            """
            insert into record (id, object_id, title, document_number, document_number_key,
              document_issuer_code, issuer, document_date, retention_class, disposition_date,
              series, source_reference, access, head_version, valid, problems, created_at,
              updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set object_id = excluded.object_id, title = excluded.title,
              document_number = excluded.document_number,
              document_number_key = excluded.document_number_key,
              document_issuer_code = excluded.document_issuer_code, issuer = excluded.issuer,
              document_date = excluded.document_date, retention_class = excluded.retention_class,
              disposition_date = excluded.disposition_date, series = excluded.series,
              source_reference = excluded.source_reference, access = excluded.access,
              head_version = excluded.head_version, valid = excluded.valid,
              problems = excluded.problems, updated_at = excluded.updated_at
            where record.head_version <= excluded.head_version""")
        .params(
            record.id(),
            record.objectId(),
            m.title(),
            m.documentNumber(),
            number.map(n -> n.key()).orElse(null),
            number.map(n -> n.issuerCode()).orElse(null),
            m.issuer(),
            m.documentDate(),
            m.retentionClass().name(),
            record.dispositionDate().orElse(null),
            m.series(),
            m.sourceReference(),
            m.access().name(),
            record.headVersion(),
            record.valid(),
            record.problems().isEmpty() ? null : String.join("\n", record.problems()),
            Timestamp.from(record.createdAt()),
            Timestamp.from(record.updatedAt()))
        .update();
  }

  void upsertVersion(ArchiveVersion v) {
    ContentFile c = v.content();
    jdbc.sql(
            """
            insert into record_version (record_id, version, created_at, user_name, user_address,
              message, content_path, filename, media_type, size, digest_algorithm, digest)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (record_id, version) do nothing""")
        .params(
            v.recordId(),
            v.version(),
            Timestamp.from(v.created()),
            v.userName(),
            v.userAddress(),
            v.message(),
            c == null ? null : c.path(),
            c == null ? null : c.filename(),
            c == null ? null : c.mediaType(),
            c == null ? null : c.size(),
            v.digestAlgorithm(),
            v.digest())
        .update();
  }

  Optional<ArchiveRecord> find(UUID id) {
    return jdbc.sql("select " + RECORD_COLUMNS + " from record r where r.id = ?")
        .param(id)
        .query(RecordIndex::mapRecord)
        .optional();
  }

  /** The record's row, locked until the transaction ends (serialises writes to one record). */
  Optional<ArchiveRecord> lock(UUID id) {
    jdbc.sql("select 1 from record where id = ? for update").param(id).query().listOfRows();
    return find(id);
  }

  Optional<Tombstone> tombstone(UUID id) {
    return jdbc.sql(
            """
            select t.record_id, t.disposition_id, t.title, t.document_number, d.reason,
              d.proposed_by, d.approved_by, t.destroyed_at
            from tombstone t join disposition d on d.id = t.disposition_id
            where t.record_id = ?""")
        .param(id)
        .query(
            (rs, n) ->
                new Tombstone(
                    rs.getObject("record_id", UUID.class),
                    rs.getObject("disposition_id", UUID.class),
                    rs.getString("title"),
                    rs.getString("document_number"),
                    rs.getString("reason"),
                    rs.getString("proposed_by"),
                    rs.getString("approved_by"),
                    rs.getTimestamp("destroyed_at").toInstant()))
        .optional();
  }

  void updateRetention(UUID id, RetentionClass retention, LocalDate dispositionDate) {
    jdbc.sql("update record set retention_class = ?, disposition_date = ? where id = ?")
        .params(retention.name(), dispositionDate, id)
        .update();
  }

  void insertRetentionChange(
      UUID id, RetentionClass from, RetentionClass to, String reason, String who) {
    jdbc.sql(
            """
            insert into retention_change (record_id, from_class, to_class, reason, changed_by)
            values (?, ?, ?, ?, ?)""")
        .params(id, from.name(), to.name(), reason, who)
        .update();
  }

  /** Marks an indexed record invalid (a fixity audit found its object broken): never served. */
  int markInvalid(UUID id, List<String> problems) {
    return jdbc.sql("update record set valid = false, problems = ? where id = ?")
        .params(String.join("\n", problems), id)
        .update();
  }

  void delete(UUID id) {
    jdbc.sql("delete from record where id = ?").param(id).update();
  }

  void deleteAll() {
    jdbc.sql("delete from record_version").update();
    jdbc.sql("delete from record").update();
  }

  long count(RecordFilter filter) {
    Where where = where(filter);
    return jdbc.sql("select count(*) from record r where " + where.sql)
        .params(where.parameters)
        .query(Long.class)
        .single();
  }

  List<ArchiveRecord> page(RecordFilter filter, PageRequest page) {
    Where where = where(filter);
    List<Object> parameters = new ArrayList<>(where.parameters);
    parameters.add(page.size());
    parameters.add(page.offset());
    return jdbc.sql(
            "select "
                + RECORD_COLUMNS
                + " from record r where "
                + where.sql
                + " order by r.document_date desc nulls last, r.id limit ? offset ?")
        .params(parameters)
        .query(RecordIndex::mapRecord)
        .list();
  }

  void forEach(RecordFilter filter, Consumer<ArchiveRecord> sink) {
    Where where = where(filter);
    try (var rows =
        jdbc
            .sql(
                "select "
                    + RECORD_COLUMNS
                    + " from record r where "
                    + where.sql
                    + " order by r.document_date desc nulls last, r.id")
            .params(where.parameters)
            .withFetchSize(500)
            .query(RecordIndex::mapRecord)
            .stream()) {
      rows.forEach(sink);
    }
  }

  long countVersions(UUID id) {
    return jdbc.sql("select count(*) from record_version where record_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  List<ArchiveVersion> versions(UUID id, PageRequest page) {
    return jdbc.sql(
            "select * from record_version where record_id = ? order by version limit ? offset ?")
        .params(id, page.size(), page.offset())
        .query(RecordIndex::mapVersion)
        .list();
  }

  List<ArchiveVersion> allVersions(UUID id) {
    return jdbc.sql("select * from record_version where record_id = ? order by version")
        .param(id)
        .query(RecordIndex::mapVersion)
        .list();
  }

  Optional<ArchiveVersion> version(UUID id, int version) {
    return jdbc.sql("select * from record_version where record_id = ? and version = ?")
        .params(id, version)
        .query(RecordIndex::mapVersion)
        .optional();
  }

  /**
   * The version in force at {@code instant}: the last one created at or before it. HTTP dates have
   * whole seconds, so creation times are compared to the second.
   */
  Optional<ArchiveVersion> versionAt(UUID id, java.time.Instant instant) {
    return jdbc.sql(
            """
            select * from record_version
            where record_id = ? and date_trunc('second', created_at) <= ?
            order by version desc limit 1""")
        .params(id, Timestamp.from(instant.truncatedTo(ChronoUnit.SECONDS)))
        .query(RecordIndex::mapVersion)
        .optional();
  }

  private record Where(String sql, List<Object> parameters) {}

  private static Where where(RecordFilter f) {
    List<String> clauses = new ArrayList<>(List.of("true"));
    List<Object> parameters = new ArrayList<>();
    if (!f.includeRestricted()) {
      clauses.add("r.access = 'PUBLIC'");
    }
    if (f.documentNumber() instanceof DocumentNumber number) {
      clauses.add("r.document_number_key = ?");
      parameters.add(number.key());
    } else if (f.documentNumber() instanceof DocumentNumberPrefix prefix) {
      if (prefix.year() != null) {
        // the canonical prefix is a prefix of exactly that issuer's keys of that year
        clauses.add("r.document_number_key like ?");
        parameters.add(prefix.canonical() + "%");
      } else {
        clauses.add("r.document_issuer_code = ?");
        parameters.add(prefix.issuerCode());
      }
    }
    if (f.titleKeyword() != null) {
      clauses.add("strpos(lower(r.title), lower(?)) > 0");
      parameters.add(f.titleKeyword());
    }
    if (f.dateFrom() != null) {
      clauses.add("r.document_date >= ?");
      parameters.add(f.dateFrom());
    }
    if (f.dateTo() != null) {
      clauses.add("r.document_date <= ?");
      parameters.add(f.dateTo());
    }
    if (f.retentionClass() != null) {
      clauses.add("r.retention_class = ?");
      parameters.add(f.retentionClass().name());
    }
    if (f.onHold() != null) {
      clauses.add(
          (f.onHold() ? "" : "not ")
              + "exists (select 1 from legal_hold h where h.record_id = r.id"
              + " and h.released_at is null)");
    }
    if (f.dueOn() != null) {
      clauses.add("r.disposition_date <= ?");
      parameters.add(f.dueOn());
    }
    return new Where(String.join(" and ", clauses), parameters);
  }

  private static ArchiveRecord mapRecord(ResultSet rs, int row) throws SQLException {
    String problems = rs.getString("problems");
    return new ArchiveRecord(
        rs.getObject("id", UUID.class),
        rs.getString("object_id"),
        new RecordMetadata(
            rs.getString("title"),
            rs.getString("document_number"),
            rs.getString("issuer"),
            rs.getObject("document_date", LocalDate.class),
            RetentionClass.valueOf(rs.getString("retention_class")),
            rs.getString("series"),
            rs.getString("source_reference"),
            Access.valueOf(rs.getString("access"))),
        rs.getInt("head_version"),
        rs.getBoolean("on_hold"),
        rs.getBoolean("valid"),
        problems == null ? List.of() : Arrays.asList(problems.split("\n")),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static ArchiveVersion mapVersion(ResultSet rs, int row) throws SQLException {
    String path = rs.getString("content_path");
    long size = rs.getLong("size");
    Long knownSize = rs.wasNull() ? null : size;
    return new ArchiveVersion(
        rs.getObject("record_id", UUID.class),
        rs.getInt("version"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("user_name"),
        rs.getString("user_address"),
        rs.getString("message"),
        path == null
            ? null
            : new ContentFile(
                path, rs.getString("filename"), rs.getString("media_type"), knownSize),
        rs.getString("digest_algorithm"),
        rs.getString("digest"));
  }
}
