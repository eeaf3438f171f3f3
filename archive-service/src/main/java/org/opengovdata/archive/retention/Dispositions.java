package org.opengovdata.archive.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opengovdata.archive.audit.AuditLog;
import org.opengovdata.archive.record.ArchiveRecord;
import org.opengovdata.archive.record.ArchiveVersion;
import org.opengovdata.archive.record.Records;
import org.opengovdata.archive.record.RetentionClass;
import org.opengovdata.common.events.PlatformEvent;
import org.opengovdata.common.outbox.OutboxEvents;
import org.opengovdata.common.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Disposition (销毁): an archivist proposes the destruction of due records with the appraisal (鉴定)
 * reason; a second, different archivist's approval executes it (监销, witnessed destruction).
 * Execution records the decision first — tombstones, destruction register, index, audit, event, all
 * in one transaction — and purges the OCFL objects after it commits, so a failed purge leaves a
 * recorded decision and an orphan object to purge again (an index rebuild skips it), never a
 * destroyed object without its register entry.
 */
@Service
public class Dispositions {

  private static final Logger log = LoggerFactory.getLogger(Dispositions.class);

  private final JdbcClient jdbc;
  private final Records records;
  private final Holds holds;
  private final AuditLog audit;
  private final OutboxEvents outbox;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final ZoneId zone;

  Dispositions(
      JdbcClient jdbc,
      Records records,
      Holds holds,
      AuditLog audit,
      OutboxEvents outbox,
      TransactionTemplate tx,
      Clock clock) {
    this.jdbc = jdbc;
    this.records = records;
    this.holds = holds;
    this.audit = audit;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
    this.zone = ZoneId.of("Asia/Shanghai");
  }

  public Disposition propose(List<UUID> recordIds, String reason) {
    return tx.execute(
        status -> {
          LocalDate today = LocalDate.now(clock.withZone(zone));
          Map<UUID, String> refused = new LinkedHashMap<>();
          for (UUID id : recordIds) {
            ArchiveRecord record = records.require(id);
            refusal(record, today).ifPresent(why -> refused.put(id, why));
            pendingDisposition(id)
                .ifPresent(other -> refused.put(id, "already proposed in disposition " + other));
          }
          refuseIfAny(refused);
          Disposition disposition =
              new Disposition(
                  UUID.randomUUID(),
                  Disposition.State.PENDING,
                  reason,
                  List.copyOf(recordIds),
                  Holds.actor(),
                  now(),
                  null,
                  null);
          jdbc.sql(
                  "insert into disposition (id, state, reason, proposed_by, proposed_at) values (?, 'PENDING', ?, ?, ?)")
              .params(
                  disposition.id(),
                  reason,
                  disposition.proposedBy(),
                  Timestamp.from(disposition.proposedAt()))
              .update();
          for (UUID id : recordIds) {
            jdbc.sql("insert into disposition_record (disposition_id, record_id) values (?, ?)")
                .params(disposition.id(), id)
                .update();
            audit.record(
                "disposition.proposed",
                id,
                "disposition %s: %s".formatted(disposition.id(), reason));
          }
          return disposition;
        });
  }

  public Disposition approve(UUID dispositionId) {
    List<String> toPurge = new ArrayList<>();
    Disposition executed =
        tx.execute(
            status -> {
              Disposition pending = lock(dispositionId);
              String approver = Holds.actor();
              if (pending.state() != Disposition.State.PENDING) {
                throw ApiException.conflict(
                    "Disposition %s was already executed on %s."
                        .formatted(dispositionId, pending.approvedAt()));
              }
              if (approver.equals(pending.proposedBy())) {
                throw ApiException.conflict(
                    "Witnessed destruction (监销) needs a second archivist: %s proposed disposition %s and cannot also approve it."
                        .formatted(approver, dispositionId));
              }
              LocalDate today = LocalDate.now(clock.withZone(zone));
              Map<UUID, String> refused = new LinkedHashMap<>();
              List<ArchiveRecord> targets = new ArrayList<>();
              for (UUID id : pending.recordIds()) {
                ArchiveRecord record = records.require(id);
                refusal(record, today).ifPresent(why -> refused.put(id, why));
                targets.add(record);
              }
              refuseIfAny(refused);
              Instant now = now();
              for (ArchiveRecord record : targets) {
                destroy(pending, record, approver, now);
                toPurge.add(record.objectId());
              }
              jdbc.sql(
                      "update disposition set state = 'EXECUTED', approved_by = ?, approved_at = ? where id = ?")
                  .params(approver, Timestamp.from(now), dispositionId)
                  .update();
              return new Disposition(
                  pending.id(),
                  Disposition.State.EXECUTED,
                  pending.reason(),
                  pending.recordIds(),
                  pending.proposedBy(),
                  pending.proposedAt(),
                  approver,
                  now);
            });
    for (String objectId : toPurge) {
      try {
        records.purgeObject(objectId);
      } catch (RuntimeException e) {
        log.error(
            "Disposition {}: could not purge OCFL object {}; purge it again",
            dispositionId,
            objectId,
            e);
      }
    }
    return executed;
  }

  public Disposition get(UUID dispositionId) {
    return find(dispositionId, "")
        .orElseThrow(() -> ApiException.notFound("No disposition %s.".formatted(dispositionId)));
  }

  private void destroy(
      Disposition disposition, ArchiveRecord record, String approver, Instant now) {
    List<ArchiveVersion> versions = records.allVersions(record.id());
    ArchiveVersion last = versions.isEmpty() ? null : versions.get(versions.size() - 1);
    var m = record.metadata();
    jdbc.sql(
            """
            insert into tombstone (record_id, object_id, title, document_number, disposition_id,
              destroyed_at) values (?, ?, ?, ?, ?, ?)""")
        .params(
            record.id(),
            record.objectId(),
            m.title(),
            m.documentNumber(),
            disposition.id(),
            Timestamp.from(now))
        .update();
    jdbc.sql(
            """
            insert into destruction_register (disposition_id, record_id, object_id, title,
              document_number, document_date, retention_class, disposition_date, reason,
              proposed_by, approved_by, destroyed_at, versions, last_digest)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            disposition.id(),
            record.id(),
            record.objectId(),
            m.title(),
            m.documentNumber(),
            m.documentDate(),
            m.retentionClass().name(),
            record.dispositionDate().orElse(null),
            disposition.reason(),
            disposition.proposedBy(),
            approver,
            Timestamp.from(now),
            versions.size(),
            last == null || last.digest() == null
                ? null
                : last.digestAlgorithm() + ":" + last.digest())
        .update();
    records.removeFromIndex(record.id());
    audit.record(
        "record.disposed",
        record.id(),
        "disposition %s proposed by %s, approved by %s: %s"
            .formatted(disposition.id(), disposition.proposedBy(), approver, disposition.reason()));
    outbox.record(
        PlatformEvent.ARCHIVE_RECORD_DISPOSED, record.id().toString(), record.headVersion());
  }

  /** Why a record may not be disposed of today, if it may not. */
  private Optional<String> refusal(ArchiveRecord record, LocalDate today) {
    if (record.metadata().retentionClass() == RetentionClass.PERMANENT) {
      return Optional.of("retention is PERMANENT (永久): never disposed");
    }
    if (holds.held(record.id())) {
      return Optional.of("under legal hold");
    }
    Optional<LocalDate> due = record.dispositionDate();
    if (due.isEmpty()) {
      return Optional.of("no document date: its disposition date is unknown");
    }
    if (due.get().isAfter(today)) {
      return Optional.of("not due until " + due.get());
    }
    return Optional.empty();
  }

  private static void refuseIfAny(Map<UUID, String> refused) {
    if (refused.isEmpty()) {
      return;
    }
    List<Map<String, String>> details =
        refused.entrySet().stream()
            .map(e -> Map.of("recordId", e.getKey().toString(), "reason", e.getValue()))
            .toList();
    throw ApiException.conflict(
            "Refused, nothing was disposed: "
                + String.join(
                    "; ",
                    refused.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList())
                + ".")
        .with("refused", details);
  }

  private Optional<UUID> pendingDisposition(UUID recordId) {
    return jdbc.sql(
            """
            select d.id from disposition d join disposition_record r on r.disposition_id = d.id
            where r.record_id = ? and d.state = 'PENDING'""")
        .param(recordId)
        .query(UUID.class)
        .optional();
  }

  private Disposition lock(UUID id) {
    return find(id, " for update")
        .orElseThrow(() -> ApiException.notFound("No disposition %s.".formatted(id)));
  }

  private Optional<Disposition> find(UUID id, String lock) {
    Optional<Disposition> found =
        jdbc.sql("select * from disposition where id = ?" + lock)
            .param(id)
            .query(Dispositions::map)
            .optional();
    return found.map(
        d ->
            new Disposition(
                d.id(),
                d.state(),
                d.reason(),
                jdbc.sql(
                        "select record_id from disposition_record where disposition_id = ? order by record_id")
                    .param(id)
                    .query(UUID.class)
                    .list(),
                d.proposedBy(),
                d.proposedAt(),
                d.approvedBy(),
                d.approvedAt()));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static Disposition map(ResultSet rs, int row) throws SQLException {
    Timestamp approved = rs.getTimestamp("approved_at");
    return new Disposition(
        rs.getObject("id", UUID.class),
        Disposition.State.valueOf(rs.getString("state")),
        rs.getString("reason"),
        List.of(),
        rs.getString("proposed_by"),
        rs.getTimestamp("proposed_at").toInstant(),
        rs.getString("approved_by"),
        approved == null ? null : approved.toInstant());
  }
}
